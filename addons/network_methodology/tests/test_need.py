import json

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import NetworkTestCommon
from .portal_common import NetworkPortalCommon


class NeedMixin:
    @classmethod
    def _create_need(cls, requester=None, **vals):
        return cls.env["network.need"].create(
            {
                "name": f"Need {cls._uid_str()}",
                "requester_id": (requester or cls.applicant).id,
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestNeed(NeedMixin, NetworkTestCommon):
    def test_answer_files_a_draft_request(self):
        need = self._create_need(event_form="seminar")
        self.assertEqual(need.state, "open")
        self.assertEqual(
            need.school_year_id,
            self.env["network.school.year"]._get_for_date(fields.Date.context_today(need)),
        )
        requests = need.action_answer(self.offer)
        self.assertEqual(need.state, "answered")
        self.assertEqual(need.offer_id, self.offer)
        self.assertEqual(need.request_id, requests)
        self.assertEqual(
            (requests.requester_id, requests.offer_id, requests.state),
            (self.applicant, self.offer, "draft"),
        )
        # the school submits it as any request
        requests.action_submit()
        self.assertEqual(requests.state, "submitted")

    def test_answer_reuses_a_pending_request(self):
        pending = self._create_request(self.offer, requester=self.applicant)
        first, second = self._create_need(), self._create_need()
        requests = (first | second).action_answer(self.offer)
        self.assertEqual(requests, pending)
        self.assertEqual((first | second).request_id, pending)

    def test_answer_several_needs_of_one_school_files_one_request(self):
        first, second = self._create_need(), self._create_need()
        requests = (first | second).action_answer(self.offer)
        self.assertEqual(len(requests), 1)
        self.assertEqual((first | second).request_id, requests)

    def test_answer_with_the_offer_chosen_on_the_form(self):
        need = self._create_need()
        with self.assertRaises(UserError):
            need.action_answer_offer()
        need.offer_id = self.offer
        need.action_answer_offer()
        self.assertEqual(need.state, "answered")

    def test_answer_refusals_change_nothing(self):
        need = self._create_need()
        draft_offer = self._create_offer(self.executor, self.presenter, publish=False)
        with self.assertRaises(UserError):
            need.action_answer(draft_offer)
        own_offer = self._create_offer(self.applicant, self.listener)
        with self.assertRaises(UserError):
            need.action_answer(own_offer)
        self.assertEqual((need.state, need.request_id.id), ("open", False))
        need.action_close()
        with self.assertRaises(UserError):
            need.action_answer(self.offer)
        with self.assertRaises(UserError):
            need.action_close()
        need.action_reopen()
        self.assertEqual(need.state, "open")
        need.action_answer(self.offer)
        need.action_close()
        with self.assertRaises(UserError):
            need.action_reopen()

    def test_portal_values_are_validated(self):
        Need = self.env["network.need"]
        values, errors = Need._portal_prepare_values(
            {"name": " ", "event_form": "dance", "audience": "x", "description": "a" * 5001},
            self.applicant,
        )
        self.assertEqual(set(errors), {"name", "event_form", "audience", "description"})
        values, errors = Need._portal_prepare_values(
            {"name": "Тема\x00", "audience": "teachers", "description": "<b>bold</b>"},
            self.applicant,
        )
        self.assertFalse(errors)
        self.assertEqual(values["name"], "Тема")
        self.assertFalse(values["event_form"])
        self.assertNotIn("<b>", values["description"])
        self.assertEqual(values["requester_id"], self.applicant.id)

    def test_kpi_counts_needs_and_requests(self):
        year = self.env["network.school.year"]._get_current()
        if not year:
            self.skipTest("no current school year in this database")
        Report = self.env["network.kpi.report"]

        def row():
            return Report.search([("school_year_id", "=", year.id), ("project_id", "=", False)])

        before = row()
        counts = (
            before.needs_open,
            before.needs_answered,
            before.requests_filed,
            before.requests_rejected,
        )
        self._create_need()
        self._create_need().action_answer(self.offer)
        rejected = self._create_request(self.offer, requester=self.third_org)
        rejected.action_submit()
        rejected.action_reject("No places left")
        self.env.flush_all()
        Report.invalidate_model()
        after = row()
        self.assertEqual(
            (after.needs_open, after.needs_answered, after.requests_filed, after.requests_rejected),
            (counts[0] + 1, counts[1] + 1, counts[2] + 1, counts[3] + 1),
        )


@tagged("post_install", "-at_install")
class TestNeedPortal(NeedMixin, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.need_appl = cls._create_need(description="<p>Наши учителя пятых классов</p>")
        cls.need_closed = cls._create_need()
        cls.need_closed.action_close()

    def test_coordinator_files_a_need(self):
        self._login(self.coordinator_appl)
        page = self._post(
            "/my/network/needs/new",
            {
                "name": "Проектная деятельность в 5 классе",
                "audience": "teachers",
                "event_form": "workshop",
                "description": "Нужен практикум",
            },
        )
        need = self.env["network.need"].search([("name", "=", "Проектная деятельность в 5 классе")])
        self.assertEqual(need.requester_id, self.applicant)
        self.assertEqual(need.create_uid, self.coordinator_appl)
        self.assertIn(need.access_url, page.url)
        self.assertIn("Нужен практикум", page.text)
        # bad input: the form again with the message, nothing saved
        count = self.env["network.need"].search_count([])
        page = self._post("/my/network/needs/new", {"name": "", "audience": "teachers"})
        self.assertIn("is-invalid", page.text)
        self.assertEqual(self.env["network.need"].search_count([]), count)
        # closing
        self._post(f"/my/network/needs/{need.id}/close")
        self.assertEqual(need.state, "closed")

    @mute_logger("odoo.http")
    def test_other_members_see_open_needs_without_description(self):
        self._login(self.coordinator_exec)
        listing = self.url_open("/my/network/needs?filterby=network")
        self.assertIn(self.need_appl.name, listing.text)
        self.assertNotIn(self.need_closed.name, listing.text)
        page = self.url_open(self.need_appl.access_url)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("пятых классов", page.text)
        self.assertNotIn("o_network_need_close", page.text)
        # a closed need of another organization is not theirs to read
        self.assertEqual(self.url_open(self.need_closed.access_url).status_code, 404)
        # nor to close
        response = self._post(f"/my/network/needs/{self.need_appl.id}/close")
        self.assertIn(response.status_code, (403, 404))
        self.assertEqual(self.need_appl.state, "open")

    def test_rules_through_orm_and_rpc(self):
        Need = self.env["network.need"]
        both = self.need_appl | self.need_closed
        self.assertEqual(
            Need.with_user(self.coordinator_appl).search([("id", "in", both.ids)]), both
        )
        self.assertEqual(
            Need.with_user(self.coordinator_exec).search([("id", "in", both.ids)]), self.need_appl
        )
        # teachers are not coordinators: open needs only (the pages are for coordinators)
        self.assertEqual(
            Need.with_user(self.teacher_user).search([("id", "in", both.ids)]), self.need_appl
        )
        with self.assertRaises(AccessError):
            self.need_appl.with_user(self.coordinator_appl).write({"name": "x"})
        with self.assertRaises(AccessError):
            Need.with_user(self.coordinator_appl).create(
                {"name": "x", "requester_id": self.applicant.id}
            )
        self._login(self.coordinator_exec)
        ids = {row["id"] for row in self._rpc("network.need", "search_read", [], ["id"])}
        self.assertIn(self.need_appl.id, ids)
        self.assertNotIn(self.need_closed.id, ids)
        error = self._rpc("network.need", "write", [self.need_appl.id], {"name": "Hacked"})
        self.assertIn("access", json.dumps(error).lower())
        self.assertNotEqual(self.need_appl.name, "Hacked")

    @mute_logger("odoo.http")
    def test_teacher_has_no_needs_page(self):
        self._login(self.teacher_user)
        self.assertEqual(self.url_open("/my/network/needs").status_code, 403)
