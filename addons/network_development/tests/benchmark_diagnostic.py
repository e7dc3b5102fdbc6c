"""Benchmark of closing a region-sized diagnostic campaign: 100,000 teachers of 2,000
organizations answered a scored survey of 30 questions (3,000,000 answer lines) measuring
10 competences; ``action_close()`` computes the 1,000,000 results.

Not collected by default (the file name does not start with ``test_`` and tests/__init__.py does
not import it). Run it explicitly with pytest-odoo, on a throw-away database::

    bash scripts/test.sh addons/network_development/tests/benchmark_diagnostic.py -s

The answers are generated in SQL (``INSERT … SELECT generate_series``) inside the test
transaction and rolled back. A run at 1/100 of the size comes first: the test asserts that the
full size takes exactly as many queries and at most 30 s. NETMETH_BENCH_TEACHERS sets the
number of teachers (default 100,000); NETMETH_BENCH_EXPLAIN=1 prints the plans of the
statements over 0.5 s. The figures go to tests/BENCHMARKS.md.
"""

import logging
import os
import sys
import time

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

TEACHERS = int(os.environ.get("NETMETH_BENCH_TEACHERS", "100000"))
TEACHERS_PER_ORG = 50
QUESTIONS = 30
COMPETENCES = 10


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkDiagnostic(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Competence = cls.env["network.competence"]
        area = Competence.create({"name": "Bench area", "code": "BENCH"})
        cls.competences = Competence.create(
            [
                {"name": f"Bench competence {i}", "code": f"BENCH_{i}", "parent_id": area.id}
                for i in range(COMPETENCES)
            ]
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Bench diagnostic",
                "scoring_type": "scoring_without_answers",
                "access_mode": "token",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"Q{q}",
                            "sequence": q,
                            "question_type": "simple_choice",
                            "network_competence_id": cls.competences[q % COMPETENCES].id,
                            "suggested_answer_ids": [
                                Command.create({"value": str(s), "answer_score": s})
                                for s in (0, 1, 2)
                            ],
                        }
                    )
                    for q in range(QUESTIONS)
                ],
            }
        )
        cls.year = cls.env["network.school.year"].create(
            {"name": "1970/1971", "date_start": "1970-09-01", "date_end": "1971-08-31"}
        )

    def _campaign(self, teachers):
        """A running campaign whose ``teachers`` teachers all answered, generated in SQL."""
        orgs = max(1, teachers // TEACHERS_PER_ORG)
        diagnostic = self.env["network.diagnostic"].create(
            {
                "name": f"Bench {teachers}",
                "survey_id": self.survey.id,
                "school_year_id": self.year.id,
                "deadline": fields.Date.today(),
                "state": "running",
            }
        )
        self.env.flush_all()
        started = time.perf_counter()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                CREATE TEMP TABLE bench_org ON COMMIT DROP AS
                WITH ins AS (
                    INSERT INTO res_partner (name, is_company, is_network_member, active, type,
                                             create_date, write_date)
                    SELECT 'Bench org ' || i, TRUE, TRUE, TRUE, 'contact', NOW(), NOW()
                      FROM generate_series(1, %(orgs)s) i
                    RETURNING id)
                SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS n FROM ins
                """,
                orgs=orgs,
            )
        )
        cr.execute(
            SQL(
                """
                CREATE TEMP TABLE bench_teacher ON COMMIT DROP AS
                WITH ins AS (
                    INSERT INTO res_partner (name, parent_id, is_teacher, active, type,
                                             create_date, write_date)
                    SELECT 'Bench teacher ' || i, o.id, TRUE, TRUE, 'contact', NOW(), NOW()
                      FROM generate_series(0, %(teachers)s - 1) i
                      JOIN bench_org o ON o.n = mod(i, %(orgs)s)
                    RETURNING id)
                SELECT id FROM ins
                """,
                teachers=teachers,
                orgs=orgs,
            )
        )
        cr.execute(
            SQL(
                """
                CREATE TEMP TABLE bench_input ON COMMIT DROP AS
                WITH ins AS (
                    INSERT INTO survey_user_input (survey_id, partner_id, state, access_token,
                        test_entry, is_session_answer, network_diagnostic_id, create_date,
                        write_date)
                    SELECT %(survey)s, t.id, 'done', md5(t.id::text || 'bench'), FALSE, FALSE,
                           %(diagnostic)s, NOW(), NOW()
                      FROM bench_teacher t
                    RETURNING id, partner_id)
                SELECT id, partner_id FROM ins
                """,
                survey=self.survey.id,
                diagnostic=diagnostic.id,
            )
        )
        cr.execute(
            SQL(
                """
                INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id,
                    answer_type, skipped, suggested_answer_id, answer_score, create_date,
                    write_date)
                SELECT ui.id, %(survey)s, q.id, 'suggestion', FALSE, a.id, a.answer_score,
                       NOW(), NOW()
                  FROM bench_input ui
                  JOIN survey_question q ON q.survey_id = %(survey)s
                  JOIN survey_question_answer a ON a.question_id = q.id
                       AND a.answer_score = mod(ui.partner_id * 7 + q.id * q.id, 3)
                """,
                survey=self.survey.id,
            )
        )
        cr.execute("ANALYZE survey_user_input")
        cr.execute("ANALYZE survey_user_input_line")
        cr.execute("ANALYZE res_partner")
        _logger.info("generated %s teachers in %.1f s", teachers, time.perf_counter() - started)
        cr.execute("DROP TABLE bench_org, bench_teacher, bench_input")
        return diagnostic

    def _close(self, teachers):
        diagnostic = self._campaign(teachers)
        self.env.invalidate_all()
        explain = os.environ.get("NETMETH_BENCH_EXPLAIN") == "1"
        if explain:
            self.env.cr.execute("LOAD 'auto_explain'")
            self.env.cr.execute(
                "SET LOCAL auto_explain.log_min_duration = 500;"
                "SET LOCAL auto_explain.log_analyze = on;"
                "SET LOCAL auto_explain.log_level = notice;"
            )
        queries = self.env.cr.sql_log_count
        started = time.perf_counter()
        diagnostic.action_close()
        self.env.flush_all()
        elapsed = time.perf_counter() - started
        queries = self.env.cr.sql_log_count - queries
        if explain:
            sys.stderr.write("".join(self.env.cr._cnx.notices[-5:]))
            del self.env.cr._cnx.notices[:]
        self.env.cr.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE is_deficit) FROM network_diagnostic_result"
            " WHERE diagnostic_id = %s",
            [diagnostic.id],
        )
        results, deficits = self.env.cr.fetchone()
        self.assertEqual(results, teachers * COMPETENCES)
        line = (
            f"close {teachers:>7} teachers x {QUESTIONS} questions: {elapsed:6.2f} s, "
            f"{queries} queries, {results} results, {deficits} deficits"
        )
        sys.stderr.write(line + "\n")
        _logger.info(line)
        return elapsed, queries

    def test_close_campaign(self):
        # the answer choices repeat every 3 teachers: warm up the registry on a small size
        small_time, small_queries = self._close(max(TEACHERS // 100, 100))
        full_time, full_queries = self._close(TEACHERS)
        self.assertEqual(full_queries, small_queries)
        self.assertLessEqual(full_time, 30.0)
