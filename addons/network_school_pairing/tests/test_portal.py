import json

from .portal_common import PairingPortalCommon


class TestPortal(PairingPortalCommon):
    def test_coordinator_pages(self):
        self._login(self.coordinator_exec)
        listing = self.url_open("/my/network/pairs")
        self.assertEqual(listing.status_code, 200)
        page = listing.text
        self.assertIn(self.pair_own.access_url, page)
        self.assertNotIn(self.pair_other.access_url, page)
        self.assertIn("91.5", page.replace(",", "."))  # own result
        self.assertNotIn(self.schools[1].name, page)  # another pair's school
        self.assertEqual(page.count("o_network_assessment_result_row"), 1)
        pair_page = self.url_open(self.pair_own.access_url)
        self.assertEqual(pair_page.status_code, 200)
        self.assertIn("Own consultation on fractions", pair_page.text)
        self.assertIn("Joint seminar of the pair", pair_page.text)
        self.assertNotIn("Secret visit of another pair", pair_page.text)
        self.assertNotIn("33.25", pair_page.text.replace(",", "."))  # the partner's score
        self.assertEqual(self.url_open(self.pair_other.access_url).status_code, 404)
        home = self.url_open("/my").text
        self.assertIn("/my/network/pairs", home)

    def test_counter(self):
        self._login(self.coordinator_exec)
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["network_school_pair_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()
        self.assertEqual(response["result"]["network_school_pair_count"], 1)

    def test_teacher_and_internal_user_refused(self):
        self._login(self.teacher_user)
        self.assertEqual(self.url_open("/my/network/pairs").status_code, 403)
        self.assertEqual(self.url_open(self.pair_own.access_url).status_code, 403)
        self.authenticate("admin", "admin")
        self.assertEqual(self.url_open("/my/network/pairs").status_code, 403)

    def test_json_rpc_follows_the_rules(self):
        self._login(self.coordinator_exec)
        rows = self._rpc("network.assessment.result", "search_read", [], ["organization_id"])
        self.assertEqual([row["id"] for row in rows], self.result_own.ids)
        error = self._rpc("network.help.record", "read", self.help_other.ids, ["description"])
        self.assertIn("AccessError", json.dumps(error))
        error = self._rpc("network.assessment.result", "write", self.result_own.ids, {"score": 1})
        self.assertIn("AccessError", json.dumps(error))
        self.assertEqual(self.result_own.score, 91.5)
