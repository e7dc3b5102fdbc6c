from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

LINE_STATES = [("planned", "Planned"), ("done", "Done")]
STEP_KINDS = [
    ("event", "Network event"),
    ("offer", "Offer"),
    ("community", "Community"),
    ("mentoring", "Mentoring"),
    ("none", "To be chosen"),
]
# The fields naming what a step is, in the order of preference of a proposal.
STEP_FIELDS = ("event_id", "offer_id", "community_id", "mentoring_pair_id")


class NetworkRouteLine(models.Model):
    """A step of a route: what develops one deficit competence (a network event, an offer, an
    open community or a mentoring pair). Done when the teacher earns a token at its event (for
    an offer, at an event of that offer; for a community, at one of its meetings)."""

    _name = "network.route.line"
    _description = "Route Step"
    _order = "date_planned, sequence, id"
    _check_company_auto = True

    route_id = fields.Many2one("network.route", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(
        "res.partner", related="route_id.partner_id", store=True, index=True
    )
    company_id = fields.Many2one(related="route_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    competence_id = fields.Many2one("network.competence", required=True, ondelete="restrict")
    event_id = fields.Many2one("event.event", index="btree_not_null")
    offer_id = fields.Many2one("network.offer", index="btree_not_null")
    community_id = fields.Many2one("network.community", index="btree_not_null")
    mentoring_pair_id = fields.Many2one("network.mentoring.pair", string="Mentoring")
    step_kind = fields.Selection(STEP_KINDS, compute="_compute_step", store=True)
    name = fields.Char(string="Step", compute="_compute_step", store=True)
    date_planned = fields.Date()
    state = fields.Selection(LINE_STATES, default="planned", required=True, index=True)
    date_done = fields.Date(readonly=True)
    token_id = fields.Many2one("network.activity.token", readonly=True)

    @api.depends("event_id.name", "offer_id.name", "community_id.name", "mentoring_pair_id.name")
    def _compute_step(self):
        for line in self:
            kind, record = "none", None
            for field, step_kind in zip(
                STEP_FIELDS, ("event", "offer", "community", "mentoring"), strict=False
            ):
                if line[field]:
                    kind, record = step_kind, line[field]
                    break
            line.step_kind = kind
            line.name = record.display_name if record else False

    @api.constrains(*STEP_FIELDS)
    def _check_one_step(self):
        for line in self:
            if sum(bool(line[field]) for field in STEP_FIELDS) > 1:
                raise ValidationError(
                    _("A step is one thing: an event, an offer, a community or a mentoring pair.")
                )

    # ------------------------------------------------------------------ options
    @api.model
    def _options_by_competence(self, competences, company=None):
        """``{competence id: [step values]}``: the upcoming network events, published offers
        and open city communities developing each competence, nearest first (events by date,
        then offers, then communities). Three queries whatever the number of competences."""
        options = defaultdict(list)
        if not competences:
            return options
        company_domain = [("company_id", "in", [False, company.id])] if company else []
        events = self.env["event.event"].search(
            [
                ("is_network_event", "=", True),
                ("date_begin", ">=", fields.Datetime.now()),
                ("offer_id.competence_ids", "in", competences.ids),
                *company_domain,
            ],
            order="date_begin, id",
        )
        for event in events:
            for competence in event.offer_id.competence_ids & competences:
                options[competence.id].append(
                    {"event_id": event.id, "date_planned": event.date_begin.date()}
                )
        offers = self.env["network.offer"].search(
            [
                ("state", "=", "published"),
                ("competence_ids", "in", competences.ids),
                *company_domain,
            ],
            order="name, id",
        )
        for offer in offers:
            for competence in offer.competence_ids & competences:
                options[competence.id].append({"offer_id": offer.id})
        communities = self.env["network.community"].search(
            [
                ("is_open", "=", True),
                ("state", "=", "active"),
                ("organization_id", "=", False),
                ("competence_ids", "in", competences.ids),
                *company_domain,
            ],
            order="name, id",
        )
        for community in communities:
            for competence in community.competence_ids & competences:
                options[competence.id].append({"community_id": community.id})
        return options

    def _swap_options(self):
        """Other steps developing the same competence: ``[(key, label)]`` for the portal,
        ``key`` being ``"event_id:12"`` and the like."""
        self.ensure_one()
        choices = self._options_by_competence(self.competence_id, self.company_id)[
            self.competence_id.id
        ]
        result = []
        for vals in choices:
            field = next(f for f in STEP_FIELDS if f in vals)
            if self[field].id == vals[field]:
                continue
            record = self[field].browse(vals[field])
            label = record.display_name
            if vals.get("date_planned"):
                label = f"{label} ({vals['date_planned'].strftime('%d.%m.%Y')})"
            result.append((f"{field}:{vals[field]}", label, vals))
        return result

    def action_swap(self, key):
        """Replace the step by another one developing the same competence (``key`` from
        :meth:`_swap_options`)."""
        self.ensure_one()
        if self.state != "planned" or self.route_id.state == "done":
            raise UserError(_("A step already done cannot be swapped."))
        options = {option_key: vals for option_key, _label, vals in self._swap_options()}
        if key not in options:
            raise UserError(_("Choose a step that develops the same competence."))
        values = dict.fromkeys(STEP_FIELDS, False)
        values["date_planned"] = False
        values.update(options[key])
        self.write(values)
        self.route_id.message_post(
            body=_(
                "Step swapped for “%(step)s” (%(competence)s).",
                step=self.name,
                competence=self.competence_id.display_name,
            )
        )
        return True

    # ------------------------------------------------------------------ tokens
    @api.model
    def _done_by_tokens(self, tokens):
        """Steps of agreed or proposed routes done by ``tokens``: the teacher earned a token at
        the step's event, at an event of the step's offer or at a meeting of its community."""
        tokens = tokens.filtered(lambda t: t.state != "revoked")
        if not tokens:
            return self.browse()
        events = tokens.event_id
        community_ids = (
            events.mapped("community_id").ids if "community_id" in events._fields else []
        )
        lines = self.search(
            [
                ("state", "=", "planned"),
                ("partner_id", "in", tokens.partner_id.ids),
                ("route_id.state", "in", ("draft", "agreed")),
                "|",
                "|",
                ("event_id", "in", events.ids),
                ("offer_id", "in", events.offer_id.ids),
                ("community_id", "in", community_ids),
            ]
        )
        by_key = {}
        for token in tokens:
            event = token.event_id
            by_key.setdefault(("event_id", token.partner_id.id, event.id), token)
            if event.offer_id:
                by_key.setdefault(("offer_id", token.partner_id.id, event.offer_id.id), token)
            if "community_id" in event._fields and event.community_id:
                by_key.setdefault(
                    ("community_id", token.partner_id.id, event.community_id.id), token
                )
        done = self.browse()
        for line in lines:
            for field in ("event_id", "offer_id", "community_id"):
                token = line[field] and by_key.get((field, line.partner_id.id, line[field].id))
                if token:
                    line.write({"state": "done", "date_done": token.date, "token_id": token.id})
                    done |= line
                    break
        done.route_id._check_done()
        return done
