from odoo import http
from odoo.http import request

from .portal import NetworkPortal


class NetworkCardPortal(NetworkPortal):
    """A teacher's activity card: their green and red tokens per school year."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Token = request.env["network.activity.token"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_token_count": (
                        ("teacher",),
                        lambda a: Token.search_count(
                            [("partner_id", "=", a.partner.id), ("state", "!=", "revoked")]
                        ),
                    )
                },
            )
        )
        return values

    def _network_card_values(self, teacher):
        """The card page's values: the teacher's tokens by school year, newest first."""
        tokens = request.env["network.activity.token"].search(
            [("partner_id", "=", teacher.id), ("state", "!=", "revoked")],
            order="date desc, id desc",
        )
        years = tokens.school_year_id.sorted("date_start", reverse=True)
        return {
            "page_name": "network_card",
            "teacher": teacher,
            "tokens_by_year": [
                (year, tokens.filtered(lambda t, y=year: t.school_year_id == y).sudo())
                for year in years
            ],
            "green_count": len(tokens.filtered(lambda t: t.role == "listener")),
            "red_count": len(tokens.filtered(lambda t: t.role == "presenter")),
        }

    @http.route("/my/network/card", type="http", auth="user", website=True, readonly=True)
    def portal_network_card(self, **kw):
        teacher = self._network_access("teacher").partner
        values = self._prepare_portal_layout_values()
        values.update(self._network_card_values(teacher))
        return request.render("network_methodology.portal_my_network_card", values)
