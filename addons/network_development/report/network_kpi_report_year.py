from odoo import _, api, models


class ReportNetworkKpiYear(models.AbstractModel):
    """The analytical report (PDF and XLSX) shows the diagnostics: teachers diagnosed, with
    deficits, whose deficits closed at the next diagnostic, routes completed."""

    _inherit = "report.network_methodology.report_network_kpi_year"

    @api.model
    def _kpi_lines(self, kpi):
        lines = super()._kpi_lines(kpi)
        if not kpi:
            return lines
        closed = self._kpi_count_line(
            "deficits_closed",
            _("Teachers whose deficits closed at the next diagnostic (of those re-diagnosed)"),
            round(100.0 * kpi.teachers_deficits_closed / kpi.teachers_rediagnosed, 2)
            if kpi.teachers_rediagnosed
            else 0.0,
        )
        closed.update(percent=True, counts=(kpi.teachers_deficits_closed, kpi.teachers_rediagnosed))
        closed.update(self._kpi_line_texts(closed))
        lines += [
            self._kpi_count_line(
                "teachers_diagnosed", _("Teachers diagnosed"), kpi.teachers_diagnosed
            ),
            self._kpi_count_line(
                "teachers_with_deficits",
                _("Diagnosed teachers with professional deficits"),
                kpi.teachers_with_deficits,
            ),
            closed,
            self._kpi_count_line(
                "routes_done", _("Individual educational routes completed"), kpi.routes_done
            ),
        ]
        return lines
