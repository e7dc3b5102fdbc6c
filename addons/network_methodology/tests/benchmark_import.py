"""Benchmark of the import of a region: 2,000 organizations, then 100,000 teachers, through
Odoo's own import (``base_import.import.execute_import``, what the Import button of the lists
Organizations and Teachers runs, with their context), then the same teachers' file again (every
row updates its teacher, matched by e-mail).

Not collected by default (tests/__init__.py does not import it; tagged ``-standard``). Run it
explicitly on a database where the add-ons are installed::

    REPO=<worktree> DEVDB=<db> /work/tools/dev.sh test \\
        addons/network_methodology/tests/benchmark_import.py -s

NETMETH_BENCH_TEACHERS sets the number of teachers (default 100,000; the organizations are one
per 50 teachers). The CSV files are generated in memory; the file is imported in one call, as
one transaction (the import screen's batch size set to the whole file). The target is
100,000 teachers in at most 5 minutes. Everything is rolled back. The figures go to
tests/BENCHMARKS.md.
"""

import io
import logging
import os
import sys
import time

from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

TEACHERS = int(os.environ.get("NETMETH_BENCH_TEACHERS", "100000"))
ORGANIZATIONS = max(TEACHERS // 50, 1)
TARGET_SECONDS = 300
OPTIONS = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
ORG_CONTEXT = {"default_is_company": True, "default_is_network_member": True}
TEACHER_CONTEXT = {
    "default_is_teacher": True,
    "default_is_company": False,
    "default_type": "contact",
}
ORG_FIELDS = ["name", "vat", "network_org_kind", "network_level", "city", "email"]
TEACHER_FIELDS = ["name", "parent_id", "teacher_position", "email", "phone"]
KINDS = ["school", "school", "school", "kindergarten", "additional_education"]
POSITIONS = ["Учитель математики", "Учитель русского языка", "Воспитатель", "Педагог-психолог"]


def _inn(number):
    return f"59{number:08d}"


def _csv(rows):
    out = io.StringIO()
    for row in rows:
        out.write(",".join(f'"{cell}"' for cell in row))
        out.write("\n")
    return out.getvalue().encode()


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkImport(TransactionCase):
    def _import(self, context, fields, content):
        # what the import screen sends: the list's context and «do not track the changes»
        wizard = (
            self.env["base_import.import"]
            .with_context(**context, tracking_disable=True)
            .create(
                {
                    "res_model": "res.partner",
                    "file": content,
                    "file_name": "bench.csv",
                    "file_type": "text/csv",
                }
            )
        )
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        result = wizard.execute_import(fields, fields, dict(OPTIONS))
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        self.assertFalse(result["messages"], result["messages"][:5])
        return result, elapsed, self.env.cr.sql_log_count - queries

    def _report(self, what, rows, elapsed, queries):
        line = (
            f"{what}: {rows:,} rows in {elapsed:.1f} s "
            f"({rows / elapsed:,.0f} rows/s), {queries:,} queries"
        )
        _logger.info(line)
        # pytest-odoo runs do not show Odoo's log: the figures go to stderr too (use -s)
        sys.stderr.write(line + "\n")

    def test_import_region(self):
        orgs = [ORG_FIELDS] + [
            [
                f"МБОУ «Школа № {i}» (бенчмарк)",
                _inn(i),
                KINDS[i % len(KINDS)],
                "2",
                "Заречный",
                f"school{i}@bench.example.com",
            ]
            for i in range(ORGANIZATIONS)
        ]
        result, elapsed, queries = self._import(ORG_CONTEXT, ORG_FIELDS, _csv(orgs))
        self.assertEqual(len(result["ids"]), ORGANIZATIONS)
        self._report("organizations", ORGANIZATIONS, elapsed, queries)

        def teachers(position_shift):
            return _csv(
                [TEACHER_FIELDS]
                + [
                    [
                        f"Бенчмарков{i} Иван Петрович",
                        _inn(i % ORGANIZATIONS),
                        POSITIONS[(i + position_shift) % len(POSITIONS)],
                        f"teacher{i}@bench.example.com",
                        f"+7 900 {i:07d}",
                    ]
                    for i in range(TEACHERS)
                ]
            )

        before = self.env["res.partner"].search_count([("is_teacher", "=", True)])
        result, elapsed, queries = self._import(TEACHER_CONTEXT, TEACHER_FIELDS, teachers(0))
        self.assertEqual(len(result["ids"]), TEACHERS)
        self._report("teachers, first import", TEACHERS, elapsed, queries)
        self.assertLessEqual(elapsed, TARGET_SECONDS)
        after = self.env["res.partner"].search_count([("is_teacher", "=", True)])
        self.assertEqual(after - before, TEACHERS)

        result, elapsed, queries = self._import(TEACHER_CONTEXT, TEACHER_FIELDS, teachers(1))
        self.assertEqual(len(result["ids"]), TEACHERS)
        self._report("teachers, re-import (every row updates)", TEACHERS, elapsed, queries)
        self.assertEqual(self.env["res.partner"].search_count([("is_teacher", "=", True)]), after)
