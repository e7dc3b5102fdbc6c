from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MEMBER_ROLES = [("leader", "Leader"), ("member", "Member")]


class NetworkCommunityMember(models.Model):
    """A teacher's membership of a professional community, from the day they joined to the day
    they left (empty while they are a member). A teacher is a current member of a community
    once at most (also in the database)."""

    _name = "network.community.member"
    _description = "Community Member"
    _order = "community_id, role, date_join, id"
    _rec_name = "partner_id"

    community_id = fields.Many2one(
        "network.community", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Teacher",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_teacher", "=", True)],
    )
    partner_name = fields.Char(related="partner_id.name", string="Teacher's Name")
    organization_id = fields.Many2one(
        related="partner_id.parent_id", string="Organization", store=True, index=True
    )
    role = fields.Selection(MEMBER_ROLES, required=True, default="member")
    date_join = fields.Date(string="Joined", required=True, default=fields.Date.context_today)
    date_leave = fields.Date(string="Left")
    is_current = fields.Boolean(
        string="Current Member", compute="_compute_is_current", store=True, index=True
    )
    company_id = fields.Many2one(related="community_id.company_id", store=True)

    _sql_constraints = [
        (
            "one_current_membership",
            "EXCLUDE USING btree (community_id WITH =, partner_id WITH =) "
            "WHERE (date_leave IS NULL)",
            "The teacher is already a member of this community.",
        ),
        (
            "dates_check",
            "CHECK(date_leave IS NULL OR date_leave >= date_join)",
            "A member cannot leave a community before joining it.",
        ),
    ]

    @api.depends("date_leave")
    def _compute_is_current(self):
        for member in self:
            member.is_current = not member.date_leave

    @api.constrains("partner_id", "community_id")
    def _check_partner(self):
        for member in self:
            partner = member.partner_id
            if not partner.is_teacher:
                raise ValidationError(
                    _("%s is not a teacher: communities gather teachers.", partner.name)
                )
            organization = member.community_id.organization_id
            if organization and partner.parent_id != organization:
                raise ValidationError(
                    _(
                        "%(name)s cannot join “%(community)s”: its members are teachers of "
                        "%(organization)s.",
                        name=partner.name,
                        community=member.community_id.name,
                        organization=organization.name,
                    )
                )

    @api.constrains("date_leave")
    def _check_date_leave(self):
        today = fields.Date.context_today(self)
        for member in self.filtered("date_leave"):
            if member.date_leave > today:
                raise ValidationError(
                    _("%s: a leaving date cannot lie in the future.", member.partner_id.name)
                )
            if member.partner_id == member.community_id.leader_id:
                raise ValidationError(
                    _(
                        "%(name)s leads “%(community)s”: appoint another leader before they "
                        "leave.",
                        name=member.partner_id.name,
                        community=member.community_id.name,
                    )
                )
