from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import NetworkTestCommon


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
        with self.assertRaisesRegex(UserError, "cooperation agreement"):
            offer.action_publish()
        self.assertEqual(offer.state, "draft")
        request = self._create_request(self.offer, requester=org)
        with self.assertRaisesRegex(UserError, "cooperation agreement"):
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
