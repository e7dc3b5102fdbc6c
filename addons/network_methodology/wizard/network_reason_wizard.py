from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkReasonWizard(models.TransientModel):
    """Asks for the reason of a rejection or termination, then calls the model's own action
    with it on the records the button was pressed for."""

    _name = "network.reason.wizard"
    _description = "Reason for a Refusal"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    reason = fields.Text(required=True)

    @api.model
    def _reason_actions(self):
        """The refusals that record their reason: model → its action method taking the
        reason. Only these are reachable; add-ons extend the dict for their models."""
        return {
            "network.request": "action_reject",
            "network.agreement": "action_terminate",
            "network.material": "action_reject",
        }

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        if model not in self._reason_actions():
            raise UserError(_("A reason cannot be recorded for this kind of record."))
        values.update(res_model=model, res_ids=self.env.context.get("active_ids") or [])
        return values

    def action_confirm(self):
        self.ensure_one()
        action = self._reason_actions().get(self.res_model)
        if not action:
            raise UserError(_("A reason cannot be recorded for this kind of record."))
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason."))
        records = self.env[self.res_model].browse(self.res_ids).exists()
        getattr(records, action)(reason)
        return {"type": "ir.actions.act_window_close"}
