from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .portal_common import NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTours(NetworkPortalCommon):
    """One browser tour per portal role, in headless Chromium, in Russian, on a desktop
    screen; ``TestPortalToursPhone`` walks the same tours on a 390 px phone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("ru_RU"):
            cls.skipTest(cls, "Russian is not installed in this database")
        for user in (cls.coordinator_exec, cls.coordinator_appl, cls.teacher_user):
            user.lang = "ru_RU"

    def test_coordinator_files_request(self):
        offer = self._create_offer(
            self.executor, self.presenter, name="Tour offer: formative assessment"
        )
        self.start_tour("/my", "network_portal_file_request", login="coord_appl")
        network_request = self.env["network.request"].search([("offer_id", "=", offer.id)])
        self.assertEqual(
            (
                network_request.requester_id,
                network_request.state,
                network_request.participants_planned,
            ),
            (self.applicant, "submitted", 12),
        )

    def test_executor_accepts_request(self):
        network_request = self._create_request()
        network_request.action_submit()
        self.start_tour(
            "/my/network/requests?filterby=waiting",
            "network_portal_accept_request",
            login="coord_exec",
        )
        self.assertEqual(network_request.state, "accepted")

    def test_teacher_registers_for_event(self):
        event = self._create_event(
            name="Tour event: open lesson",
            date_begin=fields.Datetime.now() + timedelta(days=7),
        )
        self.start_tour("/my", "network_portal_register_event", login="teacher_anna")
        self.assertEqual(event.registration_ids.partner_id, self.listener)
        self.assertEqual(event.registration_ids.state, "open")


@tagged("post_install", "-at_install")
class TestPortalToursPhone(TestPortalTours):
    """The same tours on a phone: every page fits 390 px without sideways scrolling."""

    browser_size = "390x844"
    allow_inherited_tests_method = True
