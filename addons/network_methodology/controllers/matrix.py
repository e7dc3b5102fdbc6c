from odoo import http
from odoo.http import request


class NetworkMatrix(http.Controller):
    @http.route("/network/matrix", type="http", auth="public", website=True)
    def network_matrix(self, year_id=None, **kw):
        """The published matrix of network interaction: every logged-in user, and anonymous
        visitors when the centre turns the setting on."""
        public = request.env.user._is_public()
        if public and not request.env["ir.config_parameter"].sudo().get_param(
            "network_methodology.matrix_public"
        ):
            return request.redirect("/web/login?redirect=/network/matrix")
        SchoolYear = request.env["network.school.year"].sudo()
        years = SchoolYear.search([])
        year = years.filtered(lambda y: str(y.id) == str(year_id)) or SchoolYear._get_current()
        year = year or years[:1]
        partner = request.env.user.partner_id
        values = {
            "page_name": "network_matrix",
            "years": years,
            "year": year,
            "matrix": request.env["network.request"]._get_matrix(year),
            "own_organization": partner.commercial_partner_id if not public else partner.browse(),
        }
        return request.render("network_methodology.portal_network_matrix", values)
