from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from .bank import bank_file_response, bank_values
from .portal import NetworkPortal


class NetworkBankPortal(NetworkPortal):
    """The methodical bank for the network's coordinators and teachers: what they read is what
    the record rule on network.material lets them read (published materials)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Material = request.env["network.material"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_bank_count": (
                        ("coordinator", "teacher"),
                        lambda a: Material.search_count([("state", "=", "published")]),
                    )
                },
            )
        )
        return values

    def _network_bank_material(self, material_id):
        try:
            material = request.env["network.material"].browse(material_id)
            material.check_access("read")
            if not material.exists() or material.state != "published":
                raise NotFound()
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        return material.sudo()

    @http.route(
        ["/my/network/bank", "/my/network/bank/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_bank(self, page=1, **params):
        self._network_access()
        values = self._prepare_portal_layout_values()
        values.update(
            bank_values(request.env["network.material"], "/my/network/bank", page, params)
        )
        return request.render("network_methodology.portal_my_network_bank", values)

    @http.route(
        "/my/network/bank/<int:material_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_bank_material(self, material_id, **kw):
        self._network_access()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "material": self._network_bank_material(material_id),
                "bank_url": "/my/network/bank",
                "page_name": "network_bank",
            }
        )
        return request.render("network_methodology.portal_my_network_bank_material", values)

    @http.route(
        "/my/network/bank/<int:material_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_bank_file(self, material_id, attachment_id, **kw):
        self._network_access()
        return bank_file_response(self._network_bank_material(material_id), attachment_id)
