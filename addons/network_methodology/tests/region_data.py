"""Region-sized data generated in SQL (``INSERT … SELECT generate_series``): a school year of
2,000 organizations, 100,000 teachers, 1,000,000 tokens and what goes with them.

Used by the KPI benchmark (benchmark_kpi.py) and by the load test (tests/load/populate.py at
the repository's root, which loads this file by its path: it imports nothing from
``odoo.tests``, so it also runs outside a test run).
"""

import logging
import os
import time

_logger = logging.getLogger(__name__)

SCALE = {
    "orgs": 2_000,
    "teachers": 100_000,
    "tokens": int(os.environ.get("NETMETH_BENCH_TOKENS", "1000000")),
    "events": 10_000,
    "offers": 4_000,
    "requests": 20_000,
    "certificates": 20_000,
    "platforms": 200,
}
SUB_PROJECTS = 9
FORMS = ["lecture", "seminar", "workshop", "training", "master_class", "webinar"]


def _sql(env, query, params=None):
    env.cr.execute(query, params or {})
    return [row[0] for row in env.cr.fetchall()] if env.cr.description else None


def generate_region_year(env, year, subprojects, factor=1, tag="B"):
    """Fills the school year ``year`` with ``SCALE / factor`` records in SQL (organizations,
    teachers, offers, requests, network events, tokens and, with network_certification,
    issued certificates and «Сетевая площадка» statuses) spread over the network project
    ``subprojects``; names start with ``tag``. Returns the sizes. Also used by the load test
    (tests/load/populate.py)."""
    started = time.perf_counter()
    n = {key: max(1, value // factor) for key, value in SCALE.items()}
    start = year.date_start
    p = {
        "tag": tag,
        "year": year.id,
        "start": start,
        "projects": [None, *subprojects.ids],
        "forms": FORMS,
        "uid": env.uid,
        **n,
    }
    p["org_ids"] = _sql(
        env,
        """
        INSERT INTO res_partner (name, complete_name, is_company, is_network_member,
                                 network_org_kind, active, type)
        SELECT %(tag)s || ' school ' || g, %(tag)s || ' school ' || g, true, true, 'school',
               true, 'contact'
          FROM generate_series(1, %(orgs)s) g
        RETURNING id
        """,
        p,
    )
    p["teacher_ids"] = _sql(
        env,
        """
        INSERT INTO res_partner (name, complete_name, parent_id, is_teacher, active, type)
        SELECT %(tag)s || ' teacher ' || g, %(tag)s || ' teacher ' || g,
               (%(org_ids)s::int[])[1 + g %% %(orgs)s], true, true, 'contact'
          FROM generate_series(0, %(teachers)s - 1) g
        RETURNING id
        """,
        p,
    )
    # offers: two per organization, one in ten stays a draft
    p["offer_ids"] = _sql(
        env,
        """
        INSERT INTO network_offer (name, organization_id, school_year_id, project_id,
                                   event_form, audience, state, duration_hours)
        SELECT %(tag)s || ' offer ' || g, (%(org_ids)s::int[])[1 + g %% %(orgs)s],
               %(year)s, (%(projects)s::int[])[1 + g %% 10],
               (%(forms)s::varchar[])[1 + g %% 6], 'teachers',
               CASE WHEN g %% 10 = 9 THEN 'draft' ELSE 'published' END, 2
          FROM generate_series(0, %(offers)s - 1) g
        RETURNING id
        """,
        p,
    )
    # requests on published offers by another organization, in every state; the k-th pass
    # over the offers (k = g * 10 / 9 / offers) files from the organization k + 1 places after
    # the executor's, so that no applicant has two pending requests for one offer
    _sql(
        env,
        """
        INSERT INTO network_request (name, requester_id, offer_id, executor_id, project_id,
                                     event_form, school_year_id, date_request,
                                     participants_planned, state, date_accepted, done_count)
        SELECT %(tag)s || '/' || g,
               (%(org_ids)s::int[])[1 + ((g * 10 / 9) %% %(offers)s + 1
                                         + g * 10 / 9 / %(offers)s) %% %(orgs)s], o.id,
               o.organization_id, o.project_id, o.event_form, %(year)s,
               %(start)s::date + (g %% 300), 5, s.state,
               CASE WHEN s.state IN ('accepted', 'scheduled', 'done')
                    THEN %(start)s::date + (g %% 300) END,
               (s.state = 'done')::int
          FROM generate_series(0, %(requests)s - 1) g
          JOIN network_offer o
            ON o.id = (%(offer_ids)s::int[])[1 + (g * 10 / 9) %% %(offers)s]
         CROSS JOIN LATERAL (SELECT (ARRAY['done', 'done', 'done', 'done', 'done',
                                           'accepted', 'scheduled', 'submitted',
                                           'rejected', 'cancelled'])[1 + g %% 10] AS state) s
         WHERE o.state = 'published'
        """,
        p,
    )
    p["event_ids"] = _sql(
        env,
        """
        INSERT INTO event_event (name, date_tz, badge_format, seats_limited, date_begin,
                                 date_end, is_network_event, event_form,
                                 host_organization_id, project_id, school_year_id,
                                 tokens_issued, active)
        SELECT jsonb_build_object('en_US', %(tag)s || ' event ' || g), 'UTC', 'A6', false,
               %(start)s::timestamp + (g %% 330) * interval '1 day' + interval '9 hours',
               %(start)s::timestamp + (g %% 330) * interval '1 day' + interval '11 hours',
               true, (%(forms)s::varchar[])[1 + g %% 6],
               (%(org_ids)s::int[])[1 + g %% %(orgs)s], (%(projects)s::int[])[1 + g %% 10],
               %(year)s, true, true
          FROM generate_series(0, %(events)s - 1) g
        RETURNING id
        """,
        p,
    )
    # tokens: event g / per_event, teacher g (mod teachers): unique per teacher and event
    p["per_event"] = max(1, n["tokens"] // n["events"])
    _sql(
        env,
        """
        INSERT INTO network_activity_token (partner_id, organization_id, event_id, role,
                                            school_year_id, date, state)
        SELECT (%(teacher_ids)s::int[])[1 + g %% %(teachers)s],
               (%(org_ids)s::int[])[1 + (g %% %(teachers)s) %% %(orgs)s],
               (%(event_ids)s::int[])[1 + (g / %(per_event)s) %% %(events)s],
               CASE WHEN g %% 10 = 0 THEN 'presenter' ELSE 'listener' END,
               %(year)s, %(start)s::date + 180, 'valid'
          FROM generate_series(0, %(tokens)s - 1) g
        """,
        p,
    )
    # statistics of the new rows (ANALYZE sees the transaction's own rows): with those of a
    # year that had few tokens, the planner would look each certificate's tokens up through
    # the school year's index, a scan of the million tokens per certificate
    _sql(env, "ANALYZE network_activity_token")
    if "network.certificate" in env:
        _sql(
            env,
            """
            INSERT INTO network_certificate (name, certificate_kind, partner_id,
                                             organization_id, school_year_id, company_id,
                                             issue_date, state, verification_code)
            SELECT %(tag)s || '-' || g,
                   CASE WHEN g %% 3 = 0 THEN 'network_teacher' ELSE 'teacher' END,
                   (%(teacher_ids)s::int[])[1 + g],
                   (%(org_ids)s::int[])[1 + g %% %(orgs)s], %(year)s, %(company)s,
                   %(start)s::date + 270, 'issued', %(tag)s || '-code-' || g
              FROM generate_series(0, %(certificates)s - 1) g
            """,
            dict(p, company=env.company.id),
        )
        _sql(
            env,
            """
            INSERT INTO network_certificate_token_rel (certificate_id, token_id)
            SELECT c.id, t.id
              FROM network_certificate c
             CROSS JOIN LATERAL (SELECT id FROM network_activity_token t
                                  WHERE t.partner_id = c.partner_id
                                    AND t.school_year_id = c.school_year_id
                                  LIMIT 3) t
             WHERE c.school_year_id = %(year)s
            """,
            p,
        )
        _sql(
            env,
            """
            INSERT INTO network_platform_partner_year_rel (partner_id, school_year_id)
            SELECT (%(org_ids)s::int[])[g], %(year)s FROM generate_series(1, %(platforms)s) g
            """,
            p,
        )
    _sql(env, "ANALYZE")
    env.invalidate_all()
    _logger.info("benchmark data %s: %s in %.1f s", tag, n, time.perf_counter() - started)
    return n
