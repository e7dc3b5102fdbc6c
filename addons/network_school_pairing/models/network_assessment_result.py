from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

RESULT_LEVELS = [
    ("high", "High"),
    ("middle", "Middle"),
    ("low", "Low"),
]


class NetworkAssessmentResult(models.Model):
    """The result of one school in an assessment procedure: the number of participants and the
    score (the average or the success rate, in %). Results come in through Odoo's import with
    the template of the add-on; a bad row stops the whole file."""

    _name = "network.assessment.result"
    _description = "Assessment Result of a School"
    _order = "assessment_id desc, score desc, id"
    _rec_name = "organization_id"
    _check_company_auto = True

    assessment_id = fields.Many2one(
        "network.assessment",
        required=True,
        index=True,
        ondelete="cascade",
    )
    organization_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_network_member", "=", True), ("is_company", "=", True)],
    )
    participants = fields.Integer()
    score = fields.Float(required=True, digits=(16, 2), aggregator="avg")
    level = fields.Selection(RESULT_LEVELS, readonly=True, copy=False, index=True)
    is_low_repeat = fields.Boolean(
        string="Low Twice in a Row",
        readonly=True,
        copy=False,
        help="Low in this procedure and in the same procedure of the previous school year.",
    )
    procedure = fields.Selection(related="assessment_id.procedure", store=True)
    subject_id = fields.Many2one(related="assessment_id.subject_id", store=True)
    grade = fields.Integer(related="assessment_id.grade", store=True)
    school_year_id = fields.Many2one(related="assessment_id.school_year_id", store=True, index=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True)

    _sql_constraints = [
        (
            "one_result_per_school",
            "UNIQUE(assessment_id, organization_id)",
            "A school has one result per assessment.",
        ),
        ("participants_check", "CHECK(participants >= 0)", "Participants cannot be negative."),
        ("score_check", "CHECK(score >= 0)", "A score cannot be negative."),
    ]

    @api.constrains("organization_id")
    def _check_organization(self):
        for result in self:
            if not result.organization_id._is_network_organization():
                raise ValidationError(
                    _(
                        "%s is not an organization of the network: results are of network "
                        "schools.",
                        result.organization_id.display_name,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Assessment Results (Excel)"),
                "template": "/network_school_pairing/static/xls/network_assessment_result.xlsx",
            },
            {
                "label": _("Import Template for Assessment Results (CSV)"),
                "template": "/network_school_pairing/static/csv/network_assessment_result.csv",
            },
        ]

    # ------------------------------------------------------------------ classification
    # A new or changed result makes the classification of its assessment out of date.
    @api.model_create_multi
    def create(self, vals_list):
        results = super().create(vals_list)
        results._unclassify_assessments()
        return results

    def write(self, vals):
        if not {"score", "organization_id", "assessment_id"} & set(vals):
            return super().write(vals)
        before = self.assessment_id
        result = super().write(vals)
        (before | self.assessment_id).filtered(lambda a: a.state == "classified")._unclassify()
        return result

    def unlink(self):
        assessments = self.assessment_id
        result = super().unlink()
        assessments.exists().filtered(lambda a: a.state == "classified")._unclassify()
        return result

    @api.model
    def _write_levels(self, ids, levels, repeats):
        """Sets the levels and flags of the results ``ids`` in one UPDATE, whatever their
        number (the ORM would write them in chunks of a hundred)."""
        self.check_access("write")
        if not ids:
            return
        self.env.flush_all()
        self.env.execute_query(
            SQL(
                """UPDATE network_assessment_result r
                      SET level = v.level, is_low_repeat = v.repeat,
                          write_uid = %s, write_date = %s
                     FROM unnest(%s::int[], %s::varchar[], %s::bool[]) AS v(id, level, repeat)
                    WHERE r.id = v.id""",
                self.env.uid,
                self.env.cr.now(),
                list(ids),
                list(levels),
                list(repeats),
            )
        )
        self.invalidate_model(["level", "is_low_repeat", "write_uid", "write_date"])
        self.env["network.school.pair"].invalidate_model(["weak_low_repeat"])

    def _unclassify_assessments(self):
        self.assessment_id.filtered(lambda a: a.state == "classified")._unclassify()
