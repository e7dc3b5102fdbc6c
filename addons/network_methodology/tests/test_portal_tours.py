from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .portal_common import NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalTours(NetworkPortalCommon):
    """One browser tour per portal role, in headless Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.coordinator_exec, cls.coordinator_appl, cls.teacher_user):
            user.lang = "en_US"

    def test_coordinator_files_request(self):
        offer = self._create_offer(
            self.executor, self.presenter, name="Tour offer: formative assessment"
        )
        self.start_tour("/my/network/catalogue", "network_portal_file_request", login="coord_appl")
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
        self.start_tour("/my/network/events", "network_portal_register_event", login="teacher_anna")
        self.assertEqual(event.registration_ids.partner_id, self.listener)
        self.assertEqual(event.registration_ids.state, "open")
