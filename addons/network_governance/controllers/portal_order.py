from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal, selection_options

from ..models.network_order import ORDER_KINDS


class NetworkOrderPortal(NetworkPortal):
    """The register of the network's orders and regulations for its members: the documents
    in force and those cancelled, with their files."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Order = request.env["network.order"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_document_count": (
                        ("coordinator", "teacher"),
                        lambda a: Order.search_count([("state", "=", "in_force")]),
                    )
                },
            )
        )
        return values

    def _get_network_document_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date desc, id desc"},
            "name": {"label": _("Number"), "order": "name, id"},
            "subject": {"label": _("Subject"), "order": "subject"},
        }

    def _get_network_document_searchbar_inputs(self):
        return self._network_search_inputs(
            ("subject", _("Subject"), "subject"),
            ("name", _("Number"), "name"),
            ("description", _("Summary"), "description"),
        )

    def _get_network_document_searchbar_filters(self):
        filters = {
            "in_force": {"label": _("In force"), "domain": [("state", "=", "in_force")]},
            "all": {"label": _("All"), "domain": []},
        }
        for kind, label in selection_options("network.order", "order_kind"):
            filters[kind] = {
                "label": label,
                "domain": [("order_kind", "=", kind), ("state", "=", "in_force")],
            }
        return filters

    @http.route(
        ["/my/network/documents", "/my/network/documents/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_documents(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, **kw
    ):
        self._network_access()
        values = self._network_list(
            "network.order",
            [],
            "/my/network/documents",
            page,
            self._get_network_document_searchbar_sortings(),
            sortby,
            self._get_network_document_searchbar_inputs(),
            search_in,
            search,
            self._get_network_document_searchbar_filters(),
            filterby,
        )
        values.update({"page_name": "network_documents", "order_kinds": dict(ORDER_KINDS)})
        return request.render("network_governance.portal_my_network_documents", values)

    @http.route(
        "/my/network/documents/<int:order_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_document(self, order_id, **kw):
        self._network_access()
        order = self._network_record("network.order", order_id)
        values = self._network_page_values(
            order, None, {"page_name": "network_document", "document": order}
        )
        return request.render("network_governance.portal_my_network_document", values)

    @http.route(
        "/my/network/documents/<int:order_id>/file",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_document_file(self, order_id, **kw):
        # Portal users cannot read attachments by id; the document's access decides.
        self._network_access()
        order = self._network_record("network.order", order_id)
        if not order.document:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(
            order, "document", filename_field="document_filename"
        )
        return stream.get_response(as_attachment=True)
