from bisect import bisect_left, bisect_right

from odoo import _, api, fields, models
from odoo.exceptions import UserError

PROCEDURES = [
    ("vpr", "VPR (all-Russian test)"),
    ("oge", "OGE (basic state exam)"),
    ("ege", "EGE (unified state exam)"),
    ("regional", "Regional assessment"),
    ("other", "Other procedure"),
]
ASSESSMENT_STATES = [
    ("draft", "Results entry"),
    ("classified", "Classified"),
]
# Default share of results (%) counted as high and as low.
DEFAULT_THRESHOLD = 20.0


def classify_scores(scores, high_threshold, low_threshold):
    """Levels of ``scores`` (a list of numbers, in any order), in that order.

    A result is high when fewer than ``high_threshold`` % of all results are strictly better,
    low when fewer than ``low_threshold`` % are strictly worse: equal scores always get the same
    level, so ties at a boundary go into the group together. A result that would be both (all
    scores equal, or too few results) is middle."""
    ordered = sorted(scores)
    count = len(ordered)
    levels = []
    for score in scores:
        better = count - bisect_right(ordered, score)
        worse = bisect_left(ordered, score)
        high = better * 100.0 < high_threshold * count
        low = worse * 100.0 < low_threshold * count
        levels.append("high" if high and not low else "low" if low and not high else "middle")
    return levels


class NetworkAssessment(models.Model):
    """An assessment procedure (ВПР, ОГЭ, ЕГЭ, regional …) in a subject, grade and school year,
    with the results of the schools. Classifying marks each result high, middle or low by
    percentiles; the methodist then gets proposed pairs of a high- and a low-result school."""

    _name = "network.assessment"
    _description = "Assessment Procedure"
    _inherit = ["mail.thread"]
    _order = "school_year_id desc, procedure, grade, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False, tracking=True)
    procedure = fields.Selection(PROCEDURES, required=True, default="vpr", tracking=True)
    subject_id = fields.Many2one("network.subject", index=True, tracking=True)
    grade = fields.Integer(tracking=True, help="The grade (class) assessed, 1 to 11.")
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    result_ids = fields.One2many("network.assessment.result", "assessment_id", string="Results")
    high_threshold = fields.Float(
        string="High Results (%)",
        default=DEFAULT_THRESHOLD,
        required=True,
        tracking=True,
        help="The best results, as a share of all results, counted as high.",
    )
    low_threshold = fields.Float(
        string="Low Results (%)",
        default=DEFAULT_THRESHOLD,
        required=True,
        tracking=True,
        help="The worst results, as a share of all results, counted as low.",
    )
    pair_ids = fields.One2many("network.school.pair", "assessment_id", string="Pairs")
    state = fields.Selection(
        ASSESSMENT_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    description = fields.Text()
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    result_count = fields.Integer(string="Number of Results", compute="_compute_counts")
    high_count = fields.Integer(string="High Results", compute="_compute_counts")
    low_count = fields.Integer(string="Low Results", compute="_compute_counts")
    pair_count = fields.Integer(string="Number of Pairs", compute="_compute_counts")

    _sql_constraints = [
        (
            "thresholds_check",
            "CHECK(high_threshold > 0 AND low_threshold > 0 "
            "AND high_threshold + low_threshold <= 100)",
            "The shares of high and low results are above 0 % and add up to at most 100 %.",
        ),
        ("grade_check", "CHECK(grade >= 0 AND grade <= 11)", "A grade is from 1 to 11."),
    ]

    @api.depends("procedure", "subject_id.name", "grade", "school_year_id.name")
    def _compute_name(self):
        labels = dict(self._fields["procedure"]._description_selection(self.env))
        for assessment in self:
            parts = [labels.get(assessment.procedure, "")]
            if assessment.subject_id:
                parts.append(assessment.subject_id.name)
            if assessment.grade:
                parts.append(_("grade %s", assessment.grade))
            if assessment.school_year_id:
                parts.append(assessment.school_year_id.name)
            assessment.name = ", ".join(part for part in parts if part)

    def _compute_counts(self):
        Result = self.env["network.assessment.result"]
        levels = Result._read_group(
            [("assessment_id", "in", self.ids)], ["assessment_id", "level"], ["__count"]
        )
        by_level = {(assessment.id, level): count for assessment, level, count in levels}
        pairs = dict(
            self.env["network.school.pair"]._read_group(
                [("assessment_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["assessment_id"],
                ["__count"],
            )
        )
        for assessment in self:
            key = assessment.id
            assessment.result_count = sum(
                count for (aid, _level), count in by_level.items() if aid == key
            )
            assessment.high_count = by_level.get((key, "high"), 0)
            assessment.low_count = by_level.get((key, "low"), 0)
            assessment.pair_count = pairs.get(assessment, 0)

    # ------------------------------------------------------------------ school years
    def _school_years_around(self, step):
        """{school year id: the school year ``step`` (+1 next, -1 previous) away} for the
        school years of ``self``, in one query."""
        years = self.env["network.school.year"].search_fetch([], ["date_start"], order="date_start")
        ids = years.ids
        result = {}
        for index, year_id in enumerate(ids):
            other = index + step
            if 0 <= other < len(ids):
                result[year_id] = ids[other]
        return result

    def _key(self):
        self.ensure_one()
        return (self.procedure, self.subject_id.id, self.grade)

    # ------------------------------------------------------------------ workflow
    def action_classify(self):
        """Marks every result high, middle or low by the assessment's percentile thresholds
        (see :func:`classify_scores`) and flags schools low in this procedure and in the same
        procedure of the previous school year. The number of queries does not depend on the
        number of results."""
        Result = self.env["network.assessment.result"]
        results = Result.search_fetch(
            [("assessment_id", "in", self.ids)], ["assessment_id", "organization_id", "score"]
        )
        by_assessment = results.grouped("assessment_id")
        for assessment in self:
            if len(by_assessment.get(assessment, ())) < 2:
                raise UserError(
                    _(
                        "“%s”: classifying needs the results of at least two schools.",
                        assessment.name,
                    )
                )
        # the same procedure (subject, grade) of the previous school year: its low results
        previous_year = self._school_years_around(-1)
        wanted = {
            (*assessment._key(), previous_year.get(assessment.school_year_id.id))
            for assessment in self
        }
        previous = self.search_fetch(
            [
                ("school_year_id", "in", [key[3] for key in wanted if key[3]]),
                ("procedure", "in", [key[0] for key in wanted]),
            ],
            ["procedure", "subject_id", "grade", "school_year_id"],
        ).filtered(lambda a: (*a._key(), a.school_year_id.id) in wanted)
        low_before = set()
        for result in Result.search_fetch(
            [("assessment_id", "in", previous.ids), ("level", "=", "low")],
            ["assessment_id", "organization_id"],
        ):
            assessment = result.assessment_id
            low_before.add(
                ((*assessment._key(), assessment.school_year_id.id), result.organization_id.id)
            )
        ids, levels_out, repeats = [], [], []
        for assessment in self:
            own = by_assessment[assessment]
            levels = classify_scores(
                own.mapped("score"), assessment.high_threshold, assessment.low_threshold
            )
            before = (*assessment._key(), previous_year.get(assessment.school_year_id.id))
            for result, level in zip(own, levels, strict=True):
                repeat = level == "low" and (before, result.organization_id.id) in low_before
                ids.append(result.id)
                levels_out.append(level)
                repeats.append(repeat)
        Result._write_levels(ids, levels_out, repeats)
        self.write({"state": "classified"})
        self._refresh_next_year_flags()
        return True

    def action_reset(self):
        """Classified → results entry (the levels are dropped); pairs stay."""
        self.filtered(lambda a: a.state == "classified")._unclassify()
        return True

    def _unclassify(self):
        results = self.env["network.assessment.result"].search([("assessment_id", "in", self.ids)])
        results._write_levels(results.ids, [None] * len(results), [False] * len(results))
        self.write({"state": "draft"})
        self._refresh_next_year_flags()

    def _refresh_next_year_flags(self):
        """The «low twice in a row» flags of the same procedures of the next school year, when
        they were classified before these: set from the levels these have now (cleared when
        these lost their classification). A constant number of queries."""
        next_year = self._school_years_around(1)
        before = {(*a._key(), next_year.get(a.school_year_id.id)): a for a in self}
        nexts = self.search_fetch(
            [
                ("school_year_id", "in", [key[3] for key in before if key[3]]),
                ("procedure", "in", [key[0] for key in before]),
                ("state", "=", "classified"),
            ],
            ["procedure", "subject_id", "grade", "school_year_id"],
        ).filtered(lambda a: (*a._key(), a.school_year_id.id) in before)
        if not nexts:
            return
        Result = self.env["network.assessment.result"]
        lows = Result.search_fetch(
            [("assessment_id", "in", (self | nexts).ids), ("level", "=", "low")],
            ["assessment_id", "organization_id"],
        )
        low_in = {(r.assessment_id.id, r.organization_id.id) for r in lows}
        ids, flags = [], []
        for result in lows.filtered(lambda r: r.assessment_id in nexts):
            assessment = result.assessment_id
            previous = before[(*assessment._key(), assessment.school_year_id.id)]
            ids.append(result.id)
            flags.append((previous.id, result.organization_id.id) in low_in)
        Result._write_levels(ids, ["low"] * len(ids), flags)

    def action_propose_pairs(self):
        """Button: proposes the pairs (see :meth:`_propose_pairs`) and shows them."""
        pairs = self._propose_pairs()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_school_pairing.network_school_pair_action"
        )
        action["domain"] = [("id", "in", pairs.ids)]
        action["context"] = {}
        action["name"] = _("Proposed Pairs")
        return action

    def _propose_pairs(self):
        """Proposes pairs of a high- and a low-result school of each classified assessment.
        The weakest school is served first and gets the strongest school of the same kind of
        organization, then of the same cluster (when clusters exist), then any strong school.
        Schools already in a pair of the assessment (not cancelled) are left out: no school is
        in two pairs of the same assessment. The number of queries does not depend on the
        number of schools."""
        for assessment in self:
            if assessment.state != "classified":
                raise UserError(
                    _("Classify the results of “%s” before proposing pairs.", assessment.name)
                )
        Result = self.env["network.assessment.result"]
        Pair = self.env["network.school.pair"]
        results = Result.search_fetch(
            [("assessment_id", "in", self.ids), ("level", "in", ("high", "low"))],
            ["assessment_id", "organization_id", "score", "level"],
        )
        busy = {
            (pair.assessment_id.id, org)
            for pair in Pair.search_fetch(
                [("assessment_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["assessment_id", "strong_id", "weak_id"],
            )
            for org in (pair.strong_id.id, pair.weak_id.id)
        }
        Partner = self.env["res.partner"]
        has_cluster = "network_parent_id" in Partner._fields
        org_fields = ["network_org_kind"] + (["network_parent_id"] if has_cluster else [])
        orgs = {
            org["id"]: (org["network_org_kind"], has_cluster and org["network_parent_id"])
            for org in results.organization_id.read(org_fields, load=None)
        }
        vals_list = []
        for assessment, own in results.grouped("assessment_id").items():
            # plain tuples (score, id, organization, kind, cluster): no ORM in the loop
            free = [
                (r.score, r.id, r.organization_id.id, *orgs[r.organization_id.id], r.level)
                for r in own
                if (assessment.id, r.organization_id.id) not in busy
            ]
            strong = sorted((f for f in free if f[5] == "high"), key=lambda f: (-f[0], f[1]))
            weak = sorted((f for f in free if f[5] == "low"), key=lambda f: (f[0], f[1]))
            for _score, _id, org, kind, cluster, _level in weak:
                if not strong:
                    break

                def distance(high, kind=kind, cluster=cluster):
                    return (high[3] != kind, has_cluster and not (cluster and high[4] == cluster))

                best = min(strong, key=distance)  # min keeps the first: the strongest
                strong.remove(best)
                vals_list.append(
                    {
                        "assessment_id": assessment.id,
                        "strong_id": best[2],
                        "weak_id": org,
                        "company_id": assessment.company_id.id,
                    }
                )
        if not vals_list:
            raise UserError(_("No high- and low-result schools are left to pair."))
        return Pair._create_proposed(vals_list)

    def action_view_pairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_school_pairing.network_school_pair_action"
        )
        action["domain"] = [("assessment_id", "=", self.id)]
        action["context"] = {"default_assessment_id": self.id}
        return action

    def action_view_results(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_school_pairing.network_assessment_result_action"
        )
        action["domain"] = [("assessment_id", "=", self.id)]
        action["context"] = {"default_assessment_id": self.id}
        return action
