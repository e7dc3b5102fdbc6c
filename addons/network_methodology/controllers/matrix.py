from odoo import http
from odoo.http import request

from ..models.ir_http import NetworkAccessDenied


class NetworkMatrix(http.Controller):
    @http.route("/network/matrix", type="http", auth="public", website=True)
    def network_matrix(self, year_id=None, **kw):
        """The published matrix of network interaction: the network's coordinators and
        teachers and the centre's staff; everyone when the centre turns the setting on."""
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
                return request.redirect("/web/login?redirect=/network/matrix")
            raise NetworkAccessDenied("not_member")
        SchoolYear = request.env["network.school.year"].sudo()
        years = SchoolYear.search([])
        year = years.filtered(lambda y: str(y.id) == str(year_id)) or SchoolYear._get_current()
        year = year or years[:1]
        values = {
            "page_name": "network_matrix",
            "years": years,
            "year": year,
            "matrix": request.env["network.request"]._get_matrix(year),
            "own_organization": organization if role else organization.browse(),
            "network_role": role,
        }
        return request.render("network_methodology.portal_network_matrix", values)
