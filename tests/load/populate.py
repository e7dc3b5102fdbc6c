"""Region-sized data and the load test's users, on a database with every add-on installed.

Run by tests/load/run.sh through ``odoo-bin shell`` (the script reads ``env``)::

    odoo-bin shell -c odoo.conf -d nm_load_123 --no-http < tests/load/populate.py

Environment:
    NETMETH_LOAD_FACTOR        1 (default) fills the current school year with a region:
                               2,000 organizations, 100,000 teachers, 1,000,000 tokens, 10,000
                               network events, 4,000 offers, 20,000 requests, 20,000 issued
                               certificates; N fills 1/N of that
    NETMETH_LOAD_TEACHERS      portal users among the certified teachers (default 200)
    NETMETH_LOAD_COORDINATORS  coordinators, one per organization (default 100)
    NETMETH_LOAD_USERS         where the users, certificates and verification codes go (JSON)

The data is the KPI benchmark's generator (network_methodology/tests/region_data.py,
``generate_region_year``, plain SQL), then:

- every generated contact gets its commercial partner (the portal role reads it);
- certificates get verification codes of the real length (32 characters);
- every issued certificate of the year gets its frozen PDF (``attachment_use``): one PDF is
  rendered by wkhtmltopdf, the others are rows of ``ir.attachment`` sharing its file, as
  Odoo's filestore stores equal files once;
- portal users with one password (hashed with few rounds: logging 250 users in is not what is
  measured) for a sample of the certified teachers and a coordinator contact for a sample of the
  organizations.
"""

import importlib.util
import json
import logging
import os
import time

from passlib.hash import pbkdf2_sha512

from odoo.modules.module import get_module_path
from odoo.tools import SQL

_logger = logging.getLogger("netmeth.load")

PASSWORD = "load-test"  # noqa: S105 (throw-away database, loopback only)
TAG = "L"
CERTIFICATE_REPORT = "network_certification.action_report_network_certificate"


def region_data():
    """network_methodology/tests/region_data.py, loaded by its path: importing the add-on's
    tests package would import Odoo's test framework outside a test run."""
    path = os.path.join(get_module_path("network_methodology"), "tests", "region_data.py")
    spec = importlib.util.spec_from_file_location("netmeth_region_data", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def populate(env):  # noqa: C901 (one straight script)
    started = time.perf_counter()
    factor = int(os.environ.get("NETMETH_LOAD_FACTOR", "1"))
    teacher_count = int(os.environ.get("NETMETH_LOAD_TEACHERS", "200"))
    coordinator_count = int(os.environ.get("NETMETH_LOAD_COORDINATORS", "100"))
    out = os.environ.get("NETMETH_LOAD_USERS", "load_users.json")
    cr = env.cr

    generator = region_data()
    year = env["network.school.year"]._get_current()
    assert year, "no current school year (the demo data creates one)"
    project = env["network.project"].create({"name": "Load project"})
    subprojects = env["network.project"].create(
        [
            {"name": f"Load sub-project {i}", "parent_id": project.id}
            for i in range(generator.SUB_PROJECTS)
        ]
    )
    env.flush_all()
    sizes = generator.generate_region_year(env, year, subprojects, factor, TAG)
    _logger.info("region data: %s in %.0f s", sizes, time.perf_counter() - started)

    # contacts inserted in SQL: their commercial partner (stored compute) is the organization
    cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET commercial_partner_id = COALESCE(p.parent_id, p.id), lang = 'ru_RU',
                   create_date = now(), write_date = now(), create_uid = %(uid)s,
                   write_uid = %(uid)s
             WHERE p.name LIKE %(like)s AND p.commercial_partner_id IS NULL
            """,
            uid=env.uid,
            like=f"{TAG} %",
        )
    )
    # real verification codes (the page refuses codes shorter than 20 characters)
    cr.execute(
        SQL(
            """
            UPDATE network_certificate
               SET verification_code = md5(id::text || verification_code || random()::text),
                   create_date = now(), write_date = now()
             WHERE school_year_id = %s AND name LIKE %s
            """,
            year.id,
            f"{TAG}-%",
        )
    )

    # the sample: certified teachers spread over the organizations, coordinators likewise
    cr.execute(
        SQL(
            """
            SELECT c.partner_id, array_agg(c.id ORDER BY c.id)
              FROM network_certificate c
             WHERE c.school_year_id = %s AND c.name LIKE %s AND c.state = 'issued'
             GROUP BY c.partner_id
             ORDER BY c.partner_id
            """,
            year.id,
            f"{TAG}-%",
        )
    )
    certified = cr.fetchall()
    step = max(1, len(certified) // teacher_count)
    sample = certified[::step][:teacher_count]
    cr.execute(
        SQL(
            "SELECT id FROM res_partner WHERE is_company AND is_network_member AND name LIKE %s "
            "ORDER BY id",
            f"{TAG} school %",
        )
    )
    org_ids = [row[0] for row in cr.fetchall()]
    org_step = max(1, len(org_ids) // coordinator_count)
    coordinated = org_ids[::org_step][:coordinator_count]
    coordinator_partners = env["res.partner"].create(
        [
            {
                "name": f"{TAG} coordinator {i}",
                "parent_id": org_id,
                "email": f"load.coordinator{i}@example.com",
                "lang": "ru_RU",
            }
            for i, org_id in enumerate(coordinated)
        ]
    )

    portal = env.ref("base.group_portal")
    Users = env["res.users"].with_context(
        no_reset_password=True, mail_create_nolog=True, mail_create_nosubscribe=True
    )
    teacher_users = Users.create(
        [
            {
                "login": f"load.teacher{i}",
                "partner_id": partner_id,
                "groups_id": [(6, 0, portal.ids)],
            }
            for i, (partner_id, _certificates) in enumerate(sample)
        ]
    )
    coordinator_users = Users.create(
        [
            {
                "login": f"load.coordinator{i}",
                "partner_id": partner.id,
                "groups_id": [(6, 0, portal.ids)],
            }
            for i, partner in enumerate(coordinator_partners)
        ]
    )
    users = teacher_users | coordinator_users
    env.flush_all()
    cr.execute(
        SQL(
            "UPDATE res_users SET password = %s WHERE id IN %s",
            pbkdf2_sha512.using(rounds=1000).hash(PASSWORD),
            tuple(users.ids),
        )
    )
    roles = {role for role, _org in (user._network_portal_role() for user in users)}
    assert roles == {"teacher", "coordinator"}, roles

    # frozen PDFs: one rendered, the others share its file
    certificates = env["network.certificate"].browse(sample[0][1][0])
    report = env.ref(CERTIFICATE_REPORT)
    pdf, _type = report._render_qweb_pdf(CERTIFICATE_REPORT, certificates.ids)
    frozen = report.retrieve_attachment(certificates)
    assert frozen and frozen.raw == pdf, "the certificate's PDF was not stored at its first print"
    cr.execute(
        SQL(
            """
            INSERT INTO ir_attachment (name, res_model, res_id, type, store_fname, file_size,
                                       checksum, mimetype, index_content, public, company_id,
                                       create_uid, write_uid, create_date, write_date)
            SELECT replace(c.name, '/', '-') || '.pdf', 'network.certificate', c.id, a.type,
                   a.store_fname, a.file_size, a.checksum, a.mimetype, a.index_content, false,
                   a.company_id, a.create_uid, a.create_uid, now(), now()
              FROM network_certificate c, ir_attachment a
             WHERE a.id = %(frozen)s AND c.school_year_id = %(year)s AND c.state = 'issued'
               AND c.id != %(certificate)s
               AND NOT EXISTS (SELECT 1 FROM ir_attachment x
                                WHERE x.res_model = 'network.certificate' AND x.res_id = c.id)
            """,
            frozen=frozen.id,
            year=year.id,
            certificate=certificates.id,
        )
    )
    frozen_count = cr.rowcount + 1

    cr.execute(
        SQL(
            """
            SELECT verification_code FROM network_certificate
             WHERE school_year_id = %s AND state = 'issued' ORDER BY md5(id::text) LIMIT 1000
            """,
            year.id,
        )
    )
    codes = [row[0] for row in cr.fetchall()]
    cr.execute("ANALYZE")
    env.cr.commit()

    data = {
        "db": env.cr.dbname,
        "sizes": sizes,
        "factor": factor,
        "password": PASSWORD,
        "teachers": [
            {"login": user.login, "certificates": certificate_ids}
            for user, (_partner, certificate_ids) in zip(teacher_users, sample, strict=True)
        ],
        "coordinators": [{"login": user.login} for user in coordinator_users],
        "verification_codes": codes,
        "frozen_pdfs": frozen_count,
        "pdf_bytes": len(pdf),
    }
    with open(out, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=1)
    _logger.info(
        "load data ready in %.0f s: %d teachers and %d coordinators with portal access, "
        "%d frozen certificate PDFs (%d bytes each), users in %s",
        time.perf_counter() - started,
        len(teacher_users),
        len(coordinator_users),
        frozen_count,
        len(pdf),
        out,
    )


populate(env)  # noqa: F821 (odoo-bin shell's environment)
