from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class NetworkExpertiseCriterion(models.Model):
    """A criterion of the expertise of materials (Novotroitsk model, 6.1–6.2) with its maximum
    score; ``material_types`` lists the types of material it applies to (all when empty)."""

    _name = "network.expertise.criterion"
    _description = "Expertise Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    max_score = fields.Integer(string="Maximum Score", required=True, default=5)
    material_types = fields.Char(
        help="Technical codes of the types of material the criterion applies to, separated by "
        "commas (methodical, project, lesson_video, assessment, presentation, other); "
        "every type when empty.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("max_score_positive", "CHECK(max_score > 0)", "The maximum score must be positive."),
    ]

    def _material_type_codes(self):
        self.ensure_one()
        return {code.strip() for code in (self.material_types or "").split(",") if code.strip()}

    @api.constrains("material_types")
    def _check_material_types(self):
        known = set(dict(self.env["network.material"]._fields["material_type"].selection))
        for criterion in self:
            unknown = criterion._material_type_codes() - known
            if unknown:
                raise ValidationError(
                    _(
                        "Unknown types of material in criterion “%(name)s”: %(codes)s.",
                        name=criterion.name,
                        codes=", ".join(sorted(unknown)),
                    )
                )

    @api.model
    def _for_material_type(self, material_type):
        """The active criteria that apply to a material of ``material_type``."""
        return self.search([]).filtered(
            lambda c: not c._material_type_codes() or material_type in c._material_type_codes()
        )
