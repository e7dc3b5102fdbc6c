from odoo import api, fields, models

MEMBER_ROLES = [("chair", "Chair"), ("secretary", "Secretary"), ("member", "Member")]


class NetworkCouncilMember(models.Model):
    _name = "network.council.member"
    _description = "Council Member"
    _order = "council_id, role_sequence, sequence, id"

    council_id = fields.Many2one("network.council", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_company", "=", False)],
    )
    name = fields.Char(related="partner_id.name", string="Name")
    organization_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, string="Organization"
    )
    role = fields.Selection(MEMBER_ROLES, required=True, default="member")
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    function = fields.Char(
        string="Position in the Council", help="e.g. deputy chair, head of the expert group"
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="council_id.company_id", store=True)

    _sql_constraints = [
        (
            "council_partner_uniq",
            "unique(council_id, partner_id)",
            "A person is listed once among the members of a council.",
        ),
        (
            "one_chair_one_secretary",
            "EXCLUDE USING btree (council_id WITH =, role WITH =) "
            "WHERE (role IN ('chair', 'secretary'))",
            "A council has one chair and one secretary.",
        ),
    ]

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {role: index for index, (role, _label) in enumerate(MEMBER_ROLES)}
        for member in self:
            member.role_sequence = order.get(member.role, len(order))
