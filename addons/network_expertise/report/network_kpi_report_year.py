from odoo import _, api, models


class ReportNetworkKpiYear(models.AbstractModel):
    """The analytical report (PDF and XLSX) counts the published electronic collections."""

    _inherit = "report.network_methodology.report_network_kpi_year"

    @api.model
    def _kpi_lines(self, kpi):
        lines = super()._kpi_lines(kpi)
        if kpi:
            lines.append(
                self._kpi_count_line(
                    "collections_published",
                    _("Electronic collections published"),
                    kpi.collections_published,
                )
            )
        return lines
