from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.network_methodology.models.network_portal_mixin import (
    TEXT_MAX,
    clean_text,
    to_int,
)
from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

from .network_student_project import SCORE_DIGITS

# What identifies a student and their school: frozen once the jury judges.
FROZEN_FIELDS = {"project_id", "organization_id", "grade", "student_name", "team"}


class NetworkStudentParticipant(models.Model):
    """A student registered for a project by their school's coordinator: name and grade only
    (minors' data, readable by their own school, the organizers and the jury, never on public
    pages unless the project publishes names), the team, the supervising teacher of the same
    school. ``score`` is the weighted total of the jury's scores, ``place`` set when the
    project finishes."""

    _name = "network.student.participant"
    _description = "Participant of a Project for Students"
    _order = "project_id, place, organization_id, student_name, id"
    _rec_name = "student_name"
    _check_company_auto = True

    project_id = fields.Many2one(
        "network.student.project", required=True, index=True, ondelete="cascade"
    )
    student_name = fields.Char(string="Student", required=True)
    grade = fields.Integer(required=True)
    organization_id = fields.Many2one(
        "res.partner",
        string="School",
        required=True,
        index=True,
        ondelete="restrict",
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    team = fields.Char()
    supervisor_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('is_teacher', '=', True), ('parent_id', '=', organization_id)]",
        help="The teacher of the student's school who prepares the student.",
    )
    score_ids = fields.One2many("network.student.score", "participant_id", string="Scores")
    score = fields.Float(
        compute="_compute_score",
        store=True,
        digits=(16, SCORE_DIGITS),
        help="Sum over the criteria of the weight times the jury's average score.",
    )
    place = fields.Integer(readonly=True, copy=False, help="Set when the project finishes.")
    is_winner = fields.Boolean(
        string="Winner", compute="_compute_is_winner", store=True, help="Placed in the prizes."
    )
    state = fields.Selection(related="project_id.state", string="Project Status")
    school_year_id = fields.Many2one(related="project_id.school_year_id", store=True, index=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True)

    @api.depends("score_ids.score", "score_ids.criterion_id.weight", "project_id.jury_ids")
    def _compute_score(self):
        for participant in self:
            by_criterion = {}
            for score in participant.score_ids:
                if score.jury_id in participant.project_id.jury_ids:
                    by_criterion.setdefault(score.criterion_id, []).append(score.score)
            participant.score = sum(
                criterion.weight * sum(values) / len(values)
                for criterion, values in by_criterion.items()
            )

    @api.depends("place", "project_id.winner_places")
    def _compute_is_winner(self):
        for participant in self:
            participant.is_winner = 0 < participant.place <= participant.project_id.winner_places

    # ------------------------------------------------------------------ rules
    @api.constrains("grade", "project_id")
    def _check_grade(self):
        for participant in self:
            project = participant.project_id
            if not project.grade_min <= participant.grade <= project.grade_max:
                raise ValidationError(
                    _(
                        "%(name)s is in grade %(grade)s: “%(project)s” is for grades "
                        "%(min)s to %(max)s.",
                        name=participant.student_name,
                        grade=participant.grade,
                        project=project.name,
                        min=project.grade_min,
                        max=project.grade_max,
                    )
                )

    @api.constrains("organization_id", "project_id")
    def _check_places_per_school(self):
        limited = self.filtered(lambda p: p.project_id.max_per_school)
        if not limited:
            return
        counts = {
            (project.id, organization.id): count
            for project, organization, count in self.sudo()._read_group(
                [
                    ("project_id", "in", limited.project_id.ids),
                    ("organization_id", "in", limited.organization_id.ids),
                ],
                ["project_id", "organization_id"],
                ["__count"],
            )
        }
        for participant in limited:
            project = participant.project_id
            if counts.get((project.id, participant.organization_id.id), 0) > project.max_per_school:
                raise ValidationError(
                    _(
                        "%(school)s has used its %(places)s places in “%(project)s”.",
                        school=participant.organization_id.name,
                        places=project.max_per_school,
                        project=project.name,
                    )
                )

    @api.constrains("organization_id", "supervisor_id")
    def _check_organization(self):
        for participant in self:
            organization = participant.organization_id
            if not organization._is_network_organization():
                raise ValidationError(
                    _("%s is not an organization of the network.", organization.name)
                )
            supervisor = participant.supervisor_id
            if supervisor and (not supervisor.is_teacher or supervisor.parent_id != organization):
                raise ValidationError(
                    _(
                        "%(name)s cannot supervise %(student)s: the supervisor is a teacher of "
                        "%(school)s.",
                        name=supervisor.name,
                        student=participant.student_name,
                        school=organization.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        projects = self.env["network.student.project"].browse(
            {vals["project_id"] for vals in vals_list if vals.get("project_id")}
        )
        closed = projects.filtered(lambda p: p.state != "open")
        if closed:
            raise UserError(
                _(
                    "The registration for “%s” is closed: students register while it is open.",
                    closed[0].name,
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if FROZEN_FIELDS & set(vals) and self.filtered(
            lambda p: p.project_id.state in ("judging", "done")
        ):
            raise UserError(_("The participants do not change once the jury judges."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_before_judging(self):
        if self.filtered(lambda p: p.project_id.state in ("judging", "done")):
            raise UserError(
                _("A student is withdrawn before the jury judges; ask the organizers now.")
            )

    def action_withdraw(self):
        """The coordinator withdraws their students before judging: the records (name and
        grade of a minor) are deleted."""
        for participant in self:
            if participant.project_id.state not in ("draft", "open"):
                raise UserError(
                    _(
                        "%(name)s cannot be withdrawn: the jury of “%(project)s” is judging.",
                        name=participant.student_name,
                        project=participant.project_id.name,
                    )
                )
        self.unlink()
        return True

    def _diploma_supervisors(self):
        """{participant id: supervisors listed on the diploma}: the participant's own and,
        for a team, those of every member of the team. Read for all participants at once."""
        teams = {}
        for member in self.project_id.participant_ids:
            if member.team:
                key = (member.project_id.id, member.team.strip().casefold())
                teams[key] = teams.get(key, self.env["res.partner"]) | member.supervisor_id
        return {
            participant.id: (
                teams.get(
                    (participant.project_id.id, participant.team.strip().casefold()),
                    participant.supervisor_id,
                )
                if participant.team
                else participant.supervisor_id
            )
            for participant in self
        }

    # ------------------------------------------------------------------ portal
    @api.model
    def _portal_prepare_values(self, post, organization, project):
        """A registration's values from the portal form of ``organization``'s coordinator for
        ``project``, and the errors by field."""
        errors = {}
        name = clean_text(post.get("student_name"))
        if not name:
            errors["student_name"] = _("Write the student's name.")
        elif len(name) > TEXT_MAX:
            errors["student_name"] = _("The text is longer than %s characters.", TEXT_MAX)
        grade = to_int(clean_text(post.get("grade")))
        if not project.grade_min <= grade <= project.grade_max:
            errors["grade"] = _(
                "The project is for grades %(min)s to %(max)s.",
                min=project.grade_min,
                max=project.grade_max,
            )
        team = clean_text(post.get("team"))
        if len(team) > TEXT_MAX:
            errors["team"] = _("The text is longer than %s characters.", TEXT_MAX)
        supervisor = self.env["res.partner"]
        supervisor_id = to_int(post.get("supervisor_id"))
        if supervisor_id:
            supervisor = supervisor.sudo().browse(supervisor_id).exists()
            if not supervisor or not supervisor.is_teacher or supervisor.parent_id != organization:
                errors["supervisor_id"] = _("Choose a teacher of your school.")
        if project._school_places_left(organization) == 0:
            errors["student_name"] = _("Your school has used all its places in this project.")
        values = {
            "student_name": name,
            "grade": grade,
            "team": team or False,
            "supervisor_id": supervisor.id or False,
        }
        return values, errors
