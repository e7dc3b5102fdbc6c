from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.network_certification.tests.common import CertificationTestCommon

from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestOrderRegister(GovernanceTestCommon):
    def test_own_order_numbered_when_in_force(self):
        orders = self._create_order() | self._create_order()
        self.assertEqual(set(orders.mapped("state")), {"draft"})
        self.assertFalse(any(orders.mapped("name")))
        orders.with_user(self.manager).action_put_in_force()
        self.assertEqual(set(orders.mapped("state")), {"in_force"})
        self.assertTrue(all(orders.mapped("name")))
        self.assertEqual(len(set(orders.mapped("name"))), 2)
        # a typed number is kept
        typed = self._create_order(name="172-п")
        typed.with_user(self.manager).action_put_in_force()
        self.assertEqual(typed.name, "172-п")
        self.assertEqual(typed.school_year_id, self.year)

    def test_another_body_s_document_needs_its_number(self):
        foreign = self._create_order(issuer_id=self.third_org.id)
        with self.assertRaisesRegex(UserError, "Enter the number"):
            foreign.with_user(self.manager).action_put_in_force()
        self.assertEqual(foreign.state, "draft")
        foreign.name = "1121"
        foreign.with_user(self.manager).action_put_in_force()
        self.assertEqual((foreign.state, foreign.name), ("in_force", "1121"))

    def test_only_the_director_signs(self):
        order = self._create_order()
        with self.assertRaises(AccessError):
            order.with_user(self.methodist).action_put_in_force()
        self.assertEqual(order.state, "draft")
        order.with_user(self.manager).action_put_in_force()
        with self.assertRaises(AccessError):
            order.with_user(self.methodist).action_cancel("Replaced")
        self.assertEqual(order.state, "in_force")

    def test_cancel(self):
        order = self._create_order()
        with self.assertRaisesRegex(UserError, "Only an order in force can be cancelled"):
            order.with_user(self.manager).action_cancel("Replaced")
        order.with_user(self.manager).action_put_in_force()
        for reason in (None, "", "   "):
            with self.subTest(reason=reason), self.assertRaisesRegex(UserError, "reason"):
                order.with_user(self.manager).action_cancel(reason)
        self.assertEqual(order.state, "in_force")
        order.with_user(self.manager).action_cancel("Replaced by the new regulation")
        self.assertEqual(order.state, "cancelled")
        self.assertEqual(order.cancel_reason, "Replaced by the new regulation")
        self.assertTrue(order.date_cancelled)
        with self.assertRaisesRegex(UserError, "Only an order in force"):
            order.with_user(self.manager).action_cancel("Again")
        with self.assertRaisesRegex(UserError, "Only a draft comes into force"):
            order.with_user(self.manager).action_put_in_force()

    def test_reason_wizard_cancels(self):
        order = self._create_order()
        order.with_user(self.manager).action_put_in_force()
        wizard = (
            self.env["network.reason.wizard"]
            .with_user(self.manager)
            .with_context(active_model="network.order", active_ids=order.ids)
            .create({"reason": "Out of date"})
        )
        wizard.action_confirm()
        self.assertEqual((order.state, order.cancel_reason), ("cancelled", "Out of date"))

    def test_what_an_order_in_force_states_is_frozen(self):
        order = self._create_order(name="5")
        order.with_user(self.manager).action_put_in_force()
        for values in (
            {"name": "6"},
            {"date": date(1991, 2, 2)},
            {"subject": "Other"},
            {"order_kind": "plan"},
            {"issuer_id": self.third_org.id},
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(UserError, "cannot be changed"),
            ):
                order.write(values)
        # its file and summary may still be attached
        order.write({"description": "Summary", "document": "JVBERi0xLjQ="})
        with self.assertRaisesRegex(UserError, "Only a draft"):
            order.unlink()
        self._create_order().unlink()

    def test_one_number_per_body_and_date(self):
        self._create_order(name="7")
        with self.assertRaisesDatabase():
            self._create_order(name="7")
        # the same number of another body, or of another day, is another document
        self._create_order(name="7", issuer_id=self.third_org.id)
        self._create_order(name="7", date=date(1991, 2, 2))

    def test_searchable(self):
        order = self._create_order(name="88-од", subject="Regulation on network tutors")
        Order = self.env["network.order"]
        self.assertIn(order, Order.search([("display_name", "ilike", "88-од")]))
        self.assertIn(order, Order.search([("display_name", "ilike", "network tutors")]))
        self.assertIn("88-од", order.display_name)


@tagged("post_install", "-at_install")
class TestPlatformDecisionOrder(GovernanceTestCommon, CertificationTestCommon):
    """The «Network platform» decision is taken at a council meeting and approved by an order
    of the register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls._ready_minutes(cls._held_meeting())

    def _decision(self, **vals):
        return self.env["network.council.decision"].create(
            {"school_year_id": self.year.id, "meeting_id": self.meeting.id, **vals}
        )

    def test_approving_registers_the_order(self):
        decision = self._decision(order_number="47-од", order_date=date(1991, 8, 28))
        decision.with_user(self.manager).action_approve()
        order = decision.order_id
        self.assertEqual(
            (order.name, order.date, order.state), ("47-од", date(1991, 8, 28), "in_force")
        )
        self.assertEqual(order.meeting_id, self.meeting)
        self.assertEqual(order.issuer_id, self.env.company.partner_id)
        self.assertIn(self.year.name, order.subject)
        self.assertEqual(order.council_decision_ids, decision)
        # registered once: running the registration again (install hook) finds it
        decision._register_orders()
        self.assertEqual(
            self.env["network.order"].search_count(
                [("name", "=", "47-од"), ("date", "=", date(1991, 8, 28))]
            ),
            1,
        )

    def test_approving_with_an_order_of_the_register(self):
        order = self._create_order(date=date(1991, 8, 29))
        decision = self._decision(order_id=order.id)
        decision.with_user(self.manager).action_approve()
        self.assertEqual(order.state, "in_force")
        self.assertTrue(order.name)
        self.assertEqual((decision.order_number, decision.order_date), (order.name, order.date))
        self.assertEqual(decision.order_id, order)

    def test_a_cancelled_order_approves_nothing(self):
        order = self._create_order(name="9")
        order.with_user(self.manager).action_put_in_force()
        decision = self._decision(order_id=order.id)
        order.with_user(self.manager).action_cancel("Wrong")
        with self.assertRaisesRegex(UserError, "is cancelled"):
            decision.with_user(self.manager).action_approve()
        self.assertEqual(decision.state, "draft")

    def test_decided_at_a_meeting_that_took_place(self):
        planned = self._create_meeting()
        with self.assertRaisesRegex(ValidationError, "was not held"):
            self._decision(meeting_id=planned.id)
        decision = self._decision()
        self.assertEqual(decision.meeting_id.decision_ids, decision)
