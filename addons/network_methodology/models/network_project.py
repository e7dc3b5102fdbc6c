from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import NETWORK_ORGANIZATION_DOMAIN


class NetworkProject(models.Model):
    _name = "network.project"
    _description = "Network Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"

    name = fields.Char(required=True, tracking=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    code = fields.Char()
    parent_id = fields.Many2one(
        "network.project", string="Parent Project", index=True, ondelete="restrict", tracking=True
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("network.project", "parent_id", string="Sub-projects")
    leader_id = fields.Many2one("res.users", tracking=True, default=lambda self: self.env.user)
    date_start = fields.Date(tracking=True)
    date_end = fields.Date(tracking=True)
    description = fields.Html()
    goal = fields.Text()
    organization_ids = fields.Many2many(
        "res.partner",
        string="Organizations",
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    roadmap_line_ids = fields.One2many(
        "network.project.roadmap.line", "project_id", string="Road Map"
    )
    roadmap_progress = fields.Float(
        compute="_compute_roadmap_progress", string="Road Map Progress (%)"
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for project in self:
            if project.parent_id:
                project.complete_name = f"{project.parent_id.complete_name} / {project.name}"
            else:
                project.complete_name = project.name

    @api.depends("roadmap_line_ids.is_done")
    def _compute_roadmap_progress(self):
        for project in self:
            lines = project.roadmap_line_ids
            project.roadmap_progress = (
                100.0 * len(lines.filtered("is_done")) / len(lines) if lines else 0.0
            )

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(_("A project cannot be its own sub-project."))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for project in self:
            if project.date_start and project.date_end and project.date_start > project.date_end:
                raise ValidationError(_("Project %s ends before it starts.", project.name))
