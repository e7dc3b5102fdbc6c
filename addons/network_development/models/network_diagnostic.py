from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, plaintext2html

from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN
from odoo.addons.network_methodology.tools import notification, plural

DIAGNOSTIC_STATES = [
    ("draft", "Draft"),
    ("running", "Running"),
    ("closed", "Closed"),
]


class NetworkDiagnostic(models.Model):
    """A diagnostic campaign of teachers' professional difficulties: a scored Odoo survey whose
    questions measure competences, sent through survey's own invitations to every teacher of the
    chosen organizations. Closing computes one result per teacher and competence in SQL; routes
    are then proposed to the teachers with deficits."""

    _name = "network.diagnostic"
    _description = "Diagnostic Campaign"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _network_portal_path = "diagnostics"
    _order = "deadline desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        domain=[("scoring_type", "!=", "no_scoring")],
        tracking=True,
    )
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        default=lambda self: self.env["network.school.year"]._get_for_date(
            fields.Date.context_today(self)
        ),
        tracking=True,
    )
    organization_ids = fields.Many2many(
        "res.partner",
        "network_diagnostic_organization_rel",
        "diagnostic_id",
        "organization_id",
        string="Organizations",
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    deadline = fields.Date(required=True, tracking=True)
    deficit_threshold = fields.Float(
        string="Deficit Threshold (%)",
        default=60.0,
        tracking=True,
        help="A competence scored under this share of its maximum is a deficit.",
    )
    state = fields.Selection(
        DIAGNOSTIC_STATES, default="draft", required=True, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Methodist", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    answer_ids = fields.One2many(
        "survey.user_input",
        "network_diagnostic_id",
        string="Answers",
        groups="survey.group_survey_user",
    )
    # personal: the education department reads the campaign, not its teachers' results
    result_ids = fields.One2many(
        "network.diagnostic.result",
        "diagnostic_id",
        string="Results",
        groups="network_methodology.group_network_user",
    )
    route_ids = fields.One2many(
        "network.route",
        "diagnostic_id",
        string="Routes",
        groups="network_methodology.group_network_user",
    )
    invited_count = fields.Integer(compute="_compute_counts")
    answered_count = fields.Integer(compute="_compute_counts")
    deficit_teacher_count = fields.Integer(
        string="Teachers with Deficits", compute="_compute_counts"
    )
    route_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "threshold_range",
            "CHECK(deficit_threshold > 0 AND deficit_threshold <= 100)",
            "The deficit threshold is a share between 0 and 100 %.",
        ),
    ]

    def _compute_counts(self):
        Answer = self.env["survey.user_input"].sudo()
        invited = dict(
            Answer._read_group(
                [("network_diagnostic_id", "in", self.ids)], ["network_diagnostic_id"], ["__count"]
            )
        )
        answered = dict(
            Answer._read_group(
                [("network_diagnostic_id", "in", self.ids), ("state", "=", "done")],
                ["network_diagnostic_id"],
                ["__count"],
            )
        )
        deficits = dict(
            self.env["network.diagnostic.result"]
            .sudo()
            ._read_group(
                [("diagnostic_id", "in", self.ids), ("is_deficit", "=", True)],
                ["diagnostic_id"],
                ["partner_id:count_distinct"],
            )
        )
        routes = dict(
            self.env["network.route"]
            .sudo()
            ._read_group([("diagnostic_id", "in", self.ids)], ["diagnostic_id"], ["__count"])
        )
        for diagnostic in self:
            diagnostic.invited_count = invited.get(diagnostic, 0)
            diagnostic.answered_count = answered.get(diagnostic, 0)
            diagnostic.deficit_teacher_count = deficits.get(diagnostic, 0)
            diagnostic.route_count = routes.get(diagnostic, 0)

    @api.constrains("survey_id", "state")
    def _check_survey(self):
        for diagnostic in self:
            if diagnostic.survey_id.scoring_type == "no_scoring":
                raise ValidationError(
                    _(
                        "“%s” is not scored: a diagnostic needs a scored survey.",
                        diagnostic.survey_id.title,
                    )
                )

    # ------------------------------------------------------------------ teachers
    def _teachers(self):
        """The teachers of the campaign's organizations."""
        self.ensure_one()
        return self.env["res.partner"].search(
            [("parent_id", "in", self.organization_ids.ids), ("is_teacher", "=", True)]
        )

    def _participation(self, organization):
        """The invitations of ``organization``'s teachers (``survey.user_input``, superuser):
        who answered and who has not yet. Callers check that the user acts for it."""
        self.ensure_one()
        return (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("network_diagnostic_id", "=", self.id),
                    ("partner_id.parent_id", "=", organization.id),
                ]
            )
            .sorted(lambda answer: (answer.state == "done", answer.partner_id.name or ""))
        )

    # ------------------------------------------------------------------ workflow
    def action_start(self):
        """Invite every teacher of the organizations through survey's own invitations."""
        for diagnostic in self:
            if diagnostic.state != "draft":
                raise UserError(_("“%s” has already been started.", diagnostic.name))
            survey = diagnostic.survey_id
            if not survey.question_ids.filtered("network_competence_id"):
                raise UserError(
                    _(
                        "No question of “%s” measures a competence: "
                        "link the questions to competences first.",
                        survey.title,
                    )
                )
            if diagnostic.deadline < fields.Date.context_today(diagnostic):
                raise UserError(_("The deadline of “%s” has passed.", diagnostic.name))
            teachers = diagnostic._teachers()
            if not teachers:
                raise UserError(
                    _("The organizations of “%s” have no teachers to invite.", diagnostic.name)
                )
            template = self.env.ref("survey.mail_template_user_input_invite")
            invite = (
                self.env["survey.invite"]
                .with_context(network_diagnostic_id=diagnostic.id)
                .create(
                    {
                        "survey_id": survey.id,
                        "partner_ids": [fields.Command.set(teachers.ids)],
                        "template_id": template.id,
                        "existing_mode": "new",
                        "deadline": fields.Datetime.to_datetime(diagnostic.deadline),
                    }
                )
            )
            invite.action_invite()
            diagnostic.state = "running"
        return True

    def action_close(self):
        """Close the campaign and compute its results in one SQL statement."""
        for diagnostic in self:
            if diagnostic.state != "running":
                raise UserError(
                    _("Only a running diagnostic can be closed: “%s” is not.", diagnostic.name)
                )
        self.write({"state": "closed"})
        self._compute_results()
        return True

    def action_reset_draft(self):
        for diagnostic in self:
            if diagnostic.state != "running" or diagnostic.answer_ids.filtered(
                lambda a: a.state != "new"
            ):
                raise UserError(
                    _(
                        "“%s” can return to draft only while running and before anybody answered.",
                        diagnostic.name,
                    )
                )
        self.answer_ids.sudo().unlink()
        self.write({"state": "draft"})
        return True

    def _compute_results(self):
        """One result per teacher who finished the survey × competence of its questions: the
        points earned on the competence's questions over their maximum (survey's own rule:
        the best positive choice of a single choice, the positive choices of a multiple choice,
        the question's score otherwise), a deficit under the campaign's threshold. The last
        finished answer of a teacher counts."""
        if not self:
            return
        self.env.flush_all()
        Result = self.env["network.diagnostic.result"]
        Result.sudo().search([("diagnostic_id", "in", self.ids)]).unlink()
        self.env.flush_all()
        cr = self.env.cr
        # Millions of answer lines: group them in memory rather than on disk, and join whole
        # sets (hash joins) — the planner, misled by the estimates of the CTEs, would otherwise
        # re-aggregate the answers once per teacher in a nested loop.
        cr.execute("SELECT current_setting('work_mem'), current_setting('enable_nestloop')")
        work_mem, nestloop = cr.fetchone()
        cr.execute(
            "SELECT set_config('work_mem', '256MB', true),"
            " set_config('enable_nestloop', 'off', true)"
        )
        self.env.execute_query(
            SQL(
                """
WITH question AS (
    SELECT d.id AS diagnostic_id, q.id AS question_id, q.network_competence_id AS competence_id,
           CASE q.question_type
               WHEN 'simple_choice' THEN COALESCE(
                   (SELECT MAX(a.answer_score) FROM survey_question_answer a
                     WHERE a.question_id = q.id AND a.answer_score > 0), 0)
               WHEN 'multiple_choice' THEN COALESCE(
                   (SELECT SUM(a.answer_score) FROM survey_question_answer a
                     WHERE a.question_id = q.id AND a.answer_score > 0), 0)
               ELSE COALESCE(q.answer_score, 0)
           END AS max_score
      FROM network_diagnostic d
      JOIN survey_question q ON q.survey_id = d.survey_id
     WHERE d.id IN %(ids)s AND q.network_competence_id IS NOT NULL
       AND NOT COALESCE(q.is_page, FALSE)
),
competence AS (
    SELECT diagnostic_id, competence_id, SUM(max_score) AS max_total
      FROM question GROUP BY diagnostic_id, competence_id HAVING SUM(max_score) > 0
),
answer AS (
    SELECT DISTINCT ON (ui.network_diagnostic_id, ui.partner_id)
           ui.id, ui.network_diagnostic_id AS diagnostic_id, ui.partner_id
      FROM survey_user_input ui
     WHERE ui.network_diagnostic_id IN %(ids)s AND ui.state = 'done'
       AND ui.partner_id IS NOT NULL AND NOT COALESCE(ui.test_entry, FALSE)
     ORDER BY ui.network_diagnostic_id, ui.partner_id, ui.id DESC
),
earned AS (
    SELECT a.id AS answer_id, q.competence_id, SUM(l.answer_score) AS score
      FROM answer a
      JOIN survey_user_input_line l ON l.user_input_id = a.id
      JOIN question q ON q.question_id = l.question_id AND q.diagnostic_id = a.diagnostic_id
     GROUP BY a.id, q.competence_id
)
INSERT INTO network_diagnostic_result (
    diagnostic_id, partner_id, competence_id, score_percent, is_deficit, create_date,
    write_date)
SELECT a.diagnostic_id, a.partner_id, c.competence_id, r.score_percent,
       r.score_percent < d.deficit_threshold,
       NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
  FROM answer a
  JOIN network_diagnostic d ON d.id = a.diagnostic_id
  JOIN competence c ON c.diagnostic_id = a.diagnostic_id
  LEFT JOIN earned e ON e.answer_id = a.id AND e.competence_id = c.competence_id
  CROSS JOIN LATERAL (
      SELECT ROUND((100 * GREATEST(COALESCE(e.score, 0), 0) / c.max_total)::numeric, 2)::float
             AS score_percent
  ) r
                """,
                ids=tuple(self.ids),
            )
        )
        cr.execute(
            SQL(
                "SELECT set_config('work_mem', %s, true), set_config('enable_nestloop', %s, true)",
                work_mem,
                nestloop,
            )
        )
        Result.invalidate_model()
        self.invalidate_recordset(["result_ids"])

    # ------------------------------------------------------------------ routes
    def action_generate_routes(self):
        """Propose a route to every teacher with deficits who has none from this campaign yet:
        one step per deficit competence, the nearest upcoming network event, else a published
        offer, else an open community that develops it."""
        Route = self.env["network.route"]
        routes = Route
        for diagnostic in self:
            if diagnostic.state != "closed":
                raise UserError(_("Routes follow the results: close “%s” first.", diagnostic.name))
            deficits = self.env["network.diagnostic.result"].search(
                [("diagnostic_id", "=", diagnostic.id), ("is_deficit", "=", True)],
                order="partner_id, score_percent, competence_id",
            )
            existing = set(
                Route.search([("diagnostic_id", "=", diagnostic.id)]).mapped("partner_id").ids
            )
            options = self.env["network.route.line"]._options_by_competence(
                deficits.competence_id, diagnostic.company_id
            )
            vals_list = []
            for partner, results in deficits.grouped("partner_id").items():
                if partner.id in existing:
                    continue
                lines = []
                for result in results:
                    choices = options.get(result.competence_id.id) or [None]
                    lines.append(
                        fields.Command.create(
                            {"competence_id": result.competence_id.id, **(choices[0] or {})}
                        )
                    )
                vals_list.append(
                    {
                        "partner_id": partner.id,
                        "diagnostic_id": diagnostic.id,
                        "school_year_id": diagnostic.school_year_id.id,
                        "company_id": diagnostic.company_id.id,
                        "line_ids": lines,
                    }
                )
            routes |= Route.create(vals_list)
        return routes

    def action_view_results(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Results"),
            "res_model": "network.diagnostic.result",
            "view_mode": "pivot,list",
            "domain": [("diagnostic_id", "=", self.id)],
            "context": {"search_default_deficit": 1},
        }

    def action_view_routes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Routes"),
            "res_model": "network.route",
            "view_mode": "list,form",
            "domain": [("diagnostic_id", "=", self.id)],
        }

    def action_view_uncovered(self):
        """The demand signal: deficit competences no published offer develops."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Deficits No Offer Develops"),
            "res_model": "network.competence",
            "view_mode": "list",
            "domain": [("id", "in", self._uncovered_competences().ids)],
        }

    def _uncovered_competences(self):
        """Deficit competences of the campaigns that no published offer develops."""
        deficits = (
            self.env["network.diagnostic.result"]
            .search([("diagnostic_id", "in", self.ids), ("is_deficit", "=", True)])
            .competence_id
        )
        covered = (
            self.env["network.offer"]
            .search([("state", "=", "published"), ("competence_ids", "in", deficits.ids)])
            .competence_ids
        )
        return deficits - covered

    def action_file_needs(self):
        """The demand signal feeds the rulebook's needs (2.3, 5.1): each organization gets a
        need for every deficit competence of its teachers that no published offer develops,
        unless such a need of it is still open."""
        needs = self._file_needs()
        if not needs:
            return notification(
                _(
                    "Nothing to file: every deficit is developed by a published offer or "
                    "already has an open need."
                ),
                "info",
            )
        return notification(plural(self.env, len(needs), _("need filed|needs filed")))

    def _file_needs(self):
        uncovered = self._uncovered_competences()
        if not uncovered:
            return self.env["network.need"]
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT r.diagnostic_id, p.parent_id, r.competence_id,
                       count(DISTINCT r.partner_id)
                  FROM network_diagnostic_result r
                  JOIN res_partner p ON p.id = r.partner_id
                 WHERE r.diagnostic_id = ANY(%s) AND r.is_deficit
                   AND r.competence_id = ANY(%s) AND p.parent_id IS NOT NULL
                 GROUP BY 1, 2, 3
                 ORDER BY 2, 3, 1 DESC
                """,
                self.ids,
                uncovered.ids,
            )
        )
        open_needs = self.env["network.need"].search(
            [("state", "=", "open"), ("competence_id", "in", uncovered.ids)]
        )
        filed = {(need.requester_id.id, need.competence_id.id) for need in open_needs}
        vals_list = []
        for diagnostic_id, organization_id, competence_id, count in rows:
            if (organization_id, competence_id) in filed:
                continue
            filed.add((organization_id, competence_id))
            diagnostic = self.browse(diagnostic_id)
            competence = uncovered.browse(competence_id)
            vals_list.append(
                {
                    "name": competence.name,
                    "requester_id": organization_id,
                    "competence_id": competence_id,
                    "diagnostic_id": diagnostic_id,
                    "audience": "teachers",
                    "company_id": diagnostic.company_id.id,
                    "description": plaintext2html(
                        _(
                            "Teachers with a deficit in this competence in the diagnostic "
                            "“%(diagnostic)s”: %(count)s. No published offer of the network "
                            "develops it yet.",
                            diagnostic=diagnostic.name,
                            count=count,
                        )
                    ),
                }
            )
        return self.env["network.need"].create(vals_list)

    # ------------------------------------------------------------------ demo
    @api.model
    def _demo_run(self, diagnostic_id):
        """Demo data: start the campaign, let most teachers answer (through survey's API), close
        it, propose the routes and let every other teacher agree theirs."""
        diagnostic = self.browse(diagnostic_id)
        diagnostic.action_start()
        questions = diagnostic.survey_id.question_ids.sorted("sequence")
        # the portal's demo teacher answers, with deficits, so that her route shows
        demo_teacher = self.env.ref("network_methodology.user_teacher").partner_id
        for index, answer in enumerate(diagnostic.answer_ids.sorted("id")):
            is_demo_teacher = answer.partner_id == demo_teacher
            if index % 5 == 4 and not is_demo_teacher:  # some teachers have not answered
                continue
            for number, question in enumerate(questions):
                choices = question.suggested_answer_ids.sorted("sequence")
                if is_demo_teacher:
                    choice = choices[0] if number % 2 else choices[-1]
                else:
                    choice = choices[(index * 7 + number * 3) % len(choices)]
                answer._save_lines(question, choice.id)
            answer._mark_done()
        diagnostic.action_close()
        routes = diagnostic.action_generate_routes()
        with_steps = routes.filtered(
            lambda route: any(line.step_kind != "none" for line in route.line_ids)
        )
        agreed = with_steps[::2] | with_steps.filtered(lambda r: r.partner_id == demo_teacher)
        agreed.action_agree()
        diagnostic._file_needs()
