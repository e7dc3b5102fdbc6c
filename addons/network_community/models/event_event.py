from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

PROPOSAL_STATES = [
    ("proposed", "Proposed by the leader"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
]


class EventEvent(models.Model):
    """Meetings of professional communities are network events with ``community_id``: members
    register, attend and get their tokens as at any network event. A leader proposes a meeting
    from the portal; it joins the plan (becomes a network event) when the methodist accepts
    it."""

    _inherit = "event.event"

    community_id = fields.Many2one(
        "network.community",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="The professional community this event is a meeting of.",
    )
    community_proposal_state = fields.Selection(
        PROPOSAL_STATES, string="Proposal", readonly=True, copy=False, tracking=True
    )
    community_proposed_by_id = fields.Many2one(
        "res.partner", string="Proposed By", readonly=True, copy=False
    )
    community_refusal_reason = fields.Text(string="Reason for Refusal", readonly=True, copy=False)

    def _compute_event_mail_ids(self):
        # Like network events, community meetings (also proposed ones, before they become
        # network events) get no default attendee mails with a PDF ticket each.
        community = self.filtered(lambda e: e.community_id and not e.event_type_id)
        return super(EventEvent, self - community)._compute_event_mail_ids()

    @api.constrains("community_id", "is_network_event", "community_proposal_state")
    def _check_community_meeting(self):
        for event in self:
            if event.community_proposal_state and not event.community_id:
                raise ValidationError(_("A proposed meeting belongs to a community."))
            if (
                event.community_id
                and not event.is_network_event
                and not event.community_proposal_state
            ):
                raise ValidationError(
                    _("“%s”: a meeting of a community is a network event.", event.name)
                )

    # ------------------------------------------------------------------ proposals
    def action_accept_community_meeting(self):
        """The methodist accepts a proposed meeting: it becomes a network event of the
        community's plan."""
        for event in self:
            if event.community_proposal_state != "proposed":
                raise UserError(_("Only a proposed meeting can be accepted (“%s”).", event.name))
            if event.community_id.state != "active":
                raise UserError(
                    _("“%s” is closed: it plans no more meetings.", event.community_id.name)
                )
        for event in self:
            event.write(
                {
                    "is_network_event": True,
                    "community_proposal_state": "accepted",
                    "event_form": event.event_form or "seminar",
                }
            )
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=_("Accepted."))
        return True

    def action_refuse_community_meeting(self, reason=None):
        """The methodist refuses a proposed meeting, with the reason the leader reads."""
        for event in self:
            if event.community_proposal_state != "proposed":
                raise UserError(_("Only a proposed meeting can be refused (“%s”).", event.name))
        self.write({"community_proposal_state": "refused", "community_refusal_reason": reason})
        self.activity_feedback(["mail.mail_activity_data_todo"], feedback=_("Refused."))
        return True

    def action_register_community_members(self):
        """Register every current member of the community for its meeting."""
        self.ensure_one()
        if not self.community_id:
            raise UserError(_("“%s” is not a meeting of a community.", self.name))
        members = self.community_id.current_member_ids.partner_id
        if not members:
            raise UserError(_("“%s” has no members yet.", self.community_id.name))
        return self._register_teachers(members)

    # ------------------------------------------------------------------ portal
    def _register_teachers(self, teachers, state="open"):
        # The meetings of a closed community are for its members.
        for event in self.filtered("community_id"):
            community = event.community_id
            if not community.is_open:
                strangers = teachers - community.current_member_ids.partner_id
                if strangers:
                    raise ValidationError(
                        _(
                            "“%(event)s” is a meeting of the closed community “%(community)s”: "
                            "only its members register (%(names)s are not).",
                            event=event.name,
                            community=community.name,
                            names=", ".join(strangers.mapped("name")),
                        )
                    )
        return super()._register_teachers(teachers, state=state)

    @api.model
    def _network_portal_domain(self, partner, organization):
        # A teacher's list of upcoming events leaves out the meetings of closed communities
        # they are not a member of (they still see those they registered for).
        domain = super()._network_portal_domain(partner, organization)
        if organization:
            return domain
        visible = [
            "|",
            "|",
            ("community_id", "=", False),
            ("community_id.is_open", "=", True),
            (
                "community_id.member_ids",
                "any",
                [("partner_id", "=", partner.id), ("is_current", "=", True)],
            ),
        ]
        return expression.AND(
            [domain, ["|", ("registration_ids.partner_id", "=", partner.id), *visible]]
        )
