from odoo import _, fields, models
from odoo.exceptions import UserError

# Fields certification itself may still change on a used token.
CERTIFICATION_FIELDS = {"state"}


class NetworkActivityToken(models.Model):
    _inherit = "network.activity.token"

    state = fields.Selection(
        selection_add=[("used", "Used for a certificate")],
        ondelete={"used": "set default"},
    )

    def write(self, vals):
        if not self.env.context.get("network_certification") or set(vals) - CERTIFICATION_FIELDS:
            self._check_not_used()
        return super().write(vals)

    def unlink(self):
        self._check_not_used()
        return super().unlink()

    def _check_not_used(self):
        if self.filtered(lambda t: t.state == "used"):
            raise UserError(_("A token used for a certificate cannot be changed or deleted."))
