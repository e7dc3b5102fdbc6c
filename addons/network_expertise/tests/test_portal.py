from odoo.tests import new_test_user, tagged

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import ExpertiseTestCommon


@tagged("post_install", "-at_install")
class TestExpertisePortal(ExpertiseTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # teacher_user is the applicant's teacher (listener): the expert of the tests
        cls.expertise = cls._assign(cls.expert_appl)
        cls.other_expertise = cls._assign(cls.expert_third)
        cls.unassigned = cls._submitted_material()
        cls.stranger = new_test_user(cls.env, "expertise_stranger", groups="base.group_portal")

    def _scores(self, general, assessment, **extra):
        return {
            f"score_{self.crit_general.id}": general,
            f"score_{self.crit_assessment.id}": assessment,
            **extra,
        }

    def test_rules_expert_reads_only_assigned(self):
        Material = self.env["network.material"].with_user(self.teacher_user)
        ids = (self.material | self.unassigned).ids
        self.assertEqual(Material.search([("id", "in", ids)]), self.material)
        Expertise = self.env["network.expertise"].with_user(self.teacher_user)
        self.assertEqual(Expertise.search([]), self.expertise)
        # the author school's coordinator reads no expertise (no experts' names)
        self.assertFalse(self.env["network.expertise"].with_user(self.coordinator_exec).search([]))
        # once cancelled, the material is out of reach again
        self.expertise.action_cancel()
        self.assertFalse(Material.search([("id", "in", ids)]))

    def test_jsonrpc(self):
        self._login(self.teacher_user)
        rows = self._rpc("network.expertise", "search_read", [], fields=["expert_id"])
        self.assertEqual([row["id"] for row in rows], self.expertise.ids)
        error = self._rpc("network.material", "read", self.unassigned.ids, ["name"])
        self.assertIn("AccessError", error["data"]["name"])
        rows = self._rpc("network.material", "read", self.material.ids, ["name"])
        self.assertEqual(rows[0]["name"], self.material.name)
        # read only: the expert cannot write the scores over RPC
        error = self._rpc("network.expertise", "write", self.expertise.ids, {"comment": "x"})
        self.assertIn("AccessError", error["data"]["name"])

    def test_expert_scores_and_finishes(self):
        self._login(self.teacher_user)
        page = self.url_open("/my/network/expertise")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'data-id="{self.expertise.id}"', page.text)
        self.assertNotIn(f'data-id="{self.other_expertise.id}"', page.text)
        url = f"/my/network/expertise/{self.expertise.id}"
        page = self.url_open(url)
        self.assertIn(self.material.name, page.text)
        attachment = self.material.attachment_ids
        response = self.url_open(f"{url}/files/{attachment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        # bad input: the form again with the field marked, nothing saved
        page = self._post(url, self._scores("9", "1", recommendation="publish"))
        self.assertIn("is-invalid", page.text)
        self.assertFalse(self.expertise.score_ids)
        # saved, then finished
        self._post(url, self._scores("4", "2", recommendation="publish", comment="Полезно"))
        self.assertEqual(self.expertise.total_score, 6)
        self.assertEqual(self.expertise.state, "assigned")
        self._post(url, self._scores("5", "2", recommendation="publish", finish="1"))
        self.assertEqual(self.expertise.state, "done")
        self.assertEqual(self.expertise.total_score, 7)
        # a finished expertise does not change any more
        self._post(url, self._scores("1", "1", recommendation="reject"))
        self.assertEqual(self.expertise.total_score, 7)
        self.assertEqual(self.expertise.recommendation, "publish")

    def test_finish_without_recommendation_shows_error(self):
        self._login(self.teacher_user)
        url = f"/my/network/expertise/{self.expertise.id}"
        page = self._post(url, self._scores("4", "2", finish="1"))
        self.assertIn("alert-danger", page.text)
        self.assertEqual(self.expertise.state, "assigned")

    def test_foreign_expertise_not_found(self):
        self._login(self.teacher_user)
        url = f"/my/network/expertise/{self.other_expertise.id}"
        self.assertEqual(self.url_open(url).status_code, 404)
        response = self._post(url, self._scores("4", "2", recommendation="publish", finish="1"))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.other_expertise.state, "assigned")
        self.assertFalse(self.other_expertise.score_ids)
        attachment = self.material.attachment_ids
        self.assertEqual(self.url_open(f"{url}/files/{attachment.id}").status_code, 404)

    def test_stranger_and_internal_refused(self):
        self._login(self.stranger)
        self.assertEqual(self.url_open("/my/network/expertise").status_code, 403)
        self.assertFalse(self.env["network.expertise"].with_user(self.stranger).search([]))

    def test_author_sees_results_without_names(self):
        self._score(self.expertise, recommendation="revise").action_done()
        self._login(self.coordinator_exec)
        page = self.url_open(f"/my/network/materials/{self.material.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_network_expertise_result", page.text)
        self.assertIn("Хороший материал", page.text)
        self.assertNotIn("o_network_expert_name", page.text)
        self.assertNotIn(self.expert_appl.name, page.text)
        self.env.company.network_expertise_anonymous = False
        page = self.url_open(f"/my/network/materials/{self.material.id}")
        self.assertIn(self.expert_appl.name, page.text)
