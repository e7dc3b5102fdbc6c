"""Benchmark of classifying and pairing a region: 2,000 schools with results in one assessment
procedure (and in the same procedure of the previous school year, for the «low twice in a row»
flag), 400 high and 400 low results, 400 proposed pairs.

Not collected by default (the file name does not start with ``test_`` and tests/__init__.py does
not import it). Run it explicitly with pytest-odoo::

    bash scripts/test.sh addons/network_school_pairing/tests/benchmark_pairing.py -s

A run with 20 schools comes first: the test asserts that 2,000 schools take exactly as many
queries, and that classifying and proposing 2,000 schools takes at most 1 s. Everything is rolled
back. The figures go to tests/BENCHMARKS.md.
"""

import logging
import sys
import time

from odoo.tests import TransactionCase, tagged

_logger = logging.getLogger(__name__)

SCHOOLS = 2_000
SMALL = 20
CLUSTERS = 40
KINDS = ["school", "school", "school", "college", "additional_education"]


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkPairing(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.has_cluster = "network_parent_id" in Partner._fields
        heads = Partner.create(
            [
                {
                    "name": f"Bench centre {i}",
                    "is_company": True,
                    "is_network_member": True,
                    "network_org_kind": "center",
                    "network_level": "1",
                }
                for i in range(CLUSTERS)
            ]
        )
        cls.schools = Partner.create(
            [
                {
                    "name": f"Bench school {i}",
                    "is_company": True,
                    "is_network_member": True,
                    "network_org_kind": KINDS[i % len(KINDS)],
                    "network_level": "2",
                }
                for i in range(SCHOOLS)
            ]
        )
        if cls.has_cluster:
            for index, head in enumerate(heads):
                cls.schools[index::CLUSTERS].write({"network_parent_id": head.id})
        Year = cls.env["network.school.year"]
        cls.year_before = Year.create(
            {"name": "1980/1981", "date_start": "1980-09-01", "date_end": "1981-08-31"}
        )
        cls.year = Year.create(
            {"name": "1981/1982", "date_start": "1981-09-01", "date_end": "1982-08-31"}
        )
        cls.subject = cls.env["network.subject"].create({"name": "Bench mathematics"})
        cls.env.flush_all()

    def _assessment(self, schools, year, grade, seed):
        assessment = self.env["network.assessment"].create(
            {
                "procedure": "vpr",
                "subject_id": self.subject.id,
                "grade": grade,
                "school_year_id": year.id,
            }
        )
        self.env["network.assessment.result"].create(
            [
                {
                    "assessment_id": assessment.id,
                    "organization_id": school.id,
                    "participants": 20 + index % 60,
                    "score": round(30 + (index * seed) % 6000 / 100.0, 2),
                }
                for index, school in enumerate(schools)
            ]
        )
        return assessment

    def _measure(self, schools, grade):
        before = self._assessment(schools, self.year_before, grade, 37)
        before.action_classify()
        assessment = self._assessment(schools, self.year, grade, 53)
        self.env.flush_all()
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        start = time.perf_counter()
        assessment.action_classify()
        pairs = assessment._propose_pairs()
        self.env.flush_all()
        elapsed = time.perf_counter() - start
        return elapsed, self.env.cr.sql_log_count - queries, assessment, pairs

    def test_classify_and_pair_2000_schools(self):
        self._measure(self.schools[:SMALL], 3)  # warm-up: caches, translations
        small_time, small_queries, _small, small_pairs = self._measure(self.schools[:SMALL], 4)
        big_time, big_queries, assessment, pairs = self._measure(self.schools, 5)
        levels = dict(
            self.env["network.assessment.result"]._read_group(
                [("assessment_id", "=", assessment.id)], ["level"], ["__count"]
            )
        )
        flagged = self.env["network.assessment.result"].search_count(
            [("assessment_id", "=", assessment.id), ("is_low_repeat", "=", True)]
        )
        msg = (
            f"{SMALL} schools: {small_time:.3f} s, {small_queries} queries, "
            f"{len(small_pairs)} pairs; {SCHOOLS} schools: {big_time:.3f} s, {big_queries} "
            f"queries, {len(pairs)} pairs, levels {levels}, {flagged} low twice in a row, "
            f"clusters: {self.has_cluster}"
        )
        _logger.info("benchmark pairing: %s", msg)
        sys.stdout.write(f"\nbenchmark pairing: {msg}\n")
        self.assertEqual(small_queries, big_queries)
        self.assertEqual(len(pairs), 400)
        self.assertEqual(len(pairs.strong_id | pairs.weak_id), 800)
        self.assertLessEqual(big_time, 1.0)
