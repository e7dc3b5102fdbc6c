"""Benchmark of the methodical bank: a full-text search at /my/network/bank among 100,000
published materials.

Not collected by default (tests/__init__.py does not import it). Run it explicitly, e.g. on a
database where the add-ons are installed::

    REPO=<worktree> DEVDB=<db> /work/tools/dev.sh test \\
        addons/network_methodology/tests/benchmark_bank.py -s

NETMETH_BENCH_MATERIALS sets the number of materials (default 100,000). The materials are
generated in SQL (``INSERT … SELECT generate_series``) inside the test transaction and rolled
back: titles and descriptions combine Russian words in their various forms, so one search finds
about a third of them. A run at 1/100 of the size comes first: the test asserts that the full
size takes exactly as many queries. The figures go to tests/BENCHMARKS.md.
"""

import logging
import os
import sys
import time

from odoo.tests import tagged
from odoo.tools import SQL

from .portal_common import NetworkPortalCommon

_logger = logging.getLogger(__name__)

MATERIALS = int(os.environ.get("NETMETH_BENCH_MATERIALS", "100000"))
TITLES = [
    "Открытый урок математики в {n} классе",
    "Уроки смыслового чтения: кейсы для {n} класса",
    "Проектная деятельность учащихся {n} класса",
    "Формирующее оценивание на уроках физики, {n} класс",
    "Программа наставничества молодых педагогов",
    "Диагностические задания по функциональной грамотности, {n} класс",
]
DESCRIPTIONS = [
    "<p>Методические рекомендации и сценарий занятия для учителей сети.</p>",
    "<p>Материал подготовлен по итогам сетевого мероприятия: презентация и раздаточные "
    "материалы к уроку.</p>",
    "<p>Сборник заданий с ключами и критериями оценивания.</p>",
]
SEARCHES = ["урок", "наставничество молодых педагогов", "оценивания"]


@tagged("post_install", "-at_install", "-standard", "netmeth_benchmark")
class BenchmarkBank(NetworkPortalCommon):
    def _generate(self, count):
        """``count`` more published materials of the executor school, in SQL."""
        titles = SQL(
            "(ARRAY[%s])[1 + mod(n, %s)]",
            SQL(", ").join(SQL("%s", t) for t in TITLES),
            len(TITLES),
        )
        descriptions = SQL(
            "(ARRAY[%s])[1 + mod(n, %s)]",
            SQL(", ").join(SQL("%s", d) for d in DESCRIPTIONS),
            len(DESCRIPTIONS),
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO network_material (name, description, material_type, state, date,
                    date_published, license, audience, organization_id, download_count,
                    create_uid, write_uid, create_date, write_date)
                SELECT replace(%(titles)s, '{n}', (1 + mod(n, 11))::text), %(descriptions)s,
                    (ARRAY['methodical', 'project', 'lesson_video', 'assessment'])[1 + mod(n, 4)],
                    'published', DATE '2020-01-01' + (mod(n, 2000)),
                    DATE '2020-01-01' + (mod(n, 2000)),
                    (ARRAY['cc_by', 'cc_by_sa', 'cc_by_nc'])[1 + mod(n, 3)],
                    'teachers', %(org)s, mod(n, 50), 1, 1, now(), now()
                FROM generate_series(1, %(count)s) AS n
                """,
                titles=titles,
                descriptions=descriptions,
                org=self.executor.id,
                count=count,
            )
        )
        self.env.cr.execute("ANALYZE network_material")
        self.env.invalidate_all()

    def _measure(self, url):
        """Queries and server time (best of 3) of a warm request."""
        times = []
        for _i in range(4):
            before = self.cr.sql_log_count
            start = time.perf_counter()
            response = self.url_open(url)
            times.append(time.perf_counter() - start)
            count = self.cr.sql_log_count - before
            self.assertEqual(response.status_code, 200)
        return count, min(times[1:]), response

    def _run(self, label):
        results = {}
        for words in SEARCHES:
            url = f"/my/network/bank?search={words}"
            results[words] = self._measure(url)
        results["(no search, page 50)"] = self._measure("/my/network/bank/page/50")
        for words, (queries, seconds, _response) in results.items():
            message = f"bank {label}: {words!r}: {seconds * 1000:.0f} ms, {queries} queries"
            _logger.info(message)
            # pytest-odoo runs do not show Odoo's log: the figures go to stderr too (use -s)
            sys.stderr.write(message + "\n")
        return results

    def test_bank_search(self):
        self._login(self.teacher_user)
        self._generate(MATERIALS // 100)
        small = self._run(f"{MATERIALS // 100:,}")
        self._generate(MATERIALS - MATERIALS // 100)
        total = self.env["network.material"].search_count([("state", "=", "published")])
        self.assertGreaterEqual(total, MATERIALS)
        large = self._run(f"{MATERIALS:,}")
        for key, (queries, _seconds, response) in large.items():
            self.assertEqual(queries, small[key][0], key)
            self.assertIn("o_network_bank_item", response.text)
        if os.environ.get("NETMETH_BENCH_EXPLAIN"):
            Material = self.env["network.material"].with_user(self.teacher_user)
            query = Material._search([("bank_search", "=", "урок"), ("state", "=", "published")])
            query.order = SQL("date_published DESC, id DESC")
            query.limit = 20
            self.env.cr.execute(SQL("EXPLAIN ANALYZE %s", query.select()))
            sys.stderr.write("\n".join(row[0] for row in self.env.cr.fetchall()) + "\n")
