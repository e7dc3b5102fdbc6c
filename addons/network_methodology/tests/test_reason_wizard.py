from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestReasonWizard(NetworkTestCommon):
    def _wizard(self, records, reason):
        context = {"active_model": records._name, "active_ids": records.ids}
        form = Form(self.env["network.reason.wizard"].with_context(**context))
        form.reason = reason
        return form.save()

    def test_reject_terminate_with_reason(self):
        network_request = self._create_request()
        network_request.action_submit()
        agreement = self._create_agreement()
        agreement.action_sign()
        material = self._create_material()
        material.action_submit()
        for record, field, state in (
            (network_request, "rejection_reason", "rejected"),
            (agreement, "termination_reason", "terminated"),
            (material, "review_note", "rejected"),
        ):
            with self.subTest(model=record._name):
                self._wizard(record, "Не по профилю сети").action_confirm()
                self.assertEqual((record.state, record[field]), (state, "Не по профилю сети"))

    def test_refused(self):
        network_request = self._create_request()  # a draft cannot be rejected
        wizard = self._wizard(network_request, "Причина")
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(network_request.state, "draft")
        network_request.action_submit()
        wizard.reason = "   "
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(network_request.state, "submitted")
        # only the listed actions: no other model's method is reachable
        with self.assertRaises(UserError):
            self.env["network.reason.wizard"].with_context(
                active_model="res.partner", active_ids=self.executor.ids
            ).create({"reason": "x"})
        wizard.res_model = "res.partner"
        with self.assertRaises(UserError):
            wizard.action_confirm()
