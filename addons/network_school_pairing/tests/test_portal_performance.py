from odoo.tests import tagged

from .portal_common import PairingPortalCommon


@tagged("post_install", "-at_install")
class TestPairingPortalQueryCount(PairingPortalCommon):
    """The coordinator's pages cost the same number of queries with one assessment, pair, help
    entry and joint event and with several more of each."""

    def _grow(self, size, grade):
        s = self.schools
        for index in range(size):
            assessment = self._create_assessment(
                self._scores(90, 80, 70, 60, 50, 40, 30, 20, 10, 5),
                procedure="regional",
                grade=grade + index % 3,
                high_threshold=10 + index,
            )
            assessment.action_classify()
            self._create_pair(assessment, s[0], s[9]).action_activate()
            self.pair_own._log_help({"help_kind": "seminar", "description": f"Seminar {index}"})
            self._create_event(host=s[0], school_pair_id=self.pair_own.id)
        self.env.flush_all()

    def _queries(self, url):
        """Queries of a warm request (caches filled by a first one)."""
        for _i in range(2):
            before = self.cr.sql_log_count
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200, url)
            count = self.cr.sql_log_count - before
        return count

    def test_pages_do_not_grow(self):
        urls = ["/my/network/pairs", self.pair_own.access_url]
        self._login(self.coordinator_exec)
        small = {url: self._queries(url) for url in urls}
        self._grow(6, 7)
        large = {url: self._queries(url) for url in urls}
        self.assertEqual(small, large)
