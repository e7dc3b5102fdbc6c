from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkMaterial(models.Model):
    _inherit = "network.material"

    expertise_ids = fields.One2many("network.expertise", "material_id", string="Expertises")
    expertise_score = fields.Float(
        compute="_compute_expertise",
        store=True,
        digits=(16, 1),
        help="Average total score of the finished expertises.",
    )
    expertise_done_count = fields.Integer(
        string="Finished Expertises", compute="_compute_expertise", store=True
    )

    @api.depends("expertise_ids.state", "expertise_ids.total_score")
    def _compute_expertise(self):
        for material in self:
            done = material.expertise_ids.filtered(lambda e: e.state == "done")
            material.expertise_done_count = len(done)
            material.expertise_score = sum(done.mapped("total_score")) / len(done) if done else 0.0

    def action_approve(self, note=None):
        """Refused before the company's minimum number of finished expertises."""
        minimum = self.env.company.network_expertise_min_done
        short = self.filtered(lambda m: m.expertise_done_count < minimum)
        if short:
            raise UserError(
                _(
                    "“%(material)s” needs %(minimum)s finished expertises before approval "
                    "(%(count)s so far).",
                    material=short[0].name,
                    minimum=minimum,
                    count=short[0].expertise_done_count,
                )
            )
        return super().action_approve(note)

    def _expertise_results(self):
        """The finished expertises as the authors see them: the experts' names only when the
        company does not keep them anonymous."""
        self.ensure_one()
        anonymous = self.env.company.sudo().network_expertise_anonymous
        labels = dict(
            self.env["network.expertise"]._fields["recommendation"]._description_selection(self.env)
        )
        return [
            {
                "expert": False if anonymous else expertise.expert_id.name,
                "total_score": expertise.total_score,
                "max_total_score": expertise.max_total_score,
                "recommendation": labels.get(expertise.recommendation, ""),
                "comment": expertise.comment,
            }
            for expertise in self.sudo().expertise_ids.filtered(lambda e: e.state == "done")
        ]
