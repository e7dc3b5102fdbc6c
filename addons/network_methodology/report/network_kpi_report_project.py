from odoo import api, models


class ReportNetworkKpiProject(models.AbstractModel):
    """Analytical report of a project or sub-project (printed on projects) for the school
    year given in ``data`` (the KPI dashboard passes it), else the current one."""

    _name = "report.network_methodology.report_network_kpi_project"
    _inherit = "report.network_methodology.report_network_kpi_year"
    _description = "Network Analytical Report (project)"

    @api.model
    def _get_scopes(self, docids, data):
        Year = self.env["network.school.year"].with_context(active_test=False)
        year = Year.browse(data.get("school_year_id")).exists() or Year._get_current()
        if not year:
            year = Year.search([], order="date_start desc", limit=1)
        return [(year, project) for project in self.env["network.project"].browse(docids)]
