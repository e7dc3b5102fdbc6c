"""Benchmark of the KPIs and the analytical report for a region-sized school year: 2,000
organizations, 100,000 teachers, 1,000,000 tokens (and 10,000 events, 4,000 offers, 20,000
requests, 20,000 certificates when network_certification is installed).

Not collected by default (the file name does not start with ``test_`` and tests/__init__.py does
not import it). Run it explicitly with pytest-odoo, on a throw-away database::

    bash scripts/test.sh addons/network_methodology/tests/benchmark_kpi.py -s

or on a database where both add-ons are installed (see scripts/lib.sh for the options)::

    python -m pytest addons/network_methodology/tests/benchmark_kpi.py -s \\
        --odoo-database=DB --odoo-config=odoo.conf --odoo-addons-path=...

NETMETH_BENCH_TOKENS sets the number of tokens (default 1,000,000); NETMETH_BENCH_EXPLAIN=1
prints the plan of the KPI query. The data is generated in SQL (``INSERT … SELECT
generate_series``) inside the test transaction and rolled back. A run at 1/100 of the size
comes first: the test asserts that the full size takes exactly as many queries. The figures go
to tests/BENCHMARKS.md.
"""

import logging
import os
import sys
import time
from datetime import date

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

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


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkKpi(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls.env["network.project"].create({"name": "Bench project"})
        cls.subprojects = cls.env["network.project"].create(
            [
                {"name": f"Bench sub-project {i}", "parent_id": cls.project.id}
                for i in range(SUB_PROJECTS)
            ]
        )
        cls.env.flush_all()

    def _sql(self, query, params=None):
        self.env.cr.execute(query, params or {})
        return [row[0] for row in self.env.cr.fetchall()] if self.env.cr.description else None

    def _generate(self, start_year, factor):
        """A school year with ``SCALE / factor`` records, in SQL."""
        started = time.perf_counter()
        n = {key: max(1, value // factor) for key, value in SCALE.items()}
        year, previous = (
            self.env["network.school.year"].create(
                {
                    "name": f"{start}/{start + 1} bench",
                    "date_start": date(start, 9, 1),
                    "date_end": date(start + 1, 8, 31),
                }
            )
            for start in (start_year, start_year - 1)
        )
        self.env.flush_all()
        tag = f"B{start_year}"
        p = {
            "tag": tag,
            "year": year.id,
            "start": date(start_year, 9, 1),
            "projects": [None, *self.subprojects.ids],
            "forms": FORMS,
            "uid": self.env.uid,
            **n,
        }
        p["org_ids"] = self._sql(
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
        p["teacher_ids"] = self._sql(
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
        p["offer_ids"] = self._sql(
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
        # requests on published offers by another organization, in every state
        self._sql(
            """
            INSERT INTO network_request (name, requester_id, offer_id, executor_id, project_id,
                                         event_form, school_year_id, date_request,
                                         participants_planned, state, date_accepted, done_count)
            SELECT %(tag)s || '/' || g, (%(org_ids)s::int[])[1 + (g + 7) %% %(orgs)s], o.id,
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
        p["event_ids"] = self._sql(
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
        self._sql(
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
        if "network.certificate" in self.env:
            self._sql(
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
                dict(p, company=self.env.company.id),
            )
            self._sql(
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
            self._sql(
                """
                INSERT INTO network_platform_partner_year_rel (partner_id, school_year_id)
                SELECT (%(org_ids)s::int[])[g], %(year)s FROM generate_series(1, %(platforms)s) g
                """,
                p,
            )
        self._sql("ANALYZE")
        self.env.invalidate_all()
        _logger.info("benchmark data %s: %s in %.1f s", tag, n, time.perf_counter() - started)
        return year, previous, n

    def _timed(self, function):
        # a first call fills the caches (registry, translations, views): only the second counts
        function()
        self.env.invalidate_all()
        queries = self.cr.sql_log_count
        started = time.perf_counter()
        result = function()
        return result, time.perf_counter() - started, self.cr.sql_log_count - queries

    def _measure(self, start_year, factor):
        year, _previous, n = self._generate(start_year, factor)
        Report = self.env["network.kpi.report"]
        fields = list(Report._kpi_counts()) + ["demand_ratio", "fulfilment_ratio"]
        rows, kpi_time, kpi_queries = self._timed(
            lambda: Report.search_read(
                [("school_year_id", "=", year.id), ("project_id", "=", False)], fields
            )
        )
        [row] = rows
        self.assertEqual(row["teachers_active"], n["teachers"])
        self.assertEqual(row["offers_published"], n["offers"] - n["offers"] // 10)
        if "network.certificate" in self.env:
            self.assertEqual(row["certificates_issued"], n["certificates"])
            self.assertEqual(row["platforms_count"], n["platforms"])
        project_rows, projects_time, projects_queries = self._timed(
            lambda: Report.search_read([("school_year_id", "=", year.id)], fields)
        )
        projects = self.env["network.project"].with_context(active_test=False).search_count([])
        self.assertEqual(len(project_rows), 1 + projects)
        activity = self.env["network.organization.activity.report"]
        groups, activity_time, activity_queries = self._timed(
            lambda: activity._read_group(
                [("school_year_id", "=", year.id)],
                ["is_uninvolved"],
                ["__count", "requests_made:sum", "teachers_active:sum"],
            )
        )
        members = self.env["res.partner"].search_count(
            [("is_network_member", "=", True), ("is_company", "=", True)]
        )
        self.assertEqual(sum(count for _flag, count, _made, _teachers in groups), members)
        report = self.env["report.network_methodology.report_network_kpi_year"]
        values, report_time, report_queries = self._timed(
            lambda: report._get_report_values(year.ids)
        )
        doc = values["docs"][0]
        self.assertEqual(len(doc["organizations"]), n["orgs"])
        message = (
            "BENCHMARK KPI, %(orgs)d organizations, %(teachers)d teachers, %(tokens)d tokens: "
            "whole-network row %(kpi).2f s / %(kpi_q)d queries; all %(rows)d rows of the year "
            "%(proj).2f s / %(proj_q)d queries; participation of organizations %(act).2f s / "
            "%(act_q)d queries; analytical report values %(rep).2f s / %(rep_q)d queries"
        ) % dict(
            n,
            kpi=kpi_time,
            kpi_q=kpi_queries,
            rows=len(project_rows),
            proj=projects_time,
            proj_q=projects_queries,
            act=activity_time,
            act_q=activity_queries,
            rep=report_time,
            rep_q=report_queries,
        )
        if os.environ.get("NETMETH_BENCH_EXPLAIN"):
            self.env.cr.execute(
                SQL(
                    "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM (%s) q "
                    "WHERE q.school_year_id = %s AND q.project_id IS NULL",
                    Report._kpi_query(),
                    year.id,
                )
            )
            sys.stderr.write("\n".join(row[0] for row in self.env.cr.fetchall()) + "\n")
        _logger.info(message)
        # pytest-odoo runs do not show Odoo's log: the figures go to stderr too (use -s)
        sys.stderr.write(message + "\n")
        return kpi_queries, projects_queries, activity_queries, report_queries

    def test_region_sized_year(self):
        small = self._measure(1951, 100)
        large = self._measure(1941, 1)
        self.assertEqual(large, small)
