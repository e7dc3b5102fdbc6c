import json

from odoo.tests import tagged

from .portal_common import DevelopmentPortalCommon


@tagged("post_install", "-at_install")
class TestPortal(DevelopmentPortalCommon):
    def _search_read(self, model, domain):
        """A JSON-RPC call of the model as the logged-in user: the records or the error."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/search_read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": "search_read",
                        "args": [domain, ["partner_id", "score_percent"]],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        ).json()
        return response.get("result"), response.get("error")

    def test_teacher_route_page_agree_and_swap(self):
        self._login(self.teacher_user)
        page = self.url_open("/my/network/routes")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.route_anna.access_url, page.text)
        self.assertNotIn(self.route_irina.access_url, page.text)
        page = self.url_open(self.route_anna.access_url)
        self.assertIn("o_network_route_agree", page.text)
        self.assertEqual(page.text.count("o_network_route_step "), len(self.route_anna.line_ids))
        # swap a step for another developing the same competence
        line = self.route_anna.line_ids[0]
        key, _label, _vals = line._swap_options()[0]
        self._post(f"{self.route_anna.access_url}/steps/{line.id}/swap", {"option": key})
        self.assertEqual(f"{key.split(':')[0]}:{line[key.split(':')[0]].id}", key)
        # a foreign option changes nothing
        before = (line.event_id, line.offer_id, line.community_id)
        self._post(f"{self.route_anna.access_url}/steps/{line.id}/swap", {"option": "offer_id:0"})
        self.assertEqual((line.event_id, line.offer_id, line.community_id), before)
        self._post(f"{self.route_anna.access_url}/agree")
        self.assertEqual(self.route_anna.state, "agreed")

    def test_foreign_route_refused(self):
        self._login(self.teacher_user)
        self.assertEqual(self.url_open(self.route_irina.access_url).status_code, 404)
        response = self._post(f"{self.route_irina.access_url}/agree")
        self.assertIn(response.status_code, (403, 404))
        self.assertEqual(self.route_irina.state, "draft")
        # a coordinator reads the route but does not agree it for the teacher
        self._login(self.coordinator_exec)
        self.assertEqual(self.url_open(self.route_irina.access_url).status_code, 200)
        response = self._post(f"{self.route_irina.access_url}/agree")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.route_irina.state, "draft")

    def test_coordinator_sees_who_has_not_answered(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        answer = diagnostic.answer_ids.filtered(lambda a: a.partner_id == self.presenter)
        answer._save_lines(self.q1, self._choice(self.q1, 1).id)
        answer._mark_done()
        self._login(self.coordinator_exec)
        page = self.url_open(diagnostic.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_network_answered"), 1)
        self.assertEqual(page.text.count("o_network_not_answered"), 2)  # Oleg and Vera
        self.assertNotIn(self.listener.name, page.text)  # another school's teacher

    def test_teacher_diagnostic_page(self):
        self._login(self.teacher_user)
        page = self.url_open(self.diagnostic.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_network_result "), 3)
        self.assertEqual(page.text.count("o_network_deficit"), 2)
        self.assertNotIn(self.presenter.name, page.text)
        self.assertNotIn("o_network_participation", page.text)

    def test_json_rpc_keeps_results_personal(self):
        self._login(self.teacher_user)
        records, error = self._search_read("network.diagnostic.result", [])
        self.assertIsNone(error)
        self.assertEqual({r["partner_id"][0] for r in records}, {self.listener.id})
        self._login(self.coordinator_appl)
        records, error = self._search_read("network.diagnostic.result", [])
        self.assertEqual({r["partner_id"][0] for r in records}, {self.listener.id})
        self.authenticate("department_dev", "department_dev")
        records, error = self._search_read("network.diagnostic.result", [])
        self.assertIsNone(records)
        self.assertIn("AccessError", error["data"]["name"])

    def test_home_counters(self):
        self._login(self.teacher_user)
        values = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["network_route_count", "network_diagnostic_count"]}
        )
        self.assertEqual(values["network_route_count"], 1)
        self.assertEqual(values["network_diagnostic_count"], 1)

    def test_catalogue_shows_participants_rating(self):
        self.env.company.network_feedback_survey_id = self._feedback_survey("Feedback")
        event = self._create_event(offer_id=self.offer.id)
        self._register(event, self.listener)
        event._issue_tokens()
        self.env["event.event"]._cron_network_send_feedback()
        self._rate(event, self.listener, 3)  # 75 %
        self._login(self.coordinator_appl)
        catalogue = self.url_open("/my/network/catalogue").text
        self.assertIn("o_network_offer_rating", catalogue)
        self.assertIn("75 %", catalogue)
        page = self.url_open(self.offer.access_url).text
        self.assertIn("75 %", page)
        self.assertIn("o_network_offer_rating", page)
