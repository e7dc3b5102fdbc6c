from datetime import date

from odoo.tests import tagged

from .portal_common import COUNTERS, NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalQueryCount(NetworkPortalCommon):
    """The portal home, its counters and the matrix page cost the same number of queries with
    a handful of records and with ten times more organizations and requests."""

    def _add_network(self, organizations):
        orgs = self.env["res.partner"].create(
            [
                {
                    "name": f"Scale school {self._uid_str()}",
                    "is_company": True,
                    "is_network_member": True,
                }
                for _i in range(organizations)
            ]
        )
        self._sign_cooperation(orgs)
        offers = self.env["network.offer"]
        for org in orgs:
            offers |= self._create_offer(org, self._create_teacher(org))
        requests = self.env["network.request"].create(
            [
                {
                    "requester_id": requester.id,
                    "offer_id": offer.id,
                    "date_request": date(1991, 2, 1),
                }
                for offer in offers
                for requester in (orgs - offer.organization_id)[:3] | self.applicant
            ]
        )
        requests.action_submit()
        requests[::2].write({"state": "done"})
        for org in orgs[:5]:
            self._create_agreement("interaction", executor_id=org.id, customer_id=self.applicant.id)
        self.env.flush_all()

    def _queries(self, url, json=None):
        """Queries of a warm request (caches filled by a first one), as in website's tests."""
        for _i in range(2):
            before = self.cr.sql_log_count
            if json is None:
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
            else:
                self.make_jsonrpc_request(url, json)
            count = self.cr.sql_log_count - before
        return count

    def _measure(self):
        matrix = f"/network/matrix?year_id={self.year.id}"
        return {
            "home": self._queries("/my/home"),
            "counters": self._queries("/my/counters", {"counters": COUNTERS}),
            "matrix": self._queries(matrix),
        }

    def test_coordinator_pages_do_not_grow(self):
        self._add_network(3)
        self._login(self.coordinator_appl)
        small = self._measure()
        self._add_network(30)
        large = self._measure()
        self.assertEqual(large, small)
        matrix = self.env["network.request"]._get_matrix(self.year)
        self.assertGreaterEqual(len(matrix["executors"]), 33)
        # absolute budgets, with a margin: a query per counter, a few for the session
        self.assertLessEqual(small["counters"], 25)
        self.assertLessEqual(small["matrix"], 25)
        with self.assertQueryCount(large["matrix"]):
            self.url_open(f"/network/matrix?year_id={self.year.id}")

    def test_teacher_home_does_not_grow(self):
        self._login(self.teacher_user)
        small = self._queries("/my/counters", {"counters": COUNTERS})
        for _i in range(20):
            self._create_token(self.listener, self._create_event())
        self.assertEqual(self._queries("/my/counters", {"counters": COUNTERS}), small)

    def test_matrix_pages_of_executors(self):
        """A region's matrix is read a page of executors at a time: each page shows its
        executors (a column and a phone's card each) and the applicants that requested one of
        them; the pages together show every executor once."""
        from ..controllers.matrix import MATRIX_PAGE_SIZE

        self._add_network(30)
        self._login(self.coordinator_appl)
        matrix = self.env["network.request"]._get_matrix(self.year)
        executors = matrix["executors"]
        self.assertGreater(len(executors), MATRIX_PAGE_SIZE)
        pages = -(-len(executors) // MATRIX_PAGE_SIZE)
        cards = 0
        for page in range(1, pages + 1):
            path = "/network/matrix" + (f"/page/{page}" if page > 1 else "")
            response = self.url_open(f"{path}?year_id={self.year.id}")
            self.assertEqual(response.status_code, 200)
            html = response.text
            expected = executors[(page - 1) * MATRIX_PAGE_SIZE : page * MATRIX_PAGE_SIZE]
            self.assertEqual(html.count('class="card mb-2'), len(expected))
            cards += len(expected)
            for executor in expected:
                self.assertIn(executor.name, html)
            # the pager links the other pages, with the filters
            other = f"/network/matrix/page/{page + 1}" if page < pages else "/network/matrix?"
            self.assertIn(f'href="{other}', html)
            for applicant in matrix["applicants"]:
                if applicant in executors:
                    continue  # also a column or a card on some page
                requested = any((applicant.id, e.id) in matrix["cells"] for e in expected)
                self.assertEqual(applicant.name in html, requested, applicant.name)
        self.assertEqual(cards, len(executors))

    def test_matrix_page_details_only_its_executors(self):
        """A page's matrix builds the cells of its executors only; the counts of rows,
        columns and the total stay those of the whole matrix, and a page past the last shows
        the last one."""
        self._add_network(30)
        Request = self.env["network.request"]
        whole = Request._get_matrix(self.year)
        part = Request._get_matrix(self.year, executor_slice=slice(5, 10))
        shown = whole["executors"][5:10]
        self.assertEqual(part["executors"], whole["executors"])
        self.assertEqual(
            {executor for _applicant, executor in part["cells"]},
            set(shown.ids) & {executor for _applicant, executor in whole["cells"]},
        )
        for key, cell in part["cells"].items():
            self.assertEqual(cell, whole["cells"][key])
        self.assertEqual(
            (part["rows"], part["columns"], part["total"]),
            (whole["rows"], whole["columns"], whole["total"]),
        )
        self._login(self.coordinator_appl)
        last = self.url_open(f"/network/matrix/page/999?year_id={self.year.id}")
        self.assertEqual(last.status_code, 200)
        self.assertIn(whole["executors"][-1].name, last.text)
