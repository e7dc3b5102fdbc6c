from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

HELP_KINDS = [
    ("consultation", "Consultation"),
    ("lesson_visit", "Lesson visits and analysis"),
    ("seminar", "Methodical seminar"),
    ("open_lesson", "Open lessons of the strong school"),
    ("materials", "Methodical materials"),
    ("other", "Other help"),
]


class NetworkHelpRecord(models.Model):
    """An entry of a pair's log of targeted help (адресная помощь): which school got what help,
    from which methodist, when."""

    _name = "network.help.record"
    _description = "Targeted Help"
    _order = "date desc, id desc"
    _check_company_auto = True

    pair_id = fields.Many2one("network.school.pair", required=True, index=True, ondelete="cascade")
    organization_id = fields.Many2one(
        "res.partner",
        string="Organization Helped",
        required=True,
        index=True,
        ondelete="restrict",
        help="The school that got the help: usually the weak school of the pair.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Methodist",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    help_kind = fields.Selection(HELP_KINDS, string="Kind of Help", required=True)
    description = fields.Text(required=True)
    company_id = fields.Many2one(related="pair_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("pair_id") and not vals.get("organization_id"):
                vals["organization_id"] = (
                    self.env["network.school.pair"].browse(vals["pair_id"]).weak_id.id
                )
        records = super().create(vals_list)
        closed = records.pair_id.filtered(lambda p: p.state == "cancelled")
        if closed:
            raise UserError(_("A cancelled pair logs no help (“%s”).", closed[0].name))
        return records

    @api.constrains("organization_id", "pair_id", "description")
    def _check_organization(self):
        for record in self:
            if record.organization_id not in (record.pair_id.strong_id | record.pair_id.weak_id):
                raise ValidationError(
                    _(
                        "%(org)s is not a school of the pair “%(pair)s”.",
                        org=record.organization_id.display_name,
                        pair=record.pair_id.name,
                    )
                )
            if not (record.description or "").strip():
                raise ValidationError(_("Describe the help given."))
