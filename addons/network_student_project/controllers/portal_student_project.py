from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal
from odoo.addons.network_methodology.models.network_portal_mixin import clean_text


class NetworkStudentProjectPortal(NetworkPortal):
    """Projects for students in the portal. A coordinator sees the projects past their draft,
    registers their own school's students while the registration is open, lists and withdraws
    them before judging and downloads their diplomas; the coordinator of an organizing school
    sees every participant of the project. A teacher sees the projects they judge and scores
    the participants on every criterion while the jury judges. The record rules decide which
    projects, participants and scores exist for each of them."""

    def _network_student_projects_domain(self, access):
        if access.role == "teacher":
            return [("jury_ids", "in", access.partner.ids)]
        return []

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Project = request.env["network.student.project"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_student_project_count": (
                        ("coordinator", "teacher"),
                        lambda a: Project.search_count(self._network_student_projects_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_student_project_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_start desc, id desc"},
            "name": {"label": _("Name"), "order": "name, id"},
            "state": {"label": _("Status"), "order": "state, date_start desc"},
        }

    def _get_network_student_project_searchbar_inputs(self):
        return self._network_search_inputs(("name", _("Name"), "name"))

    @http.route(
        ["/my/network/student-projects", "/my/network/student-projects/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_student_projects(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, **kw
    ):
        access = self._network_access()
        values = self._network_list(
            "network.student.project",
            self._network_student_projects_domain(access),
            "/my/network/student-projects",
            page,
            self._get_network_student_project_searchbar_sortings(),
            sortby,
            self._get_network_student_project_searchbar_inputs(),
            search_in,
            search,
            self._network_state_filters("network.student.project"),
            filterby,
        )
        values.update({"page_name": "network_student_projects", "role": access.role})
        return request.render("network_student_project.portal_my_network_student_projects", values)

    # ------------------------------------------------------------------ project page
    def _network_render_student_project(self, project, access, form=None, errors=None):
        # participants and scores read as the portal user: the record rules decide
        Participant = request.env["network.student.participant"]
        organization = access.organization
        is_organizer = access.role == "coordinator" and project._is_organizer(organization)
        is_jury = access.role == "teacher" and access.partner in project.jury_ids
        domain = [("project_id", "=", project.id)]
        if access.role == "coordinator" and not is_organizer:
            domain.append(("organization_id", "=", organization.id))
        elif access.role == "teacher" and not is_jury:
            domain.append(("supervisor_id", "=", access.partner.id))
        participants = Participant.search(domain, order="place, organization_id, student_name, id")
        own_scores = {}
        if is_jury:
            own_scores = {
                (score.participant_id.id, score.criterion_id.id): score.score
                for score in request.env["network.student.score"].search(
                    [("project_id", "=", project.id), ("jury_id", "=", access.partner.id)]
                )
            }
        state = project.state
        can_register = access.role == "coordinator" and state == "open"
        values = self._network_page_values(
            project,
            None,
            {
                "page_name": "network_student_project",
                "project": project,
                "role": access.role,
                "organization": organization,
                "participants": participants.sudo(),
                "is_organizer": is_organizer,
                "is_jury": is_jury,
                "can_register": can_register,
                "can_withdraw": access.role == "coordinator" and state in ("draft", "open"),
                "can_score": is_jury and state == "judging",
                "places_left": project._school_places_left(organization) if can_register else None,
                "teachers": request.env["res.partner"]
                .sudo()
                .search(
                    [("parent_id", "=", organization.id), ("is_teacher", "=", True)], order="name"
                )
                if can_register
                else request.env["res.partner"],
                "own_scores": own_scores,
                "student_form": form or {},
                "errors": errors or {},
            },
        )
        return request.render("network_student_project.portal_my_network_student_project", values)

    @http.route(
        "/my/network/student-projects/<int:project_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_student_project(self, project_id, **kw):
        access = self._network_access()
        project = self._network_record("network.student.project", project_id)
        return self._network_render_student_project(project, access)

    # ------------------------------------------------------------------ coordinator
    @http.route(
        "/my/network/student-projects/<int:project_id>/register",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_student_project_register(self, project_id, **post):
        access = self._network_access("coordinator")
        project = self._network_record("network.student.project", project_id)
        if project.state != "open":
            return self._network_redirect(
                project.access_url, error=_("The registration for this project is closed.")
            )
        values, errors = request.env["network.student.participant"]._portal_prepare_values(
            post, access.organization, project
        )
        if errors:
            return self._network_render_student_project(project, access, form=post, errors=errors)
        return self._network_run(
            project,
            project._register_student,
            access.organization,
            values,
            success=_("%s is registered.", values["student_name"]),
        )

    @http.route(
        "/my/network/student-projects/<int:project_id>/participants/<int:participant_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_student_project_withdraw(self, project_id, participant_id, **post):
        access = self._network_access("coordinator")
        project = self._network_record("network.student.project", project_id)
        participant = project.participant_ids.filtered(lambda p: p.id == participant_id)
        if not participant:
            raise NotFound()
        if participant.organization_id != access.organization:
            raise Forbidden()
        return self._network_run(
            participant,
            participant.action_withdraw,
            success=_("The student is withdrawn; their data is deleted."),
            url=project.access_url,
        )

    @http.route(
        "/my/network/student-projects/<int:project_id>/diplomas",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_student_project_diplomas(self, project_id, **kw):
        access = self._network_access("coordinator")
        project = self._network_record("network.student.project", project_id)
        if project.state != "done":
            raise NotFound()
        own = project.participant_ids.filtered(lambda p: p.organization_id == access.organization)
        if not own:
            raise NotFound()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("network_student_project.action_report_student_diploma", own.ids)
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'attachment; filename="diplomas-{project.id}.pdf"'),
            ],
        )

    # ------------------------------------------------------------------ jury
    @http.route(
        "/my/network/student-projects/<int:project_id>/scores",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_student_project_scores(self, project_id, **post):
        access = self._network_access("teacher")
        project = self._network_record("network.student.project", project_id)
        if access.partner not in project.jury_ids:
            raise Forbidden()
        if project.state != "judging":
            return self._network_redirect(
                project.access_url, error=_("The jury of this project is not judging now.")
            )
        scores, errors = {}, {}
        for participant in project.participant_ids:
            for criterion in project.criteria:
                key = f"score_{participant.id}_{criterion.id}"
                text = clean_text(post.get(key)).replace(",", ".")
                if not text:
                    continue
                try:
                    value = float(text)
                except ValueError:
                    value = -1.0
                if not 0 <= value <= criterion.max_score:
                    errors[key] = _("From 0 to %s.", criterion.max_score)
                    continue
                scores[(participant.id, criterion.id)] = value
        if errors:
            return self._network_render_student_project(project, access, form=post, errors=errors)
        return self._network_run(
            project,
            project._set_jury_scores,
            access.partner,
            scores,
            success=_("Your scores are saved."),
        )
