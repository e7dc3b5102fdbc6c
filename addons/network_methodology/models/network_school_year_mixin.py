from odoo import api, fields, models


class NetworkSchoolYearMixin(models.AbstractModel):
    """Stores the school year of a dated record, computed from ``_school_year_date_field``."""

    _name = "network.school.year.mixin"
    _description = "School Year Mixin"
    _school_year_date_field = "date"

    school_year_id = fields.Many2one(
        "network.school.year",
        string="School Year",
        compute="_compute_school_year_id",
        store=True,
        index=True,
        ondelete="restrict",
    )

    @api.model
    def _inheriting_models(self):
        return [
            name
            for name, model in self.env.registry.items()
            if self._name in model._inherit and not model._abstract and name != self._name
        ]

    @api.depends(lambda self: [self._school_year_date_field])
    def _compute_school_year_id(self):
        date_field = self._school_year_date_field
        years = self.env["network.school.year"].with_context(active_test=False).search([])
        for record in self:
            day = record[date_field]
            day = fields.Date.to_date(day) if day else False
            record.school_year_id = next(
                (y for y in years if day and y.date_start <= day <= y.date_end), False
            )
