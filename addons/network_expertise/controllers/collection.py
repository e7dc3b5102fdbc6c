from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request


class NetworkCollectionPublic(http.Controller):
    """The public page of a published electronic collection, its PDF and the ZIP of its
    files; drafts do not exist for visitors."""

    def _network_collection(self, collection_id):
        collection = request.env["network.collection"].sudo().browse(collection_id).exists()
        if not collection or collection.state != "published":
            raise NotFound()
        return collection

    @http.route(
        "/network/collections/<int:collection_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_collection(self, collection_id, **kw):
        collection = self._network_collection(collection_id)
        values = {
            "collection": collection,
            "bank_public": request.env["network.material"].sudo()._bank_is_public(),
            "page_name": "network_collection",
        }
        return request.render("network_expertise.network_collection_public", values)

    @http.route(
        "/network/collections/<int:collection_id>/pdf",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_collection_pdf(self, collection_id, **kw):
        collection = self._network_collection(collection_id)
        pdf, _report_type = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("network_expertise.action_report_network_collection", collection.ids)
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Disposition", content_disposition(f"{collection.name}.pdf")),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )

    @http.route(
        "/network/collections/<int:collection_id>/zip",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_collection_zip(self, collection_id, **kw):
        collection = self._network_collection(collection_id)
        return request.make_response(
            collection._zip_content(),
            headers=[
                ("Content-Type", "application/zip"),
                ("Content-Disposition", content_disposition(f"{collection.name}.zip")),
                ("X-Content-Type-Options", "nosniff"),
            ],
        )
