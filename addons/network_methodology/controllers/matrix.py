import csv
import io

import xlsxwriter

from odoo import _, http
from odoo.http import content_disposition, request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.ir_http import NetworkAccessDenied
from ..models.network_offer import EVENT_FORMS
from ..models.network_portal_mixin import to_int
from .kpi_report import XLSX_MIMETYPE
from .portal import selection_options

# Executors (columns) per page of the matrix: a district's matrix fits one page; a region's
# (about 2,000 × 2,000 organizations) is read a page of columns at a time, with the
# applicants that requested one of them, and downloaded whole (CSV, XLSX).
MATRIX_PAGE_SIZE = 25


class NetworkMatrix(http.Controller):
    """The rulebook's matrix of network interaction (3.3): a digital summary table published
    to every organization, with its CSV and XLSX downloads."""

    def _network_matrix_check_access(self):
        """The network's coordinators and teachers and the centre's staff; everyone when the
        centre publishes it (the default). Returns the viewer's role and organization, or a
        redirection to the login page for a visitor."""
        user = request.env.user
        role, organization = user._network_portal_role()
        if not (
            role
            or user._is_internal()
            or request.env["ir.config_parameter"]
            .sudo()
            .get_param("network_methodology.matrix_public")
        ):
            if user._is_public():
                return None, None, request.redirect("/web/login?redirect=/network/matrix")
            raise NetworkAccessDenied("not_member")
        return role, organization, None

    def _network_matrix_filters(self, year_id=None, project_id=None, event_form=None):
        """The school year (the current one by default), sub-project and form asked for."""
        SchoolYear = request.env["network.school.year"].sudo()
        years = SchoolYear.search([])
        year = years.filtered(lambda y: y.id == to_int(year_id)) or SchoolYear._get_current()
        projects = request.env["network.project"].sudo().search([])
        return {
            "years": years,
            "year": year or years[:1],
            "projects": projects,
            "project": projects.filtered(lambda p: p.id == to_int(project_id)),
            "event_forms": selection_options("network.request", "event_form"),
            "event_form": event_form if event_form in dict(EVENT_FORMS) else False,
        }

    def _network_matrix(self, filters, page=None):
        """The whole matrix, its cells limited to the executors of ``page`` when given (the
        last page when it goes beyond)."""
        Request = request.env["network.request"]
        args = (filters["year"], filters["project"] or None, filters["event_form"] or None)
        if page is None:
            return Request._get_matrix(*args)
        offset = (max(to_int(page), 1) - 1) * MATRIX_PAGE_SIZE
        matrix = Request._get_matrix(*args, slice(offset, offset + MATRIX_PAGE_SIZE))
        count = len(matrix["executors"])
        if offset and offset >= count:
            last = (count - 1) // MATRIX_PAGE_SIZE * MATRIX_PAGE_SIZE if count else 0
            matrix = Request._get_matrix(*args, slice(last, last + MATRIX_PAGE_SIZE))
        return matrix

    def _network_matrix_page(self, matrix, page, url_args):
        """The page ``page`` of the matrix: ``MATRIX_PAGE_SIZE`` executors (columns), the
        applicants (rows) that requested one of them, and per executor its applicants and
        cells (the phone's cards); the totals stay those of the whole matrix. Returns the
        matrix of the page and its pager."""
        executors = matrix["executors"]
        pager = portal_pager(
            url="/network/matrix",
            url_args=url_args,
            total=len(executors),
            page=to_int(page) or 1,
            step=MATRIX_PAGE_SIZE,
        )
        shown = executors[pager["offset"] : pager["offset"] + MATRIX_PAGE_SIZE]
        shown_ids = set(shown.ids)
        requested = {}
        for (applicant_id, executor_id), cell in matrix["cells"].items():
            if executor_id in shown_ids:
                requested.setdefault(executor_id, {})[applicant_id] = cell
        applicant_ids = {a for cells in requested.values() for a in cells}
        applicants = matrix["applicants"].filtered(lambda a: a.id in applicant_ids)
        executor_cells = {
            executor.id: [
                (applicant, requested[executor.id][applicant.id])
                for applicant in applicants
                if applicant.id in requested.get(executor.id, {})
            ]
            for executor in shown
        }
        return (
            dict(matrix, executors=shown, applicants=applicants, executor_cells=executor_cells),
            pager,
        )

    @http.route(
        ["/network/matrix", "/network/matrix/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_matrix(self, year_id=None, project_id=None, event_form=None, page=1, **kw):
        role, organization, redirect = self._network_matrix_check_access()
        if redirect:
            return redirect
        filters = self._network_matrix_filters(year_id, project_id, event_form)
        whole = self._network_matrix(filters, page)
        matrix, pager = self._network_matrix_page(whole, page, self._network_matrix_args(filters))
        values = dict(
            filters,
            page_name="network_matrix",
            matrix=matrix,
            matrix_whole=whole,
            pager=pager,
            own_organization=organization if role else organization.browse(),
            network_role=role,
            export_query=self._network_matrix_query(filters),
        )
        return request.render("network_methodology.portal_network_matrix", values)

    @classmethod
    def _network_matrix_args(cls, filters):
        """The filters as URL arguments (download links, pages)."""
        query = {"year_id": filters["year"].id}
        if filters["project"]:
            query["project_id"] = filters["project"].id
        if filters["event_form"]:
            query["event_form"] = filters["event_form"]
        return {key: value for key, value in query.items() if value}

    @classmethod
    def _network_matrix_query(cls, filters):
        """The query string of the filters, for the download links."""
        return "&".join(
            f"{key}={value}" for key, value in cls._network_matrix_args(filters).items()
        )

    @http.route(
        "/network/matrix/export/<string:file_format>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
        sitemap=False,
    )
    def network_matrix_export(
        self, file_format, year_id=None, project_id=None, event_form=None, **kw
    ):
        if file_format not in ("csv", "xlsx"):
            raise request.not_found()
        redirect = self._network_matrix_check_access()[2]
        if redirect:
            return redirect
        filters = self._network_matrix_filters(year_id, project_id, event_form)
        Request = request.env["network.request"]
        header, rows = Request._get_matrix_table(self._network_matrix(filters))
        filename = _("Matrix %s", filters["year"].name or "").replace("/", "-")
        if file_format == "csv":
            output = io.StringIO()
            writer = csv.writer(output)
            writer.writerow(header)
            writer.writerows(rows)
            # with a byte order mark, spreadsheets open the Cyrillic text as UTF-8
            content = "\ufeff" + output.getvalue()
            mimetype = "text/csv; charset=utf-8"
        else:
            output = io.BytesIO()
            workbook = xlsxwriter.Workbook(output, {"in_memory": True})
            sheet = workbook.add_worksheet(_("Matrix")[:31])
            sheet.write_row(0, 0, header, workbook.add_format({"bold": True}))
            for index, row in enumerate(rows, start=1):
                sheet.write_row(index, 0, row)
            sheet.set_column(0, 2, 45)
            sheet.set_column(3, 4, 14)
            sheet.freeze_panes(1, 0)
            workbook.close()
            content = output.getvalue()
            mimetype = XLSX_MIMETYPE
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Content-Disposition", content_disposition(f"{filename}.{file_format}")),
            ],
        )
