from odoo import http
from odoo.http import content_disposition, request

from ..models.network_portal_mixin import to_int

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class NetworkKpiReportController(http.Controller):
    @http.route(
        "/network/kpi/xlsx/<int:year_id>", type="http", auth="user", sitemap=False, readonly=True
    )
    def kpi_report_xlsx(self, year_id, project_id=None, **kwargs):
        """The tables of the analytical report (school year, optionally a project) as a
        spreadsheet; the same rights as reading the KPIs."""
        request.env["network.kpi.report"].check_access("read")
        year = request.env["network.school.year"].browse(year_id).exists()
        project = request.env["network.project"].browse(to_int(project_id)).exists()
        if not year or (project_id and not project):
            raise request.not_found()
        report = request.env["report.network_methodology.report_network_kpi_year"]
        content, filename = report._xlsx_report(year, project)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
