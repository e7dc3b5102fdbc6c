from odoo import api, models


class ReportStudentDiploma(models.AbstractModel):
    """Diplomas of a batch of participants: the supervisors of every participant are read
    once for the whole batch."""

    _name = "report.network_student_project.report_student_diploma"
    _description = "Diplomas of Participants"

    @api.model
    def _get_report_values(self, docids, data=None):
        participants = (
            self.env["network.student.participant"]
            .browse(docids)
            .sorted(lambda p: (p.project_id.id, p.place or 10**6, p.student_name, p.id))
        )
        return {
            "doc_ids": participants.ids,
            "doc_model": "network.student.participant",
            "docs": participants,
            "supervisors_by_participant": participants._diploma_supervisors(),
        }
