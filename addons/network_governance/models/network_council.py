from odoo import _, api, fields, models

COUNCIL_KINDS = [
    ("coordination", "Coordination council"),
    ("scientific_methodological", "Scientific-methodological council"),
    ("expert", "Expert group"),
    ("management_team", "Management and teaching team"),
    ("initiative_group", "Initiative group"),
]


class NetworkCouncil(models.Model):
    """A body governing the network (Krasnodar, 002, 6.1–6.3: the coordination council, the
    expert groups, the management and teaching teams of the innovation centre and of its
    partners, the initiative groups of partner platforms; Dobryanka, 001, 3.4: the
    scientific-methodological council deciding the «Network platform» status). Its members
    hold a role; its meetings have an agenda, attendance and minutes numbered on approval from
    the council's own sequence."""

    _name = "network.council"
    _description = "Council"
    _network_portal_path = "councils"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "council_kind, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    council_kind = fields.Selection(
        COUNCIL_KINDS, string="Kind", required=True, default="coordination", tracking=True
    )
    organization_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index=True,
        domain=[("is_company", "=", True), ("is_network_member", "=", True)],
        help="For a team or group of one organization: that organization.",
    )
    school_year_id = fields.Many2one(
        "network.school.year",
        string="Composition for",
        tracking=True,
        ondelete="restrict",
        help="The school year the composition was approved for.",
    )
    order_id = fields.Many2one(
        "network.order",
        string="Approving Order",
        tracking=True,
        check_company=True,
        help="The order of the register approving the council's composition.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible at the Centre",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
        help="Gets the reminders about the minutes when the secretary has no user account.",
    )
    description = fields.Html(string="Functions")
    member_ids = fields.One2many("network.council.member", "council_id", string="Members")
    member_count = fields.Integer(compute="_compute_member_count")
    chair_id = fields.Many2one("res.partner", compute="_compute_officers")
    secretary_id = fields.Many2one("res.partner", compute="_compute_officers")
    meeting_ids = fields.One2many("network.council.meeting", "council_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")
    minutes_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Numbering of Minutes",
        readonly=True,
        copy=False,
        help="The minutes of the council's meetings are numbered from this sequence when "
        "they are approved.",
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("member_ids")
    def _compute_member_count(self):
        for council in self:
            council.member_count = len(council.member_ids)

    @api.depends("member_ids.role", "member_ids.partner_id")
    def _compute_officers(self):
        for council in self:
            members = council.member_ids
            council.chair_id = members.filtered(lambda m: m.role == "chair")[:1].partner_id
            council.secretary_id = members.filtered(lambda m: m.role == "secretary")[:1].partner_id

    def _compute_meeting_count(self):
        counts = dict(
            self.env["network.council.meeting"]._read_group(
                [("council_id", "in", self.ids)], ["council_id"], ["__count"]
            )
        )
        for council in self:
            council.meeting_count = counts.get(council, 0)

    @api.model_create_multi
    def create(self, vals_list):
        councils = super().create(vals_list)
        councils._create_minutes_sequences()
        return councils

    def _create_minutes_sequences(self):
        """Each council numbers its minutes 1, 2, 3 … (a standard PostgreSQL sequence: two
        approvals at once get two numbers)."""
        councils = self.filtered(lambda c: not c.minutes_sequence_id)
        vals_list = []
        for council in councils:
            vals_list.append(
                {
                    "name": _("Minutes of %s", council.name),
                    "implementation": "standard",
                    "padding": 1,
                    "company_id": council.company_id.id,
                }
            )
        sequences = self.env["ir.sequence"].sudo().create(vals_list)
        for council, sequence in zip(councils, sequences, strict=True):
            council.minutes_sequence_id = sequence

    def _next_minutes_number(self):
        self.ensure_one()
        if not self.minutes_sequence_id:
            self._create_minutes_sequences()
        return self.minutes_sequence_id.sudo().next_by_id()

    def _reminder_user(self):
        """Who is reminded of the council's unapproved minutes: the secretary if they have an
        internal account, else the responsible person at the centre."""
        self.ensure_one()
        secretary_users = self.secretary_id.sudo().user_ids.filtered(lambda u: not u.share)
        return secretary_users[:1] or self.user_id

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.member_ids.partner_id.commercial_partner_id

    # ------------------------------------------------------------------ buttons
    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_governance.network_council_meeting_action"
        )
        action["domain"] = [("council_id", "=", self.id)]
        action["context"] = {"default_council_id": self.id}
        return action
