from datetime import datetime, time

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

PROJECT_KINDS = [
    ("contest", "Contest"),
    ("festival", "Festival"),
    ("olympiad", "Olympiad"),
    ("conference", "Conference"),
    ("project", "Network project"),
]
PROJECT_STATES = [
    ("draft", "Draft"),
    ("open", "Registration"),
    ("judging", "Judging"),
    ("done", "Finished"),
    ("cancelled", "Cancelled"),
]
# The form of the network event through which the organizers and the jury earn their tokens.
EVENT_FORM_BY_KIND = {
    "contest": "contest",
    "festival": "festival",
    "olympiad": "contest",
    "conference": "conference",
    "project": "conference",
}
# Grades of a general school (1–11).
GRADE_MIN, GRADE_MAX = 1, 11
# Totals are compared rounded to this many decimals: equal rounded totals share a place.
SCORE_DIGITS = 2


class NetworkStudentProject(models.Model):
    """A network project for students — a contest, festival, olympiad, conference or project —
    organized jointly by one or several schools of the network (rulebooks 002 and 004).

    Draft → open (the coordinators register their schools' students, within the grades and
    the places per school) → judging (the jury of teachers scores every participant on every
    criterion) → done (places are set). Ranking is «competition ranking»: participants with
    equal totals (rounded to two decimals) share a place and the next place skips as many as
    shared it (1, 1, 3). The organizers and the jury earn their tokens through the project's
    network events, as at any network event."""

    _name = "network.student.project"
    _description = "Network Project for Students"
    _network_portal_path = "student-projects"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date_start"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    project_kind = fields.Selection(
        PROJECT_KINDS, string="Kind", required=True, default="contest", tracking=True
    )
    organizer_ids = fields.Many2many(
        "res.partner",
        "network_student_project_organizer_rel",
        "project_id",
        "partner_id",
        string="Organizers",
        domain=NETWORK_ORGANIZATION_DOMAIN,
        help="The schools of the network organizing the project together.",
    )
    organizer_teacher_ids = fields.Many2many(
        "res.partner",
        "network_student_project_organizer_teacher_rel",
        "project_id",
        "partner_id",
        string="Organizing Teachers",
        domain=[("is_teacher", "=", True)],
        help="Teachers of the organizing schools who prepare and hold the project; they earn "
        "red tokens at its network events.",
    )
    jury_ids = fields.Many2many(
        "res.partner",
        "network_student_project_jury_rel",
        "project_id",
        "partner_id",
        domain=[("is_teacher", "=", True)],
        help="Teachers of the network who score the participants in the portal; they earn red "
        "tokens at the project's network events.",
    )
    description = fields.Html(help="Aims, rules and themes; shown in the portal.")
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    stage_ids = fields.One2many("network.student.project.stage", "project_id", string="Stages")
    criteria = fields.One2many("network.student.criterion", "project_id")
    # the students are minors: the education department reads the project and the counts,
    # never the students (portal users read them through the record rules and the pages)
    participant_ids = fields.One2many(
        "network.student.participant",
        "project_id",
        string="Participants",
        groups="network_methodology.group_network_user",
    )
    score_ids = fields.One2many(
        "network.student.score",
        "project_id",
        string="Scores",
        groups="network_methodology.group_network_user",
    )
    event_ids = fields.One2many("event.event", "student_project_id", string="Network Events")
    grade_min = fields.Integer(string="From Grade", required=True, default=GRADE_MIN)
    grade_max = fields.Integer(string="To Grade", required=True, default=GRADE_MAX)
    max_per_school = fields.Integer(
        string="Places per School",
        help="How many students one school may register; 0 for no limit.",
    )
    winner_places = fields.Integer(
        string="Prize Places",
        default=3,
        required=True,
        help="Participants placed up to this place are winners and prize-winners.",
    )
    names_public = fields.Boolean(
        string="Names in Public Results",
        default=lambda self: self.env.company.network_student_names_public,
        tracking=True,
        help="The public results show the students' names. Without it they show the places "
        "and the schools only.",
    )
    state = fields.Selection(
        PROJECT_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    date_done = fields.Date(string="Results On", readonly=True, copy=False)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    color = fields.Integer()
    participant_count = fields.Integer(string="Number of Participants", compute="_compute_counts")
    school_count = fields.Integer(string="Schools", compute="_compute_counts")
    event_count = fields.Integer(string="Events", compute="_compute_counts")

    _sql_constraints = [
        ("dates", "CHECK(date_start <= date_end)", "A project ends after it starts."),
        (
            "grades",
            f"CHECK(grade_min >= {GRADE_MIN} AND grade_max <= {GRADE_MAX} "
            "AND grade_min <= grade_max)",
            "Grades run from 1 to 11, the lowest first.",
        ),
        ("max_per_school", "CHECK(max_per_school >= 0)", "Places per school cannot be negative."),
        ("winner_places", "CHECK(winner_places >= 1)", "A project has at least one prize place."),
    ]

    def _compute_counts(self):
        ids = self.filtered("id").ids
        Participant = self.env["network.student.participant"].sudo()
        participants = dict(
            Participant._read_group([("project_id", "in", ids)], ["project_id"], ["__count"])
        )
        schools = dict(
            Participant._read_group(
                [("project_id", "in", ids)], ["project_id"], ["organization_id:count_distinct"]
            )
        )
        events = dict(
            self.env["event.event"]
            .sudo()
            ._read_group([("student_project_id", "in", ids)], ["student_project_id"], ["__count"])
        )
        for project in self:
            project.participant_count = participants.get(project, 0)
            project.school_count = schools.get(project, 0)
            project.event_count = events.get(project, 0)

    # ------------------------------------------------------------------ rules
    @api.constrains("organizer_ids")
    def _check_organizers(self):
        for project in self:
            strangers = project.organizer_ids.filtered(lambda p: not p._is_network_organization())
            if strangers:
                raise ValidationError(
                    _(
                        "%(names)s cannot organize “%(project)s”: organizers are organizations "
                        "of the network.",
                        names=", ".join(strangers.mapped("name")),
                        project=project.name,
                    )
                )

    @api.constrains("jury_ids", "organizer_teacher_ids", "organizer_ids")
    def _check_teachers(self):
        for project in self:
            strangers = (project.jury_ids | project.organizer_teacher_ids).filtered(
                lambda p: not p.is_teacher
            )
            if strangers:
                raise ValidationError(
                    _(
                        "%(names)s are not teachers: the jury and the organizing teachers of "
                        "“%(project)s” are teachers.",
                        names=", ".join(strangers.mapped("name")),
                        project=project.name,
                    )
                )
            outsiders = project.organizer_teacher_ids.filtered(
                lambda p, orgs=project.organizer_ids: p.parent_id not in orgs
            )
            if outsiders:
                raise ValidationError(
                    _(
                        "%(names)s do not teach at an organizing school of “%(project)s”.",
                        names=", ".join(outsiders.mapped("name")),
                        project=project.name,
                    )
                )

    def write(self, vals):
        locked = {"grade_min", "grade_max", "max_per_school"} & set(vals)
        if locked and self.filtered(lambda p: p.state in ("judging", "done")):
            raise UserError(_("The limits of registration do not change once the jury judges."))
        if "jury_ids" in vals and self.filtered(lambda p: p.state == "done"):
            raise UserError(_("The jury of a finished project does not change."))
        res = super().write(vals)
        if {"jury_ids", "organizer_teacher_ids"} & set(vals):
            self._sync_event_presenters()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda p: p.state not in ("draft", "cancelled")):
            raise UserError(_("Only draft or cancelled projects can be deleted."))

    # ------------------------------------------------------------------ workflow
    def action_open(self):
        """Draft → open: the coordinators register their students."""
        for project in self:
            if project.state != "draft":
                raise UserError(
                    _("Only a draft project opens its registration (“%s”).", project.name)
                )
            if not project.organizer_ids:
                raise UserError(_("“%s” has no organizing school yet.", project.name))
            if not project.criteria:
                raise UserError(_("“%s” has no criteria to judge by yet.", project.name))
            if not project.jury_ids:
                raise UserError(_("“%s” has no jury yet.", project.name))
        self.write({"state": "open"})
        return True

    def action_judge(self):
        """Open → judging: the registration closes, the jury scores in the portal."""
        for project in self:
            if project.state != "open":
                raise UserError(
                    _("Only a project open for registration goes to judging (“%s”).", project.name)
                )
            if not project.participant_ids:
                raise UserError(_("Nobody is registered for “%s”.", project.name))
        self.write({"state": "judging"})
        return True

    def action_done(self):
        """Judging → done: every jury member scored every participant on every criterion;
        the participants are ranked and get their places (see :meth:`_rank`)."""
        for project in self:
            if project.state != "judging":
                raise UserError(_("Only a project being judged is finished (“%s”).", project.name))
            missing = project._missing_scores()
            if missing:
                raise UserError(
                    _(
                        "“%(project)s”: %(count)s scores are still missing (every member of the "
                        "jury scores every participant on every criterion).",
                        project=project.name,
                        count=missing,
                    )
                )
        self._rank()
        self.write({"state": "done", "date_done": fields.Date.context_today(self)})
        return True

    def action_cancel(self):
        """Draft, open or judging → cancelled (the registered students stay until deleted)."""
        for project in self:
            if project.state not in ("draft", "open", "judging"):
                raise UserError(
                    _("A finished or cancelled project cannot be cancelled (“%s”).", project.name)
                )
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        """Open or cancelled → draft: the registration closes until the project opens again.
        A project that was judged keeps its scores but loses its places."""
        for project in self:
            if project.state not in ("open", "cancelled"):
                raise UserError(
                    _(
                        "Only a project open for registration or cancelled goes back to draft "
                        "(“%s”).",
                        project.name,
                    )
                )
        self.participant_ids.sudo().write({"place": 0})
        self.write({"state": "draft", "date_done": False})
        return True

    def _missing_scores(self):
        """How many scores (jury member × participant × criterion) are still missing."""
        self.ensure_one()
        expected = len(self.jury_ids) * len(self.participant_ids) * len(self.criteria)
        given = (
            self.env["network.student.score"]
            .sudo()
            .search_count(
                [
                    ("project_id", "=", self.id),
                    ("jury_id", "in", self.jury_ids.ids),
                    ("criterion_id", "in", self.criteria.ids),
                ]
            )
        )
        return max(expected - given, 0)

    def _rank(self):
        """Places by total score, highest first, in «competition ranking»: equal totals
        (rounded to two decimals) share a place and the next place skips (1, 1, 3) —
        PostgreSQL's ``RANK()``. One statement for every participant of the projects."""
        Participant = self.env["network.student.participant"]
        Participant.flush_model()
        self.flush_recordset(["winner_places"])
        rows = self.env.execute_query(
            SQL(
                """
                UPDATE network_student_participant p
                   SET place = r.place, is_winner = r.place <= r.winner_places
                  FROM (SELECT s.id, j.winner_places,
                               RANK() OVER (PARTITION BY s.project_id
                                            ORDER BY ROUND(s.score::numeric, %s) DESC) AS place
                          FROM network_student_participant s
                          JOIN network_student_project j ON j.id = s.project_id
                         WHERE s.project_id IN %s) r
                 WHERE r.id = p.id
             RETURNING p.id
                """,
                SCORE_DIGITS,
                tuple(self.ids),
            )
        )
        Participant.browse(row[0] for row in rows).invalidate_recordset(["place", "is_winner"])

    # ------------------------------------------------------------------ events and tokens
    def _event_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "student_project_id": self.id,
            "is_network_event": True,
            "event_form": EVENT_FORM_BY_KIND[self.project_kind],
            "host_organization_id": self.organizer_ids[:1].id,
            "cohost_organization_ids": [Command.set(self.organizer_ids[1:].ids)],
            "presenter_ids": [Command.set((self.organizer_teacher_ids | self.jury_ids).ids)],
            "date_begin": datetime.combine(self.date_start, time(9, 0)),
            "date_end": datetime.combine(self.date_end, time(18, 0)),
            "company_id": self.company_id.id,
        }

    def action_create_event(self):
        """Creates the project's network event: hosted by the first organizer, co-hosted by
        the others; the organizing teachers and the jury present (red tokens, issued after
        the event as at any network event)."""
        for project in self:
            if project.state in ("draft", "cancelled"):
                raise UserError(
                    _("“%s” is not open yet: plan its event once it opens.", project.name)
                )
            if not project.organizer_ids:
                raise UserError(_("“%s” has no organizing school yet.", project.name))
        events = self.env["event.event"].create([project._event_values() for project in self])
        if len(events) == 1:
            return events._network_form_action()
        return True

    def _sync_event_presenters(self):
        """The organizing teachers and the jury present at the project's events that did not
        issue their tokens yet."""
        for project in self:
            events = project.event_ids.filtered(lambda e: not e.tokens_issued)
            teachers = project.organizer_teacher_ids | project.jury_ids
            for event in events:
                missing = teachers - event.presenter_ids
                if missing:
                    event.presenter_ids = [Command.link(p.id) for p in missing]

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_student_project.event_event_action_student_project"
        )
        action["domain"] = [("student_project_id", "=", self.id)]
        action["context"] = {"default_student_project_id": self.id, "default_is_network_event": 1}
        return action

    def action_view_participants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_student_project.network_student_participant_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_print_diplomas(self):
        """The diplomas of every participant, in one PDF rendered in one batch."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(_("Diplomas are printed once the project is finished."))
        return self.env.ref("network_student_project.action_report_student_diploma").report_action(
            self.participant_ids.sorted(lambda p: (p.place, p.id))
        )

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.organizer_ids

    def _is_organizer(self, organization):
        self.ensure_one()
        return bool(organization) and organization in self.organizer_ids

    def _register_student(self, organization, values):
        """Registers a student of ``organization`` (checked values of the portal form); the
        rules of registration (state, grades, places per school, supervisor) are the
        participant's constraints. Returns the participant."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(_("The registration for “%s” is closed.", self.name))
        return (
            self.env["network.student.participant"]
            .sudo()
            .create(dict(values, project_id=self.id, organization_id=organization.id))
        )

    def _school_places_left(self, organization):
        """Places left for ``organization``'s students; None without a limit."""
        self.ensure_one()
        if not self.max_per_school:
            return None
        taken = (
            self.env["network.student.participant"]
            .sudo()
            .search_count([("project_id", "=", self.id), ("organization_id", "=", organization.id)])
        )
        return max(self.max_per_school - taken, 0)

    def _set_jury_scores(self, jury, scores):
        """Saves the scores of the jury member ``jury``: ``scores`` maps (participant id,
        criterion id) to a score. Existing scores are updated, new ones created, in batch."""
        self.ensure_one()
        if self.state != "judging":
            raise UserError(_("“%s” is not being judged: scores are not accepted.", self.name))
        if jury not in self.jury_ids:
            raise UserError(
                _(
                    "%(name)s is not in the jury of “%(project)s”.",
                    name=jury.name,
                    project=self.name,
                )
            )
        Score = self.env["network.student.score"].sudo()
        existing = {
            (s.participant_id.id, s.criterion_id.id): s
            for s in Score.search([("project_id", "=", self.id), ("jury_id", "=", jury.id)])
        }
        to_create = []
        for (participant_id, criterion_id), value in scores.items():
            score = existing.get((participant_id, criterion_id))
            if score:
                if score.score != value:
                    score.score = value
            else:
                to_create.append(
                    {
                        "participant_id": participant_id,
                        "criterion_id": criterion_id,
                        "jury_id": jury.id,
                        "score": value,
                    }
                )
        Score.create(to_create)
        return True
