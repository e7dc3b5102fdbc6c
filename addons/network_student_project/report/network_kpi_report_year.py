from odoo import _, api, models


class ReportNetworkKpiYear(models.AbstractModel):
    """The analytical report (PDF and XLSX) counts the projects for students, the students
    taking part and the winners; a table per school and project follows the KPI lines."""

    _inherit = "report.network_methodology.report_network_kpi_year"

    @api.model
    def _kpi_lines(self, kpi):
        lines = super()._kpi_lines(kpi)
        if kpi and not kpi.project_id:
            lines += [
                self._kpi_count_line(
                    "student_projects_done",
                    _("Projects for students finished"),
                    kpi.student_projects_done,
                ),
                self._kpi_count_line(
                    "student_participants", _("Students taking part"), kpi.student_participants
                ),
                self._kpi_count_line(
                    "student_winners", _("Student winners and prize-winners"), kpi.student_winners
                ),
            ]
        return lines

    @api.model
    def _report_tables(self, year, project):
        tables = super()._report_tables(year, project)
        if project:
            return dict(tables, student_projects=None)
        rows = self.env["network.student.project.report"].search_fetch(
            [("school_year_id", "=", year.id), ("state", "=", "done")],
            ["project_id", "organization_id", "participants", "winners"],
            order="project_id, organization_id",
        )
        tables["student_projects"] = [
            {
                "project": row.project_id.name,
                "school": row.organization_id.name,
                "participants": row.participants,
                "winners": row.winners,
            }
            for row in rows
        ]
        return tables

    @api.model
    def _report_sheets(self, doc):
        sheets = super()._report_sheets(doc)
        rows = doc.get("student_projects")
        if not rows:
            return sheets
        return [
            *sheets,
            (
                _("Projects for students"),
                [_("Project"), _("School"), _("Participants"), _("Winners")],
                [[r["project"], r["school"], r["participants"], r["winners"]] for r in rows],
            ),
        ]
