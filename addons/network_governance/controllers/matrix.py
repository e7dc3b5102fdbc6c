from odoo import http
from odoo.http import request

from odoo.addons.network_methodology.controllers.matrix import NetworkMatrix
from odoo.addons.network_methodology.models.network_portal_mixin import to_int


class NetworkMatrixDirection(NetworkMatrix):
    """The published matrix narrowed to one direction of innovation of the school year."""

    @classmethod
    def _network_matrix_args(cls, filters):
        args = super()._network_matrix_args(filters)
        direction_id = request.env.context.get("network_direction_id")
        if direction_id:
            args["direction_id"] = direction_id
        return args

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
                request.update_context(network_direction_id=False)
                whole = self._network_matrix(qcontext, kw.get("page"))
                qcontext["matrix_whole"] = whole
                qcontext["matrix"], qcontext["pager"] = self._network_matrix_page(
                    whole, kw.get("page"), self._network_matrix_args(qcontext)
                )
            qcontext.update({"directions": directions, "direction": direction})
        return response
