from odoo import api, fields, models


class NetworkSchoolYearMixin(models.AbstractModel):
    """Stores the school year of a dated record, computed from ``_school_year_date_field``."""

    _name = "network.school.year.mixin"
    _description = "School Year Mixin"
    _school_year_date_field = "date"

    school_year_id = fields.Many2one(
        "network.school.year",
        compute="_compute_school_year_id",
        store=True,
        index=True,
        ondelete="restrict",
    )

    @api.model
    def _inheriting_models(self):
        return [
            name
            for name in self.env.registry[self._name]._inherit_children
            if not self.env[name]._abstract
        ]

    def _school_year_day(self):
        """The day that decides the record's school year."""
        self.ensure_one()
        value = self[self._school_year_date_field]
        return fields.Date.to_date(value) if value else False

    @api.depends(lambda self: [self._school_year_date_field])
    def _compute_school_year_id(self):
        years = self.env["network.school.year"].with_context(active_test=False).search([])
        for record in self:
            day = record._school_year_day()
            record.school_year_id = next(
                (y for y in years if day and y.date_start <= day <= y.date_end), False
            )
