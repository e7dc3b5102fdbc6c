from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import notify
from .network_portal_mixin import LONG_TEXT_MAX, clean_text, to_int
from .res_partner import NETWORK_ORGANIZATION_DOMAIN

# Requests that never reached the executor: drafts and withdrawn ones.
UNFILED_REQUEST_STATES = ("draft", "cancelled")
# Requests still waiting for their event: an applicant has one such request per offer.
PENDING_REQUEST_STATES = ("draft", "submitted", "accepted")
# The states each answer starts from: the executor accepts or rejects, the applicant withdraws.
ACCEPTABLE_REQUEST_STATES = ("submitted",)
REJECTABLE_REQUEST_STATES = ("submitted", "accepted")
CANCELLABLE_REQUEST_STATES = (*PENDING_REQUEST_STATES, "scheduled")
# How far ahead an applicant may wish an event.
WISHED_DATE_HORIZON = relativedelta(years=2)
# Participants one request may plan.
PARTICIPANTS_MAX = 500
# Requests in these states were accepted; rejected or cancelled ones were if they carry an
# acceptance date.
ACCEPTED_REQUEST_STATES = ("accepted", "scheduled", "done")
# What the followers of a request are mailed about: its submission (the executor's side) and
# its answers, acceptance, rejection or scheduling (the applicant's side).
SUBTYPE_SUBMITTED = "network_methodology.mt_network_request_submitted"
SUBTYPE_ANSWERED = "network_methodology.mt_network_request_answered"


class NetworkRequest(models.Model):
    _name = "network.request"
    _description = "Network Event Request"
    _network_portal_path = "requests"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date_request"
    _order = "date_request desc, id desc"
    _check_company_auto = True
    # Applicant and executor coordinators discuss a request on its portal page.
    _network_portal_discussion = True
    _network_mail_subtypes = (SUBTYPE_SUBMITTED, SUBTYPE_ANSWERED)

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default=lambda self: _("New")
    )
    requester_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        check_company=True,
        index=True,
        tracking=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    offer_id = fields.Many2one(
        "network.offer",
        required=True,
        check_company=True,
        index=True,
        tracking=True,
        domain=[("state", "=", "published")],
    )
    executor_id = fields.Many2one(
        related="offer_id.organization_id", store=True, index=True, string="Executor"
    )
    project_id = fields.Many2one(related="offer_id.project_id", store=True)
    event_form = fields.Selection(related="offer_id.event_form", store=True)
    date_request = fields.Date(
        string="Request Date", required=True, default=fields.Date.context_today, copy=False
    )
    date_wished = fields.Date(string="Preferred Date")
    participants_planned = fields.Integer(string="Planned Participants", default=1, tracking=True)
    comment = fields.Text()
    event_id = fields.Many2one(
        "event.event", string="Network Event", readonly=True, copy=False, index=True
    )
    rejection_reason = fields.Text(readonly=True, copy=False)
    date_submitted = fields.Date(string="Submission Date", readonly=True, copy=False)
    date_rejected = fields.Date(string="Rejection Date", readonly=True, copy=False)
    date_accepted = fields.Date(
        string="Acceptance Date",
        readonly=True,
        copy=False,
        help="Kept when the request is later rejected or cancelled: the fulfilment KPI "
        "counts every request that was accepted.",
    )
    planned_event_count = fields.Integer(compute="_compute_planned_event_count")
    done_count = fields.Integer(
        string="Carried Out",
        compute="_compute_done_count",
        store=True,
        help="1 for a carried-out request: the measure of the matrix next to the count.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("scheduled", "Scheduled"),
            ("done", "Carried out"),
            ("rejected", "Rejected"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "participants_check",
            "CHECK(participants_planned > 0)",
            "A request must plan at least one participant.",
        ),
        (
            "one_pending_per_offer",
            "EXCLUDE USING btree (requester_id WITH =, offer_id WITH =) WHERE (state IN (%s))"
            % ", ".join(f"'{state}'" for state in PENDING_REQUEST_STATES),
            "The applicant already has a request for this offer waiting for its event: follow "
            "that one, or cancel it before filing a new one.",
        ),
    ]

    def _creation_message(self):
        # the chatter's first line, in a Russian of the right gender (network.agreement's)
        return _("Request created")

    @api.depends("executor_id", "state")
    def _compute_planned_event_count(self):
        accepted = self.filtered(lambda r: r.state == "accepted")
        Event = self.env["event.event"]
        counts = dict(
            Event._read_group(
                [
                    ("host_organization_id", "in", accepted.executor_id.ids),
                    *Event._network_planned_domain(),
                ],
                ["host_organization_id"],
                ["__count"],
            )
        )
        for request in self:
            request.planned_event_count = (
                counts.get(request.executor_id, 0) if request.state == "accepted" else 0
            )

    @api.depends("state")
    def _compute_done_count(self):
        for request in self:
            request.done_count = int(request.state == "done")

    @api.model_create_multi
    def create(self, vals_list):
        # the database checks one pending request per applicant and offer: it must see the
        # states changed earlier in the transaction
        self.flush_model(["state"])
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("network.request")
        return super().create(vals_list)

    @api.constrains("requester_id", "offer_id")
    def _check_requester_offer(self):
        for request in self:
            if request.requester_id == request.offer_id.organization_id:
                raise ValidationError(
                    _("An organization cannot request an event from itself (%s).", request.name)
                )
            if request.offer_id.state != "published":
                raise ValidationError(
                    _(
                        "Offer “%s” is not published: events can only be requested "
                        "for published offers.",
                        request.offer_id.name,
                    )
                )

    @api.constrains("date_request", "date_wished")
    def _check_date_wished(self):
        for request in self.filtered("date_wished"):
            if request.date_wished > request.date_request + WISHED_DATE_HORIZON:
                raise ValidationError(
                    _("The preferred date is at most two years after the request.")
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda r: r.state not in UNFILED_REQUEST_STATES):
            raise UserError(_("Only draft or cancelled requests can be deleted."))

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _(
                    "Request %(name)s is %(state)s and cannot be %(action)s.",
                    name=wrong[0].name,
                    state=states[wrong[0].state].lower(),
                    action=action,
                )
            )

    def action_submit(self):
        self._check_state(("draft",), _("submitted"))
        archived = self.filtered(lambda r: r.offer_id.state != "published")
        if archived:
            raise UserError(_("Offer “%s” is no longer published.", archived[0].offer_id.name))
        self.requester_id._check_network_agreement(_("request events"))
        self.write({"state": "submitted", "date_submitted": fields.Date.context_today(self)})
        # Both parties' coordinators follow the request from now on, each for its side's mails.
        executors = self.executor_id._network_coordinators()
        applicants = self.requester_id._network_coordinators()
        nobody = self.env["res.partner"]
        self._network_subscribe(lambda r: executors.get(r.executor_id, nobody), [SUBTYPE_SUBMITTED])
        self._network_subscribe(
            lambda r: applicants.get(r.requester_id, nobody), [SUBTYPE_ANSWERED]
        )
        self._notify_followers("mail_template_network_request_submitted", SUBTYPE_SUBMITTED)
        return True

    def action_accept(self):
        self._check_state(ACCEPTABLE_REQUEST_STATES, _("accepted"))
        self.write({"state": "accepted", "date_accepted": fields.Date.context_today(self)})
        self._notify_followers("mail_template_network_request_answered", SUBTYPE_ANSWERED)
        return True

    def action_reject(self, reason=None):
        self._check_state(REJECTABLE_REQUEST_STATES, _("rejected"))
        self.write(
            {
                "state": "rejected",
                "rejection_reason": reason or False,
                "date_rejected": fields.Date.context_today(self),
            }
        )
        self._notify_followers("mail_template_network_request_answered", SUBTYPE_ANSWERED)
        return True

    def _notify_followers(self, template_xmlid, subtype_xmlid):
        """Mail each request's followers for ``subtype_xmlid``."""
        followers = self._network_followers(subtype_xmlid)
        notify(
            self.env.ref(f"network_methodology.{template_xmlid}"),
            self,
            lambda request: followers.get(request.id, self.env["res.partner"]),
        )

    def action_cancel(self):
        self._check_state(CANCELLABLE_REQUEST_STATES, _("cancelled"))
        self.write({"state": "cancelled"})
        return True

    def _event_dates(self, date_begin=None, date_end=None):
        """Start and end (naive UTC) of the event: given, or on the preferred date at 10:00
        in the user's time zone (two weeks ahead when no date was preferred)."""
        if date_begin:
            date_begin = fields.Datetime.to_datetime(date_begin)
        else:
            day = self.date_wished or fields.Date.context_today(self) + timedelta(days=14)
            tz = pytz.timezone(self.env.user.tz or "UTC")
            local = tz.localize(datetime.combine(day, time(10, 0)))
            date_begin = local.astimezone(pytz.utc).replace(tzinfo=None)
        if date_end:
            date_end = fields.Datetime.to_datetime(date_end)
        else:
            date_end = date_begin + timedelta(hours=self.offer_id.duration_hours or 2.0)
        if date_end < date_begin:
            raise ValidationError(_("The event must end after it starts."))
        return date_begin, date_end

    def action_schedule(self, event=None):
        """Schedule the accepted requests: into ``event``, a planned network event of the same
        executor (one seminar serves several applicants), or each in a new event created from
        its offer on the preferred date. Returns the events."""
        if isinstance(event, int | list):  # ids, from RPC or data files
            event = self.env["event.event"].browse(event)
        if event:
            return self._join_event(event)
        return self._schedule_events()

    def _planned_events_domain(self):
        """The network events the request's executor hosts that have not taken place yet."""
        self.ensure_one()
        return [
            ("host_organization_id", "=", self.executor_id.id),
            *self.env["event.event"]._network_planned_domain(),
        ]

    def _join_event(self, event):
        """Add the accepted requests to ``event``, which their executor hosts and which has not
        taken place yet."""
        event.ensure_one()
        self._check_state(("accepted",), _("scheduled"))
        if not event.filtered_domain(event._network_planned_domain()):
            raise UserError(
                _("“%s” is not a planned network event: choose one still to come.", event.name)
            )
        foreign = self.filtered(lambda r: r.executor_id != event.host_organization_id)
        if foreign:
            raise UserError(
                _(
                    "“%(event)s” is hosted by %(host)s, not by the executor of request "
                    "%(request)s.",
                    event=event.name,
                    host=event.host_organization_id.name or _("nobody"),
                    request=foreign[0].name,
                )
            )
        self.write({"state": "scheduled", "event_id": event.id})
        self._notify_followers("mail_template_network_request_answered", SUBTYPE_ANSWERED)
        return event

    def _schedule_events(self, date_begin=None, date_end=None):
        """Create the network event of each accepted request from its offer, from
        ``date_begin`` to ``date_end`` when given; return the events."""
        self._check_state(("accepted",), _("scheduled"))
        vals_list = []
        for request in self:
            offer = request.offer_id
            begin, end = request._event_dates(date_begin, date_end)
            vals_list.append(
                {
                    "name": offer.name,
                    "is_network_event": True,
                    "event_form": offer.event_form,
                    "offer_id": offer.id,
                    "host_organization_id": offer.organization_id.id,
                    "organizer_id": offer.organization_id.id,
                    "project_id": offer.project_id.id,
                    "presenter_ids": [Command.set(offer.presenter_ids.ids)],
                    "date_begin": begin,
                    "date_end": end,
                    "seats_max": offer.max_participants or request.participants_planned,
                    "seats_limited": bool(offer.max_participants),
                }
            )
        events = self.env["event.event"].create(vals_list)
        for request, event in zip(self, events, strict=True):
            request.write({"state": "scheduled", "event_id": event.id})
        self._notify_followers("mail_template_network_request_answered", SUBTYPE_ANSWERED)
        return events

    def action_schedule_open(self):
        """Button: schedule and open the new event."""
        return self._schedule_events()._network_form_action()

    def action_view_event(self):
        """Smart button: open the network event of the request."""
        self.ensure_one()
        return self.event_id._network_form_action()

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.requester_id | self.executor_id

    @api.model
    def _portal_prepare_values(self, post, organization):
        """A request's values from the portal form of ``organization``'s coordinator for the
        published offer ``post["offer_id"]``, and the errors by field."""
        errors = {}
        offer = self.env["network.offer"].browse(to_int(post.get("offer_id"))).exists()
        participants = to_int(clean_text(post.get("participants_planned")))
        if not 0 < participants <= PARTICIPANTS_MAX:
            errors["participants_planned"] = _(
                "Planned participants: a whole number from 1 to %s.", PARTICIPANTS_MAX
            )
        today = fields.Date.context_today(self)
        date_wished = clean_text(post.get("date_wished"))
        if date_wished:
            try:
                date_wished = fields.Date.to_date(date_wished)
            except ValueError:
                date_wished = None
            if not date_wished or not today <= date_wished <= today + WISHED_DATE_HORIZON:
                errors["date_wished"] = _(
                    "The preferred date is a date from today on, at most two years ahead."
                )
        comment = clean_text(post.get("comment"))
        if len(comment) > LONG_TEXT_MAX:
            errors["comment"] = _("The comment is longer than %s characters.", LONG_TEXT_MAX)
        if offer and self.sudo().search_count(
            [
                ("requester_id", "=", organization.id),
                ("offer_id", "=", offer.id),
                ("state", "in", PENDING_REQUEST_STATES),
            ],
            limit=1,
        ):
            errors["offer_id"] = _(
                "Your organization already has a request for this offer waiting for its event."
            )
        values = {
            "requester_id": organization.id,
            "offer_id": offer.id,
            "participants_planned": participants,
            "date_wished": date_wished or False,
            "comment": comment,
        }
        return values, errors

    def _action_done(self):
        self.filtered(lambda r: r.state == "scheduled").write({"state": "done"})

    @api.model
    def _get_matrix_domain(self, school_year, project=None, event_form=None):
        """The requests the matrix counts: filed in the school year (for a project and its
        sub-projects, of a form, if given). Add-ons narrow it further."""
        domain = [
            ("school_year_id", "=", school_year.id),
            ("state", "not in", UNFILED_REQUEST_STATES),
        ]
        if project:
            domain.append(("project_id", "child_of", project.id))
        if event_form:
            domain.append(("event_form", "=", event_form))
        return domain

    @api.model
    def _get_matrix(self, school_year, project=None, event_form=None, executor_slice=None):
        """The rulebook's matrix of network interaction (3.3, 3.3.1) of a school year (of a
        project and its sub-projects, of a form, if given): applicants (rows) × executors
        (columns) — every organization that declared experience, also those nobody requested
        yet —, each cell the requests filed and carried out and the requested themes with
        their states. Published to every organization, so read as superuser; it holds
        organization names, themes and counts only. Four queries whatever its size.

        ``executor_slice`` (a page of the executors sorted by name) limits the cells to those
        executors' columns; the counts of rows, columns and the total stay the whole matrix's."""
        # The groups in SQL, not _read_group: a region has some 20,000 groups and the ORM would
        # build four records per group (a second of Python); here one record per offer.
        query = self.sudo()._search(self._get_matrix_domain(school_year, project, event_form))
        groups = self.env.execute_query(
            SQL(
                "SELECT %s, %s, %s, %s, COUNT(*) FROM %s WHERE %s GROUP BY 1, 2, 3, 4",
                SQL.identifier(query.table, "requester_id"),
                SQL.identifier(query.table, "executor_id"),
                SQL.identifier(query.table, "offer_id"),
                SQL.identifier(query.table, "state"),
                query.from_clause,
                query.where_clause or SQL("TRUE"),
            )
        )
        offers = (
            self.env["network.offer"]
            .sudo()
            ._read_group(
                self.env["network.offer"]._get_matrix_domain(school_year, project, event_form),
                ["organization_id"],
                ["__count"],
            )
        )

        def counter():
            return {"requests": 0, "done": 0}

        rows, columns, total = defaultdict(counter), defaultdict(counter), counter()
        for requester_id, executor_id, _offer_id, state, count in groups:
            done = count if state == "done" else 0
            for counts in (rows[requester_id], columns[executor_id], total):
                counts["requests"] += count
                counts["done"] += done
        declared = {org.id: count for org, count in offers}
        for executor_id in declared:  # an executor nobody requested yet has a column too
            columns.setdefault(executor_id, counter())
        organizations = self.env["res.partner"].sudo().browse(list(rows.keys() | columns.keys()))
        organizations.fetch(["name"])  # one query for every name of the table
        executors = organizations.filtered(lambda p: p.id in columns).sorted("name")
        detailed = executors[executor_slice] if executor_slice else executors
        detailed_ids = set(detailed.ids)
        shown_groups = [row for row in groups if row[1] in detailed_ids]

        state_labels = dict(self._fields["state"]._description_selection(self.env))
        themes = self.env["network.offer"].sudo().browse({row[2] for row in shown_groups if row[2]})
        themes.fetch(["name"])  # one query for every theme shown
        theme_of = {offer.id: (offer, offer.name or "") for offer in themes}
        no_theme = (themes.browse(), "")
        cells = defaultdict(lambda: {"requests": 0, "done": 0, "themes": []})
        for requester_id, executor_id, offer_id, state, count in shown_groups:
            cell = cells[requester_id, executor_id]
            cell["requests"] += count
            cell["done"] += count if state == "done" else 0
            offer, name = theme_of.get(offer_id, no_theme)
            cell["themes"].append(
                {
                    "offer": offer,
                    "name": name,
                    "state": state,
                    "state_label": state_labels[state],
                    "count": count,
                }
            )
        for cell in cells.values():
            cell["themes"].sort(key=lambda theme: (theme["name"], theme["state"]))
        return {
            "applicants": organizations.filtered(lambda p: p.id in rows).sorted("name"),
            "executors": executors,
            "cells": cells,
            "rows": rows,
            "columns": columns,
            "total": total,
            "declared": declared,
        }

    @api.model
    def _get_matrix_table(self, matrix):
        """The matrix as a flat table (header, rows) for downloads: applicant, executor,
        theme, status and number of requests per requested theme, then the executors whose
        declared experience nobody requested yet."""
        header = [_("Applicant"), _("Executor"), _("Theme"), _("Status"), _("Requests")]
        names = {org.id: org.name for org in matrix["applicants"] | matrix["executors"]}
        rows = [
            [
                names[applicant],
                names[executor],
                theme["offer"].name,
                theme["state_label"],
                theme["count"],
            ]
            for (applicant, executor), cell in matrix["cells"].items()
            for theme in cell["themes"]
        ]
        rows.sort(key=lambda row: (row[0] or "", row[1] or "", row[2] or ""))
        rows += [
            ["", names[executor.id], _("(declared experience, not requested yet)"), "", 0]
            for executor in matrix["executors"]
            if not matrix["columns"][executor.id]["requests"]
        ]
        return header, rows
