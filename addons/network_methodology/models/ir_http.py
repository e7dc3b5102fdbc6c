from werkzeug.exceptions import Forbidden

from odoo import models


class NetworkAccessDenied(Forbidden):
    """A network portal page refused to its user; ``reason`` says why: ``internal`` (staff
    work in the backend), ``not_member`` (the user's organization is not in the network),
    ``coordinator`` or ``teacher`` (the page is for the other role)."""

    def __init__(self, reason):
        super().__init__()
        self.reason = reason


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_error_html(cls, env, code, values):
        # a page that says why and what to do instead of the bare «403: Forbidden»
        exception = values.get("exception")
        if isinstance(exception, NetworkAccessDenied):
            html = env["ir.ui.view"]._render_template(
                "network_methodology.portal_network_denied",
                dict(values, reason=exception.reason),
            )
            return code, html
        return super()._get_error_html(env, code, values)
