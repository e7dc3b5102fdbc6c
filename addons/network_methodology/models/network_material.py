from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class NetworkMaterial(models.Model):
    _name = "network.material"
    _description = "Network Material"
    _network_portal_path = "materials"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date"
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    material_type = fields.Selection(
        [
            ("methodical", "Methodical material"),
            ("project", "Project"),
            ("lesson_video", "Lesson video"),
            ("assessment", "Assessment material"),
            ("presentation", "Presentation"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="methodical",
    )
    author_ids = fields.Many2many(
        "res.partner",
        "network_material_author_rel",
        "material_id",
        "partner_id",
        string="Authors",
        domain=[("is_teacher", "=", True)],
    )
    organization_id = fields.Many2one(
        "res.partner",
        index=True,
        domain=[("is_network_member", "=", True), ("is_company", "=", True)],
    )
    event_id = fields.Many2one("event.event", index=True, domain=[("is_network_event", "=", True)])
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "network_material_attachment_rel",
        "material_id",
        "attachment_id",
        string="Files",
    )
    reviewer_id = fields.Many2one("res.users", string="Reviewed By", readonly=True, copy=False)
    review_note = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )

    @api.onchange("event_id")
    def _onchange_event_id(self):
        if self.event_id:
            self.organization_id = self.event_id.host_organization_id
            self.date = self.event_id.date_begin.date()

    @api.constrains("author_ids")
    def _check_authors(self):
        for material in self:
            if material.author_ids.filtered(lambda a: not a.is_teacher):
                raise ValidationError(_("Authors of “%s” must be teachers.", material.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda m: m.state not in ("draft", "rejected")):
            raise UserError(_("Submitted or approved materials cannot be deleted."))

    def action_submit(self):
        for material in self:
            if material.state != "draft":
                raise UserError(_("Only a draft material can be submitted (“%s”).", material.name))
            if not material.attachment_ids:
                raise ValidationError(_("Attach at least one file to “%s”.", material.name))
            if not material.author_ids:
                raise ValidationError(_("Name at least one author of “%s”.", material.name))
        self.write({"state": "submitted"})
        return True

    def _review(self, state, note):
        if self.filtered(lambda m: m.state != "submitted"):
            raise UserError(_("Only a submitted material can be reviewed."))
        self.write({"state": state, "reviewer_id": self.env.uid, "review_note": note or False})
        return True

    def action_approve(self, note=None):
        return self._review("approved", note)

    def action_reject(self, note=None):
        return self._review("rejected", note)

    def action_reset_to_draft(self):
        if self.filtered(lambda m: m.state != "rejected"):
            raise UserError(_("Only a rejected material can be returned to draft."))
        self.write({"state": "draft"})
        return True
