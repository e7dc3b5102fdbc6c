from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.network_methodology.models.network_portal_mixin import (
    LONG_TEXT_MAX,
    clean_text,
    to_int,
)

RECOMMENDATIONS = [
    ("publish", "Publish"),
    ("revise", "Revise"),
    ("reject", "Reject"),
]


class NetworkExpertise(models.Model):
    """One expert's expertise of one material (Novotroitsk model 6.1–6.2: expertise of the
    network's products and peer review): a score per criterion, a recommendation and a
    comment. The expert is a methodist or a teacher of another network organization; an expert
    from an author's organization is refused (conflict of interest)."""

    _name = "network.expertise"
    _description = "Expertise of a Material"
    _network_portal_path = "expertise"
    _inherit = ["network.portal.mixin", "mail.thread"]
    _order = "state, create_date desc, id desc"
    _rec_name = "material_id"

    material_id = fields.Many2one(
        "network.material", required=True, index=True, ondelete="cascade", tracking=True
    )
    material_type = fields.Selection(related="material_id.material_type")
    expert_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="A methodist of the centre or a teacher of another network organization.",
    )
    score_ids = fields.One2many("network.expertise.score", "expertise_id", string="Scores")
    total_score = fields.Integer(compute="_compute_total_score", store=True)
    max_total_score = fields.Integer(compute="_compute_total_score", store=True)
    recommendation = fields.Selection(RECOMMENDATIONS, tracking=True)
    comment = fields.Text()
    date_done = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("assigned", "Assigned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="assigned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    def init(self):
        # one expertise in progress or done per material and expert
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS network_expertise_material_expert_uniq "
                "ON network_expertise (material_id, expert_id) WHERE state != 'cancelled'"
            )
        )

    @api.depends("score_ids.score", "score_ids.criterion_id.max_score")
    def _compute_total_score(self):
        for expertise in self:
            expertise.total_score = sum(expertise.score_ids.mapped("score"))
            expertise.max_total_score = sum(expertise.score_ids.criterion_id.mapped("max_score"))

    # ------------------------------------------------------------------ rules
    @api.constrains("expert_id", "material_id")
    def _check_expert(self):
        methodists = self.env.ref("network_methodology.group_network_user").sudo().users
        for expertise in self:
            expert, material = expertise.expert_id, expertise.material_id
            is_methodist = expert in methodists.partner_id
            organization = expert.parent_id if expert.is_teacher else expert.browse()
            if not is_methodist and not (organization and organization._is_network_organization()):
                raise ValidationError(
                    _(
                        "%s is neither a methodist nor a teacher of a network organization.",
                        expert.name,
                    )
                )
            author_orgs = material.organization_id | material.author_ids.parent_id
            if expert in material.author_ids or (organization and organization in author_orgs):
                raise ValidationError(
                    _(
                        "Conflict of interest: %(expert)s belongs to an author's organization "
                        "of “%(material)s”.",
                        expert=expert.name,
                        material=material.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if self.search_count(
                [
                    ("material_id", "=", vals.get("material_id")),
                    ("expert_id", "=", vals.get("expert_id")),
                    ("state", "!=", "cancelled"),
                ]
            ):
                expert = self.env["res.partner"].browse(vals.get("expert_id"))
                raise ValidationError(_("%s already examines this material.", expert.name))
        expertises = super().create(vals_list)
        for expertise in expertises:
            if expertise.material_id.state != "submitted":
                raise UserError(
                    _(
                        "Experts are assigned to submitted materials only (“%s”).",
                        expertise.material_id.name,
                    )
                )
        return expertises

    def _criteria(self):
        self.ensure_one()
        return self.env["network.expertise.criterion"]._for_material_type(self.material_type)

    # ------------------------------------------------------------------ actions
    def action_done(self):
        """Finish the expertise: every criterion of the material's type scored within its
        bounds, and a recommendation."""
        for expertise in self:
            if expertise.state != "assigned":
                raise UserError(_("Only an assigned expertise can be finished."))
            if expertise.material_id.state != "submitted":
                raise UserError(_("“%s” is no longer under review.", expertise.material_id.name))
            missing = expertise._criteria() - expertise.score_ids.criterion_id
            if missing:
                raise ValidationError(
                    _("Score every criterion: %s.", ", ".join(missing.mapped("name")))
                )
            for line in expertise.score_ids:
                if not 0 <= line.score <= line.criterion_id.max_score:
                    raise ValidationError(
                        _(
                            "The score of “%(criterion)s” must lie between 0 and %(max)s.",
                            criterion=line.criterion_id.name,
                            max=line.criterion_id.max_score,
                        )
                    )
            if not expertise.recommendation:
                raise ValidationError(_("Choose a recommendation."))
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        if self.filtered(lambda e: e.state != "assigned"):
            raise UserError(_("Only an assigned expertise can be cancelled."))
        self.write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.env["res.partner"]

    def _portal_prepare_values(self, post):
        """The expert's scores, recommendation and comment from the portal form: ``post``
        holds ``score_<criterion id>`` per criterion, ``recommendation`` and ``comment``.
        Returns the values to write and the errors by field."""
        self.ensure_one()
        errors = {}
        commands = []
        lines = {line.criterion_id: line for line in self.score_ids}
        for criterion in self._criteria():
            key = f"score_{criterion.id}"
            raw = clean_text(post.get(key))
            score = to_int(raw) if raw.isdigit() else None
            if score is None or score > criterion.max_score:
                errors[key] = _("Enter a whole number from 0 to %s.", criterion.max_score)
                continue
            if criterion in lines:
                commands.append(Command.update(lines[criterion].id, {"score": score}))
            else:
                commands.append(Command.create({"criterion_id": criterion.id, "score": score}))
        recommendation = post.get("recommendation") or False
        if recommendation and recommendation not in dict(RECOMMENDATIONS):
            errors["recommendation"] = _("Choose a recommendation.")
        comment = clean_text(post.get("comment"))
        if len(comment) > LONG_TEXT_MAX:
            errors["comment"] = _("The comment is longer than %s characters.", LONG_TEXT_MAX)
        values = {
            "score_ids": commands,
            "recommendation": recommendation,
            "comment": comment or False,
        }
        return values, errors
