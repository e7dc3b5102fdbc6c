from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request


class NetworkStudentResults(http.Controller):
    """Public results of the finished projects for students: places with the schools' names;
    the students' names only where the project publishes them (a setting). Grades, teams,
    supervisors and scores of individual jury members are never published."""

    @http.route(
        "/network/student-projects", type="http", auth="public", website=True, readonly=True
    )
    def network_student_projects_results(self, **kw):
        projects = (
            request.env["network.student.project"]
            .sudo()
            .search([("state", "=", "done")], order="date_end desc, id desc", limit=100)
        )
        return request.render(
            "network_student_project.network_student_results_index", {"projects": projects}
        )

    @http.route(
        "/network/student-projects/<int:project_id>/results",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_student_project_results(self, project_id, **kw):
        project = request.env["network.student.project"].sudo().browse(project_id).exists()
        if not project or project.state != "done":
            raise NotFound()
        rows = [
            {
                "place": participant.place,
                "school": participant.organization_id.name,
                "name": participant.student_name if project.names_public else False,
                "is_winner": participant.is_winner,
            }
            for participant in project.participant_ids.sorted(
                lambda p: (p.place, p.organization_id.name or "", p.id)
            )
        ]
        return request.render(
            "network_student_project.network_student_results",
            {"project": project, "rows": rows},
        )
