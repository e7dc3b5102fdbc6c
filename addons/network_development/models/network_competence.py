from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class NetworkCompetence(models.Model):
    """A professional competence of teachers diagnosed by the network (subject, methodical,
    psychological-pedagogical, communicative, digital …) with its sub-areas. Scored survey
    questions measure one competence; offers and communities declare those they develop."""

    _name = "network.competence"
    _description = "Professional Competence"
    _parent_store = True
    _order = "complete_name, id"
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one(
        "network.competence", string="Area", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("network.competence", "parent_id", string="Sub-areas")
    description = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The code of a competence must be unique."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for competence in self:
            if competence.parent_id:
                competence.complete_name = (
                    f"{competence.parent_id.complete_name} / {competence.name}"
                )
            else:
                competence.complete_name = competence.name

    @api.depends_context("lang")
    @api.depends("name", "parent_id")
    def _compute_display_name(self):
        # the stored path keeps the language it was computed in (it orders the list); people
        # read the path in their own
        for competence in self:
            names = []
            current = competence
            while current:
                names.insert(0, current.name or "")
                current = current.parent_id
            competence.display_name = " / ".join(names)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(_("A competence cannot be a sub-area of itself."))
