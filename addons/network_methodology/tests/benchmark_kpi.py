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

from .region_data import SUB_PROJECTS, generate_region_year

_logger = logging.getLogger(__name__)


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

    def _generate(self, start_year, factor):
        """A school year with ``SCALE / factor`` records, in SQL."""
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
        n = generate_region_year(self.env, year, self.subprojects, factor, f"B{start_year}")
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
