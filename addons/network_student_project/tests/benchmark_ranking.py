"""Benchmark of closing a large contest: 1,000 students of 100 schools, a jury of 5 teachers,
4 criteria (20,000 scores), then ``action_done()`` (completeness check, totals, places).

Not collected by default (the file name does not start with ``test_`` and tests/__init__.py does
not import it). Run it explicitly with pytest-odoo::

    bash scripts/test.sh addons/network_student_project/tests/benchmark_ranking.py -s

A run with 10 students comes first: the test asserts that 1,000 students take exactly as many
queries. Everything is rolled back. The figures go to tests/BENCHMARKS.md.
"""

import logging
import sys
import time
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

STUDENTS = 1_000
SMALL = 10
SCHOOLS = 100
JURY = 5
CRITERIA = 4


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkRanking(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.schools = Partner.create(
            [
                {
                    "name": f"Bench school {i}",
                    "is_company": True,
                    "is_network_member": True,
                    "network_org_kind": "school",
                }
                for i in range(SCHOOLS)
            ]
        )
        cls.jury = Partner.create(
            [
                {"name": f"Bench juror {i}", "parent_id": cls.schools[i].id, "is_teacher": True}
                for i in range(JURY)
            ]
        )

    def _judged_project(self, size):
        project = self.env["network.student.project"].create(
            {
                "name": f"Bench contest {size}",
                "organizer_ids": [Command.set(self.schools[:2].ids)],
                "jury_ids": [Command.set(self.jury.ids)],
                "date_start": date(1991, 3, 1),
                "date_end": date(1991, 3, 2),
                "criteria": [
                    Command.create({"name": f"Criterion {i}", "max_score": 10, "weight": 1 + i})
                    for i in range(CRITERIA)
                ],
            }
        )
        project.action_open()
        students = self.env["network.student.participant"].create(
            [
                {
                    "project_id": project.id,
                    "organization_id": self.schools[i % SCHOOLS].id,
                    "student_name": f"Bench student {i}",
                    "grade": 5 + i % 5,
                }
                for i in range(size)
            ]
        )
        project.action_judge()
        self.env["network.student.score"].create(
            [
                {
                    "participant_id": student.id,
                    "criterion_id": criterion.id,
                    "jury_id": juror.id,
                    "score": (i * 7 + j * 3 + k) % 11,
                }
                for i, student in enumerate(students)
                for j, criterion in enumerate(project.criteria)
                for k, juror in enumerate(self.jury)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return project

    def _close(self, project):
        before = self.cr.sql_log_count
        start = time.perf_counter()
        project.action_done()
        self.env.flush_all()
        return time.perf_counter() - start, self.cr.sql_log_count - before

    def test_closing_a_large_contest(self):
        self._close(self._judged_project(SMALL))  # warm-up
        small_time, small_queries = self._close(self._judged_project(SMALL))
        big = self._judged_project(STUDENTS)
        big_time, big_queries = self._close(big)
        places = big.participant_ids.mapped("place")
        winners = sum(big.participant_ids.mapped("is_winner"))
        report = (
            f"closing {SMALL} students: {small_time:.3f} s, {small_queries} queries; "
            f"{STUDENTS} students ({STUDENTS * JURY * CRITERIA} scores): {big_time:.3f} s, "
            f"{big_queries} queries, places 1…{max(places)}, "
            f"{len(set(places))} distinct places, {winners} winners"
        )
        _logger.info(report)
        sys.stdout.write(f"\nbenchmark ranking: {report}\n")
        self.assertEqual(small_queries, big_queries)
