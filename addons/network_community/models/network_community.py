from datetime import datetime, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.network_methodology.models.network_portal_mixin import (
    LONG_TEXT_MAX,
    TEXT_MAX,
    clean_text,
    to_int,
)
from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

COMMUNITY_KINDS = [
    ("city_association", "City methodological association"),
    ("school_association", "School methodological association"),
    ("young_teacher_school", "School of the young teacher"),
    ("head_school", "School of the head"),
    ("creative_team", "Creative team"),
    ("cross_functional_team", "Cross-functional team"),
    ("permanent_seminar", "Permanent seminar"),
    ("expert_group", "Expert group"),
    ("other", "Other"),
]
# A school association gathers the teachers of one school; a city association works at city
# level. The other kinds may do either.
SCHOOL_KINDS = ("school_association",)
CITY_KINDS = ("city_association",)
# The forms of meeting a leader proposes from the portal, and their length in hours.
MEETING_FORMS = (
    "seminar",
    "workshop",
    "master_class",
    "open_lesson",
    "round_table",
    "consultation",
    "training",
    "lecture",
    "webinar",
    "conference",
)
MEETING_DURATION_MIN, MEETING_DURATION_MAX = 0.5, 8.0
# How far ahead a leader may propose a meeting.
MEETING_HORIZON = timedelta(days=366)


class NetworkCommunity(models.Model):
    """A professional community of teachers: a city or school methodological association
    (ГМО, ШМО), the school of the young teacher (ШМУ), the school of the head, a creative or
    cross-functional team, a permanent seminar, an expert group. Its meetings are network
    events (tokens as usual), its products are materials."""

    _name = "network.community"
    _description = "Professional Community"
    _network_portal_path = "communities"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "community_kind, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    community_kind = fields.Selection(
        COMMUNITY_KINDS,
        string="Kind",
        required=True,
        default="city_association",
        index=True,
        tracking=True,
    )
    organization_id = fields.Many2one(
        "res.partner",
        string="School",
        index=True,
        tracking=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
        help="The school of a school community; empty for a community of the city level.",
    )
    leader_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        domain=[("is_teacher", "=", True)],
        help="The teacher who leads the community: manages its members and proposes meetings "
        "in the portal.",
    )
    leader_name = fields.Char(related="leader_id.name", string="Leader's Name")
    methodist_id = fields.Many2one(
        "res.users",
        string="Coordinating Methodist",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        default=lambda self: self._default_methodist(),
    )
    subject_id = fields.Many2one("network.subject", tracking=True)
    is_open = fields.Boolean(
        string="Open",
        default=True,
        tracking=True,
        help="Teachers join an open community themselves in the portal; the leader or the "
        "methodist adds the members of a closed one.",
    )
    description = fields.Html(help="Aims and the theme of the year; shown in the portal.")
    member_ids = fields.One2many("network.community.member", "community_id", string="Members")
    current_member_ids = fields.One2many(
        "network.community.member",
        "community_id",
        string="Current Members",
        domain=[("is_current", "=", True)],
    )
    event_ids = fields.One2many(
        "event.event",
        "community_id",
        string="Meetings",
        domain=[("is_network_event", "=", True)],
    )
    proposal_ids = fields.One2many(
        "event.event",
        "community_id",
        string="Proposed Meetings",
        domain=[("is_network_event", "=", False), ("community_proposal_state", "!=", False)],
    )
    material_ids = fields.One2many("network.material", "community_id", string="Products")
    state = fields.Selection(
        [("active", "Active"), ("closed", "Closed")],
        default="active",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    date_start = fields.Date(
        string="Founded", required=True, default=fields.Date.context_today, tracking=True
    )
    date_closed = fields.Date(string="Closed On", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    color = fields.Integer()
    member_count = fields.Integer(string="Number of Members", compute="_compute_counts")
    meeting_count = fields.Integer(string="Number of Meetings", compute="_compute_counts")
    meeting_held_count = fields.Integer(string="Meetings Held", compute="_compute_counts")
    proposal_count = fields.Integer(string="Proposals", compute="_compute_counts")
    material_count = fields.Integer(string="Number of Products", compute="_compute_counts")

    @api.model
    def _default_methodist(self):
        user = self.env.user
        return user if user.has_group("network_methodology.group_network_user") else False

    def _compute_counts(self):
        Member = self.env["network.community.member"]
        Event = self.env["event.event"]
        ids = self.filtered("id").ids
        members = dict(
            Member._read_group(
                [("community_id", "in", ids), ("is_current", "=", True)],
                ["community_id"],
                ["__count"],
            )
        )
        now = fields.Datetime.now()
        meetings = dict(
            Event._read_group(
                [("community_id", "in", ids), ("is_network_event", "=", True)],
                ["community_id"],
                ["__count"],
            )
        )
        held = dict(
            Event._read_group(
                [
                    ("community_id", "in", ids),
                    ("is_network_event", "=", True),
                    ("date_end", "<", now),
                ],
                ["community_id"],
                ["__count"],
            )
        )
        proposals = dict(
            Event._read_group(
                [
                    ("community_id", "in", ids),
                    ("is_network_event", "=", False),
                    ("community_proposal_state", "=", "proposed"),
                ],
                ["community_id"],
                ["__count"],
            )
        )
        materials = dict(
            self.env["network.material"]._read_group(
                [("community_id", "in", ids)], ["community_id"], ["__count"]
            )
        )
        for community in self:
            community.member_count = members.get(community, 0)
            community.meeting_count = meetings.get(community, 0)
            community.meeting_held_count = held.get(community, 0)
            community.proposal_count = proposals.get(community, 0)
            community.material_count = materials.get(community, 0)

    # ------------------------------------------------------------------ rules
    @api.constrains("community_kind", "organization_id")
    def _check_level(self):
        for community in self:
            if community.community_kind in SCHOOL_KINDS and not community.organization_id:
                raise ValidationError(
                    _("“%s” is a school community: choose its school.", community.name)
                )
            if community.community_kind in CITY_KINDS and community.organization_id:
                raise ValidationError(
                    _(
                        "“%s” is a community of the city level: it belongs to no single school.",
                        community.name,
                    )
                )

    @api.constrains("leader_id", "organization_id")
    def _check_leader(self):
        for community in self.filtered("leader_id"):
            leader = community.leader_id
            if not leader.is_teacher:
                raise ValidationError(
                    _("%s is not a teacher: a teacher leads a community.", leader.name)
                )
            organization = community.organization_id
            if organization and leader.parent_id != organization:
                raise ValidationError(
                    _(
                        "%(name)s cannot lead “%(community)s”: its leader is a teacher of "
                        "%(organization)s.",
                        name=leader.name,
                        community=community.name,
                        organization=organization.name,
                    )
                )

    @api.constrains("organization_id")
    def _check_members_organization(self):
        for community in self.filtered("organization_id"):
            strangers = community.current_member_ids.partner_id.filtered(
                lambda p, org=community.organization_id: p.parent_id != org
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(names)s are members of “%(community)s” but not teachers of "
                        "%(organization)s.",
                        names=", ".join(strangers.mapped("name")),
                        community=community.name,
                        organization=community.organization_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        communities = super().create(vals_list)
        communities._sync_leader_membership()
        return communities

    def write(self, vals):
        res = super().write(vals)
        if "leader_id" in vals:
            self._sync_leader_membership()
        return res

    def _sync_leader_membership(self):
        """The leader is a current member with the role of leader; a former leader stays a
        member."""
        Member = self.env["network.community.member"]
        demote, promote, create = Member, Member, []
        today = fields.Date.context_today(self)
        for community in self:
            current = community.current_member_ids
            demote |= current.filtered(
                lambda m, leader=community.leader_id: m.role == "leader" and m.partner_id != leader
            )
            if not community.leader_id:
                continue
            mine = current.filtered(lambda m, leader=community.leader_id: m.partner_id == leader)
            if mine:
                promote |= mine.filtered(lambda m: m.role != "leader")
            else:
                create.append(
                    {
                        "community_id": community.id,
                        "partner_id": community.leader_id.id,
                        "role": "leader",
                        "date_join": today,
                    }
                )
        demote.write({"role": "member"})
        promote.write({"role": "leader"})
        Member.create(create)

    @api.ondelete(at_uninstall=False)
    def _unlink_without_history(self):
        for community in self:
            if community.with_context(active_test=False).event_ids or community.material_ids:
                raise UserError(
                    _(
                        "“%s” has meetings or products: close it instead of deleting it.",
                        community.name,
                    )
                )

    # ------------------------------------------------------------------ members
    def action_join(self, partners):
        """Make ``partners`` (teachers) members of the community from today and return their
        memberships. The portal lets a teacher join an open community themselves; the leader
        and the methodist add members to any community."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(_("“%s” is closed: nobody joins it any more.", self.name))
        if not partners:
            raise UserError(_("Choose the teachers who join “%s”.", self.name))
        strangers = partners.filtered(lambda p: not p.is_teacher)
        if strangers:
            raise ValidationError(
                _(
                    "%s: only teachers are members of professional communities.",
                    ", ".join(strangers.mapped("name")),
                )
            )
        already = partners & self.current_member_ids.partner_id
        if already:
            raise UserError(
                _(
                    "%(names)s already belong to “%(community)s”.",
                    names=", ".join(already.mapped("name")),
                    community=self.name,
                )
            )
        today = fields.Date.context_today(self)
        members = self.env["network.community.member"].create(
            [
                {
                    "community_id": self.id,
                    "partner_id": partner.id,
                    "role": "member",
                    "date_join": today,
                }
                for partner in partners
            ]
        )
        self.message_post(
            body=_("New members: %s.", ", ".join(partners.mapped("name"))),
            subtype_xmlid="mail.mt_note",
        )
        return members

    def action_leave(self, partners):
        """End the membership of ``partners`` today. The leader does not leave: the
        methodist appoints another leader first."""
        self.ensure_one()
        if not partners:
            raise UserError(_("Choose the members who leave “%s”.", self.name))
        if self.leader_id & partners:
            raise UserError(
                _(
                    "%(name)s leads “%(community)s”: the methodist appoints another leader "
                    "before they leave.",
                    name=self.leader_id.name,
                    community=self.name,
                )
            )
        members = self.current_member_ids.filtered(lambda m: m.partner_id in partners)
        missing = partners - members.partner_id
        if missing:
            raise UserError(
                _(
                    "%(names)s are not members of “%(community)s”.",
                    names=", ".join(missing.mapped("name")),
                    community=self.name,
                )
            )
        members.write({"date_leave": fields.Date.context_today(self)})
        self.message_post(
            body=_("Left the community: %s.", ", ".join(partners.mapped("name"))),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _can_join_from_portal(self, partner):
        """Whether teacher ``partner`` may join the community by themselves."""
        self.ensure_one()
        return (
            self.state == "active"
            and self.is_open
            and partner.is_teacher
            and (not self.organization_id or partner.parent_id == self.organization_id)
            and partner not in self.current_member_ids.partner_id
        )

    def _portal_member_candidates(self, leader):
        """The teachers the leader may add in the portal: their colleagues of the
        community's school (the leader's own school for a city community) who are not members
        yet. The portal shows the leader no other school's people."""
        self.ensure_one()
        school = self.organization_id or leader.parent_id
        return school.sudo().teacher_ids - self.sudo().current_member_ids.partner_id

    def _portal_prepare_members(self, post, leader):
        """The teachers the leader chose in the portal (``post['partner_ids']``, a list of
        ids) and the errors by field."""
        self.ensure_one()
        wanted = {to_int(value) for value in post.get("partner_ids") or []}
        candidates = self._portal_member_candidates(leader)
        partners = candidates.filtered(lambda p: p.id in wanted)
        errors = {}
        if not wanted:
            errors["partner_ids"] = _("Choose the teachers to add.")
        elif len(partners) != len(wanted):
            errors["partner_ids"] = _("Choose the teachers among those listed.")
        return partners, errors

    # ------------------------------------------------------------------ state
    def action_close(self):
        if self.filtered(lambda c: c.state != "active"):
            raise UserError(_("Only an active community can be closed."))
        self.write({"state": "closed", "date_closed": fields.Date.context_today(self)})
        return True

    def action_reopen(self):
        if self.filtered(lambda c: c.state != "closed"):
            raise UserError(_("Only a closed community can be reopened."))
        self.write({"state": "active", "date_closed": False})
        return True

    # ------------------------------------------------------------------ meetings
    def _portal_prepare_meeting_values(self, post, tz_name):
        """Values of a meeting the leader proposes in the portal and the errors by field.
        ``post`` holds the form's text: title, form, day (YYYY-MM-DD), start (HH:MM), length
        in hours and a description; the day and time are in the time zone ``tz_name``."""
        self.ensure_one()
        errors = {}
        name = clean_text(post.get("name"))
        if not name:
            errors["name"] = _("Enter the theme of the meeting.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The theme is longer than %s characters.", TEXT_MAX)
        event_form = post.get("event_form")
        if event_form not in MEETING_FORMS:
            errors["event_form"] = _("Choose the form of the meeting.")
        try:
            tz = pytz.timezone(tz_name or "UTC")
        except pytz.UnknownTimeZoneError:
            tz = pytz.utc
        begin = None
        try:
            local = datetime.strptime(
                f"{clean_text(post.get('date'))} {clean_text(post.get('time'))}", "%Y-%m-%d %H:%M"
            )
        except ValueError:
            errors["date"] = _("Enter the day and the time of the meeting.")
        else:
            begin = tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
            now = fields.Datetime.now()
            if begin <= now:
                errors["date"] = _("The meeting must lie in the future.")
            elif begin > now + MEETING_HORIZON:
                errors["date"] = _("Propose meetings at most a year ahead.")
        try:
            duration = float(clean_text(post.get("duration")).replace(",", "."))
        except ValueError:
            duration = 0.0
        if not MEETING_DURATION_MIN <= duration <= MEETING_DURATION_MAX:
            errors["duration"] = _(
                "A meeting lasts from %(min)s to %(max)s hours.",
                min=MEETING_DURATION_MIN,
                max=MEETING_DURATION_MAX,
            )
            duration = MEETING_DURATION_MIN
        description = clean_text(post.get("description"))
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        values = {
            "name": name,
            "event_form": event_form if event_form in MEETING_FORMS else False,
            "date_begin": begin,
            "date_end": begin + timedelta(hours=duration) if begin else None,
            "date_tz": tz.zone,
            "description": plaintext2html(description) if description else False,
        }
        return values, errors

    def _propose_meeting(self, values, proposer):
        """A meeting the leader ``proposer`` proposes: an event of the community that is not
        yet a network event; the methodist accepts it into the plan (it becomes a network
        event) or refuses it. Returns the event."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(_("“%s” is closed: it plans no more meetings.", self.name))
        if not proposer or proposer != self.leader_id:
            raise UserError(_("Only the leader of “%s” proposes its meetings.", self.name))
        event = (
            self.env["event.event"]
            .sudo()
            .create(
                dict(
                    values,
                    community_id=self.id,
                    is_network_event=False,
                    community_proposal_state="proposed",
                    community_proposed_by_id=proposer.id,
                    host_organization_id=(self.organization_id or proposer.parent_id).id,
                    user_id=self.methodist_id.id or self.env.uid,
                    company_id=self.company_id.id or self.env.company.id,
                )
            )
        )
        methodist = self.methodist_id
        if methodist:
            env = self.with_context(lang=methodist.lang or self.env.lang).env
            event.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=methodist.id,
                summary=env._("Meeting proposed by the leader of “%s”", self.name),
                note=env._("Accept it into the plan of the community or refuse it."),
            )
        self.sudo().message_post(
            body=_(
                "%(leader)s proposed a meeting: %(name)s.", leader=proposer.name, name=event.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        return event

    # ------------------------------------------------------------------ buttons
    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.event_event_action_network"
        )
        action["domain"] = [("community_id", "=", self.id)]
        action["context"] = {
            "default_community_id": self.id,
            "default_is_network_event": True,
            "default_host_organization_id": (self.organization_id or self.leader_id.parent_id).id,
            "default_event_form": "seminar",
        }
        return action

    def action_view_materials(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_material_action"
        )
        action["domain"] = [("community_id", "=", self.id)]
        action["context"] = {
            "default_community_id": self.id,
            "default_organization_id": self.organization_id.id,
        }
        return action

    def action_add_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_community.network_community_member_wizard_action"
        )
        action["context"] = {"default_community_id": self.id}
        return action

    @api.model
    def _meeting_form_options(self):
        """(value, label) of the forms a leader may propose."""
        labels = dict(
            self.env["event.event"]._fields["event_form"]._description_selection(self.env)
        )
        return [(form, labels[form]) for form in MEETING_FORMS if form in labels]
