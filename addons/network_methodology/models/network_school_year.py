from datetime import date, timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class NetworkSchoolYear(models.Model):
    _name = "network.school.year"
    _description = "School Year"
    _order = "date_start desc"

    name = fields.Char(required=True, help="For example 2025/2026")
    date_start = fields.Date(required=True)
    date_end = fields.Date(required=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A school year with this name already exists."),
        ("dates_check", "CHECK(date_start <= date_end)", "A school year must end after it starts."),
    ]

    def init(self):
        # Overlapping years would make the year of a date ambiguous: a hard rule, so the
        # database enforces it (range types need no extension for an exclusion constraint).
        self.env.cr.execute(
            """
            SELECT 1 FROM pg_constraint WHERE conname = 'network_school_year_no_overlap'
            """
        )
        if not self.env.cr.fetchone():
            self.env.cr.execute(
                """
                ALTER TABLE network_school_year
                  ADD CONSTRAINT network_school_year_no_overlap
                  EXCLUDE USING gist (daterange(date_start, date_end, '[]') WITH &&)
                """
            )

    @api.model
    def _check_no_overlap(self, ranges):
        """Refuse date ranges that overlap another school year or each other.

        ``ranges`` is a list of ``(name, date_start, date_end, ids_to_ignore)``. Checked
        before the rows reach the database: its exclusion constraint would refuse them too,
        but only with a bare SQL error instead of a message the user can act on."""
        Year = self.with_context(active_test=False)
        checked = []
        for name, start, end, ignore_ids in ranges:
            if not (start and end):
                continue
            start, end = fields.Date.to_date(start), fields.Date.to_date(end)
            other = Year.search(
                [
                    ("id", "not in", list(ignore_ids)),
                    ("date_start", "<=", end),
                    ("date_end", ">=", start),
                ],
                limit=1,
            ).name or next(
                (
                    other_name
                    for other_name, other_start, other_end in checked
                    if other_start <= end and other_end >= start
                ),
                None,
            )
            if other:
                raise ValidationError(
                    _(
                        "School year %(year)s overlaps school year %(other)s.",
                        year=name,
                        other=other,
                    )
                )
            checked.append((name, start, end))

    @api.model
    def _get_for_date(self, day):
        """School year containing ``day`` (a date, datetime or string), or an empty recordset."""
        if not day:
            return self.browse()
        day = fields.Date.to_date(day)
        return self.with_context(active_test=False).search(
            [("date_start", "<=", day), ("date_end", ">=", day)], limit=1
        )

    @api.model
    def _get_current(self):
        return self._get_for_date(fields.Date.context_today(self))

    @api.model
    def default_get(self, fields_list):
        # A new year follows the latest one (or contains today when there is none yet).
        res = super().default_get(fields_list)
        latest = self.with_context(active_test=False).search([], order="date_end desc", limit=1)
        day = latest.date_end + timedelta(days=1) if latest else fields.Date.context_today(self)
        start, end = self._default_dates_for(day)
        defaults = {"name": f"{start.year}/{end.year}", "date_start": start, "date_end": end}
        for field, value in defaults.items():
            if field in fields_list:
                res.setdefault(field, value)
        return res

    @api.model
    def _default_dates_for(self, day):
        """1 September – 31 August bounds of the school year that contains ``day``."""
        start_year = day.year if day.month >= 9 else day.year - 1
        return date(start_year, 9, 1), date(start_year + 1, 8, 31)

    def action_close(self):
        if self.filtered(lambda y: y.state != "open"):
            raise UserError(_("Only an open school year can be closed."))
        self.state = "closed"

    def action_reopen(self):
        if self.filtered(lambda y: y.state != "closed"):
            raise UserError(_("Only a closed school year can be reopened."))
        self.state = "open"

    @api.model_create_multi
    def create(self, vals_list):
        self._check_no_overlap(
            [(v.get("name"), v.get("date_start"), v.get("date_end"), ()) for v in vals_list]
        )
        years = super().create(vals_list)
        years._recompute_dated_records()
        return years

    def write(self, vals):
        if {"date_start", "date_end"} & set(vals):
            self._check_no_overlap(
                [
                    (
                        vals.get("name", year.name),
                        vals.get("date_start", year.date_start),
                        vals.get("date_end", year.date_end),
                        self.ids,
                    )
                    for year in self
                ]
            )
        res = super().write(vals)
        if {"date_start", "date_end", "active"} & set(vals):
            self._recompute_dated_records()
        return res

    def _recompute_dated_records(self):
        """Re-assign the school year of dated records when years are added or moved."""
        mixin = self.env["network.school.year.mixin"]
        for model_name in mixin._inheriting_models():
            model = self.env[model_name].with_context(active_test=False)
            date_field = model._school_year_date_field
            domain = ["|"] * (len(self) - 1)
            for year in self:
                # a day's margin: datetimes are stored in UTC, the local day decides
                domain += [
                    "&",
                    (date_field, ">=", year.date_start - timedelta(days=1)),
                    (date_field, "<=", year.date_end + timedelta(days=1)),
                ]
            records = model.search(["|", ("school_year_id", "in", self.ids), *domain])
            self.env.add_to_compute(model._fields["school_year_id"], records)
