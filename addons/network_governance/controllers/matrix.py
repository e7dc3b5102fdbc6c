from odoo import http
from odoo.http import request

from odoo.addons.network_methodology.controllers.matrix import NetworkMatrix
from odoo.addons.network_methodology.models.network_portal_mixin import to_int


class NetworkMatrixDirection(NetworkMatrix):
    """The published matrix narrowed to one direction of innovation of the school year."""

    @http.route()
    def network_matrix(self, year_id=None, direction_id=None, **kw):
        Direction = request.env["network.innovation.direction"].sudo()
        direction = Direction.browse(to_int(direction_id)).exists() if direction_id else Direction
        if direction:
            request.update_context(network_direction_id=direction.id)
        response = super().network_matrix(year_id=year_id, **kw)
        qcontext = getattr(response, "qcontext", None) or {}
        if "matrix" in qcontext:  # the page itself, not a redirection to the login
            year = qcontext["year"]
            directions = Direction.search([("school_year_id", "=", year.id)]) if year else Direction
            if direction and direction not in directions:
                # a direction of another school year: the year's whole matrix
                direction = Direction
                qcontext["matrix"] = (
                    request.env["network.request"]
                    .with_context(network_direction_id=False)
                    ._get_matrix(year)
                )
            qcontext.update({"directions": directions, "direction": direction})
        return response
