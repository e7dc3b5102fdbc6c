from odoo import _, api, fields, models


class EventEvent(models.Model):
    """Network events close route steps when tokens are issued and ask their participants for
    feedback through a short scored survey (the offer's own or the company's default)."""

    _inherit = "event.event"

    network_feedback_survey_id = fields.Many2one(
        "survey.survey",
        string="Event Feedback Survey",
        compute="_compute_network_feedback_survey_id",
        help="The offer's feedback survey, or else the company's default one.",
    )
    network_feedback_input_ids = fields.One2many(
        "survey.user_input",
        "network_event_id",
        string="Feedback Answers",
        groups="survey.group_survey_user",
    )
    feedback_score = fields.Float(
        string="Feedback Score (%)", compute="_compute_feedback", digits=(16, 1)
    )
    feedback_count = fields.Integer(string="Feedback Answers Count", compute="_compute_feedback")
    network_feedback_sent = fields.Boolean(copy=False, readonly=True)

    @api.depends("offer_id.feedback_survey_id", "company_id.network_feedback_survey_id")
    def _compute_network_feedback_survey_id(self):
        for event in self:
            event.network_feedback_survey_id = (
                event.offer_id.feedback_survey_id
                or (event.company_id or self.env.company).network_feedback_survey_id
            )

    def _compute_feedback(self):
        stats = self.env["survey.user_input"]._network_feedback_stats("network_event_id", self.ids)
        for event in self:
            event.feedback_score, event.feedback_count = stats.get(event.id, (0.0, 0))

    def _issue_tokens(self):
        tokens = super()._issue_tokens()
        self.env["network.route.line"]._done_by_tokens(tokens)
        if any(token.role == "listener" for token in tokens):
            # the feedback surveys go out from the cron, so issuing tokens keeps its query count
            self.env.ref("network_development.ir_cron_network_feedback")._trigger()
        return tokens

    @api.model
    def _cron_network_send_feedback(self):
        """Send the feedback surveys of the events whose tokens were issued."""
        events = self.search(
            [
                ("is_network_event", "=", True),
                ("tokens_issued", "=", True),
                ("network_feedback_sent", "=", False),
            ]
        )
        events._network_send_feedback()

    def _network_send_feedback(self):
        """Invite the listeners who earned a token to the event's feedback survey, once per
        event, through survey's own invitations."""
        template = self.env.ref("survey.mail_template_user_input_invite")
        tokens = self.env["network.activity.token"].search(
            [("event_id", "in", self.ids), ("role", "=", "listener"), ("state", "!=", "revoked")]
        )
        by_event = tokens.grouped("event_id")
        for event in self:
            survey = event.network_feedback_survey_id
            event_tokens = by_event.get(event)
            if not survey or not event_tokens:
                event.network_feedback_sent = True
                continue
            invite = (
                self.env["survey.invite"]
                .sudo()
                .with_context(network_event_id=event.id)
                .create(
                    {
                        "survey_id": survey.id,
                        "partner_ids": [fields.Command.set(event_tokens.partner_id.ids)],
                        "template_id": template.id,
                        "existing_mode": "new",
                    }
                )
            )
            invite.action_invite()
            event.network_feedback_sent = True

    def _network_check_feedback(self):
        """A low average feedback raises an activity for the event's responsible methodist."""
        activity_type = self.env.ref(
            "network_development.mail_activity_type_low_feedback", raise_if_not_found=False
        )
        if not activity_type:
            return
        self.invalidate_recordset(["feedback_score", "feedback_count"])
        for event in self.sudo():
            threshold = (event.company_id or self.env.company).network_feedback_threshold
            if not event.feedback_count or event.feedback_score >= threshold:
                continue
            if event.activity_ids.filtered(lambda a: a.activity_type_id == activity_type):
                continue
            event.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(event.user_id or self.env.ref("base.user_admin")).id,
                note=_(
                    "Participants rate “%(event)s” at %(score).1f %% (under %(threshold).0f %%).",
                    event=event.name,
                    score=event.feedback_score,
                    threshold=threshold,
                ),
            )

    @api.model
    def _demo_feedback(self):
        """Demo data: the listeners of the network events held so far answer their feedback
        surveys (through survey's API), most of them finding the event useful."""
        events = self.search([("is_network_event", "=", True), ("tokens_issued", "=", True)])
        events._network_send_feedback()
        answers = self.env["survey.user_input"].search(
            [("network_event_id", "in", events.ids)], order="id"
        )
        for index, answer in enumerate(answers):
            for question in answer.survey_id.question_ids:
                choices = question.suggested_answer_ids.sorted("sequence")
                answer._save_lines(question, choices[-1 - index % 3].id)
            answer._mark_done()
