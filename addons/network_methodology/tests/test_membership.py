from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import NetworkTestCommon
from .portal_common import NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestMembership(NetworkTestCommon):
    """Rulebook 1.8 and 5.1: the cooperation agreement with the centre makes an organization a
    member; without one in force it cannot publish experience or request events."""

    def test_signing_makes_a_member_and_ending_makes_it_leave(self):
        org = self._create_org("Joining school", agreement=False, is_network_member=False)
        self.assertFalse(org.network_cooperation_agreement_id)
        agreement = self._create_agreement(partner_id=org.id)
        agreement.action_sign()
        self.assertTrue(org.is_network_member)
        self.assertEqual(org.network_join_date, self.today)
        self.assertEqual(org.network_cooperation_agreement_id, agreement)
        # a second agreement in force keeps it a member when the first ends
        second = self._create_agreement(partner_id=org.id)
        second.action_sign()
        agreement.action_terminate("Replaced")
        self.assertTrue(org.is_network_member)
        self.assertFalse(org.network_leave_date)
        self.assertEqual(org.network_cooperation_agreement_id, second)
        second.action_terminate("Left the network")
        self.assertFalse(org.is_network_member)
        self.assertEqual(org.network_leave_date, self.today)
        self.assertFalse(org.network_cooperation_agreement_id)
        # joining again: a new join date, no leave date
        self._create_agreement(partner_id=org.id).action_sign()
        self.assertTrue(org.is_network_member)
        self.assertFalse(org.network_leave_date)

    def test_expiry_without_another_agreement(self):
        org = self._create_org("Expiring school", agreement=False)
        agreement = self._create_agreement(partner_id=org.id)
        agreement.action_sign()
        agreement.date_end = self.today - timedelta(days=1)
        self.assertIn(agreement, self.env["network.agreement"]._cron_expire())
        self.assertEqual(agreement.state, "expired")
        self.assertFalse(org.is_network_member)
        self.assertEqual(org.network_leave_date, self.today)
        # interaction agreements do not make members nor end membership
        other = self._create_org("Other school")
        interaction = self._create_agreement(
            "interaction", executor_id=other.id, customer_id=self.applicant.id
        )
        interaction.action_sign()
        interaction.action_terminate("Done")
        self.assertTrue(other.is_network_member)

    def test_publish_and_submit_need_an_agreement_in_force(self):
        org = self._create_org("School without agreement", agreement=False)
        teacher = self._create_teacher(org)
        offer = self._create_offer(org, teacher, publish=False)
        with self.assertRaises(UserError):
            offer.action_publish()
        self.assertEqual(offer.state, "draft")
        request = self._create_request(self.offer, requester=org)
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")
        # the company setting lifts the rule
        self.env.company.network_require_agreement = False
        offer.action_publish()
        request.action_submit()
        self.assertEqual((offer.state, request.state), ("published", "submitted"))

    def test_methodists_find_members_without_agreement(self):
        without = self._create_org("Member without agreement", agreement=False)
        Partner = self.env["res.partner"]
        found = Partner.search(
            [("is_network_member", "=", True), ("network_cooperation_agreement_id", "=", False)]
        )
        self.assertIn(without, found)
        self.assertNotIn(self.executor, found)
        self.assertIn(
            self.executor, Partner.search([("network_cooperation_agreement_id", "!=", False)])
        )
        with self.assertRaises(NotImplementedError):
            Partner.search([("network_cooperation_agreement_id", "=", 5)])


@tagged("post_install", "-at_install")
class TestJoinPortal(NetworkPortalCommon):
    """An organization outside the network applies from the portal with its signed agreement;
    the centre signs it and the network opens to its coordinator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.outsider = cls._create_org("Joining lyceum", agreement=False, is_network_member=False)
        cls.applicant_user = cls._create_coordinator("coord_new", cls.outsider, "Olga")

    def _apply(self, **fields_):
        data = {
            "org_kind": "school",
            "date_start": str(self.today),
            "date_end": str(self.today + timedelta(days=3 * 365)),
            "subject": "Открытые уроки по робототехнике",
            **fields_,
        }
        scan = data.pop("scan", ("agreement.pdf", b"%PDF-1.4 signed"))
        files = {"scan": scan} if scan else None
        return self._post("/my/network/join", data, files=files)

    def test_apply_then_the_centre_signs(self):
        self._login(self.applicant_user)
        self.assertIn("/my/network/join", self.url_open("/my/home").text)
        denied = self.url_open("/my/network/catalogue")
        self.assertEqual(denied.status_code, 403)
        self.assertIn("o_network_join_link", denied.text)
        page = self._apply()
        self.assertIn("o_network_join_pending", page.text)
        agreement = self.env["network.agreement"].search([("partner_id", "=", self.outsider.id)])
        self.assertEqual(
            (agreement.agreement_kind, agreement.state, agreement.signed_scan_filename),
            ("cooperation", "draft", "agreement.pdf"),
        )
        self.assertEqual(self.outsider.network_org_kind, "school")
        self.assertTrue(agreement.message_ids.filtered(lambda m: m.message_type == "comment"))
        # a second application waits for the first
        self._apply()
        self.assertEqual(
            self.env["network.agreement"].search_count([("partner_id", "=", self.outsider.id)]), 1
        )
        # the centre signs: a member, and the coordinator's pages open
        agreement.action_sign()
        self.assertTrue(self.outsider.is_network_member)
        self.assertEqual(self.outsider.network_join_date, self.today)
        self.assertEqual(self.url_open("/my/network/catalogue").status_code, 200)
        self.assertIn("/my/home", self.url_open("/my/network/join").url)

    def test_bad_applications_create_nothing(self):
        self._login(self.applicant_user)
        cases = {
            "scan": {"scan": None},
            "scan_type": {"scan": ("agreement.exe", b"MZ")},
            "org_kind": {"org_kind": "authority"},
            "date_start": {"date_start": "1990-01-01"},
            "date_end": {"date_end": str(self.today - timedelta(days=1))},
        }
        for case, fields_ in cases.items():
            with self.subTest(case=case):
                page = self._apply(**fields_)
                self.assertIn("is-invalid", page.text)
                self.assertFalse(
                    self.env["network.agreement"].search([("partner_id", "=", self.outsider.id)])
                )

    @mute_logger("odoo.http")
    def test_who_cannot_apply(self):
        # a member's coordinator is sent home
        self._login(self.coordinator_exec)
        self.assertIn("/my/home", self.url_open("/my/network/join").url)
        # a portal user of no company
        loner = self._create_portal_user(
            "loner", self.env["res.partner"].create({"name": "Loner", "email": "l@example.com"})
        )
        self._login(loner)
        response = self.url_open("/my/network/join")
        self.assertEqual(response.status_code, 403)
        self.assertIn('data-reason="no_organization"', response.text)
        # staff work in the backend
        self._login(self._create_user("join_methodist", "network_methodology.group_network_user"))
        self.assertEqual(self.url_open("/my/network/join").status_code, 403)

    def test_model_refuses_members_and_duplicates(self):
        Agreement = self.env["network.agreement"]
        values, errors = Agreement._portal_prepare_application(
            {
                "org_kind": "school",
                "date_start": str(self.today),
                "date_end": str(self.today + timedelta(days=365)),
                "scan": ("a.pdf", b"%PDF"),
            },
            self.outsider,
        )
        self.assertFalse(errors)
        Agreement._portal_apply(values, self.outsider)
        with self.assertRaises(UserError):  # pending
            Agreement._portal_apply(values, self.outsider)
        with self.assertRaises(UserError):  # a member already
            Agreement._portal_apply(values, self.executor)
