"""The methodical bank (rulebook 1.6, 2.3): published materials, searched in PostgreSQL's
Russian full-text configuration. Members of the network read it at /my/network/bank
(``portal_bank.py``); everyone at /network/bank when the centre publishes it (a setting)."""

from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.ir_http import NetworkAccessDenied
from ..models.network_material import AUDIENCES, LICENSES
from ..models.network_portal_mixin import TEXT_MAX, clean_text, to_int
from .portal import selection_options

BANK_PAGE_SIZE = 20
BANK_SORTINGS = {
    "date": "date_published desc, id desc",
    "downloads": "download_count desc, id desc",
    "name": "name, id",
}


def bank_sortings():
    return {
        "date": _("Newest"),
        "downloads": _("Most downloaded"),
        "name": _("Title"),
    }


def bank_filters(params):
    """The search text and filters asked for, cleaned (unknown values are dropped)."""
    Material = request.env["network.material"]
    types = dict(Material._fields["material_type"].selection)
    return {
        "search": clean_text(params.get("search"))[:TEXT_MAX],
        "material_type": params.get("material_type")
        if params.get("material_type") in types
        else "",
        "audience": params.get("audience") if params.get("audience") in dict(AUDIENCES) else "",
        "license": params.get("license") if params.get("license") in dict(LICENSES) else "",
        "tag_id": to_int(params.get("tag_id")) or "",
        "project_id": to_int(params.get("project_id")) or "",
        "sortby": params.get("sortby") if params.get("sortby") in BANK_SORTINGS else "date",
    }


def bank_domain(filters):
    domain = [("state", "=", "published")]
    if filters["search"]:
        domain.append(("bank_search", "=", filters["search"]))
    for field in ("material_type", "audience", "license", "project_id"):
        if filters[field]:
            domain.append((field, "=", filters[field]))
    if filters["tag_id"]:
        domain.append(("tag_ids", "in", [filters["tag_id"]]))
    return domain


def bank_values(Material, url, page, params):
    """Values of a page of the bank: ``Material`` is the model as the reader may read it (the
    portal user's record rules, or the superuser for the public page, whose domain keeps to
    published materials). A constant number of queries whatever the size of the bank."""
    filters = bank_filters(params)
    domain = bank_domain(filters)
    url_args = {key: value for key, value in filters.items() if value}
    total = Material.search_count(domain)
    pager = portal_pager(
        url=url,
        url_args=url_args,
        total=total,
        page=page,
        step=BANK_PAGE_SIZE,
    )
    records = Material.search(
        domain,
        order=BANK_SORTINGS[filters["sortby"]],
        limit=BANK_PAGE_SIZE,
        offset=pager["offset"],
    ).sudo()
    return {
        "records": records,
        "pager": pager,
        "total": total,
        "filters": filters,
        "bank_url": url,
        "sortings": bank_sortings(),
        "material_types": selection_options("network.material", "material_type"),
        "audiences": selection_options("network.material", "audience"),
        "licenses": selection_options("network.material", "license"),
        "tags": request.env["network.material.tag"].sudo().search([]),
        "projects": request.env["network.project"].sudo().search([]),
        "page_name": "network_bank",
    }


def bank_file_response(material, attachment_id):
    """A published material's file as a download (Odoo's stream: nosniff and a restrictive
    Content-Security-Policy, as for the materials' files), counted once more."""
    attachment = material.attachment_ids.filtered(lambda a: a.id == attachment_id)
    if material.state != "published" or not attachment:
        raise NotFound()
    material._bank_count_download()
    stream = request.env["ir.binary"]._get_stream_from(attachment)
    return stream.get_response(as_attachment=True)


class NetworkBank(http.Controller):
    """The public bank, when the setting publishes it; members and the centre's staff always
    read it."""

    def _network_bank_check_access(self):
        user = request.env.user
        role, _organization = user._network_portal_role()
        if role or user._is_internal() or request.env["network.material"].sudo()._bank_is_public():
            return None
        if user._is_public():
            return request.redirect("/web/login?redirect=/network/bank")
        raise NetworkAccessDenied("not_member")

    def _network_bank_material(self, material_id):
        material = request.env["network.material"].sudo().browse(material_id).exists()
        if not material or material.state != "published":
            raise NotFound()
        return material

    @http.route(
        ["/network/bank", "/network/bank/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_bank(self, page=1, **params):
        redirect = self._network_bank_check_access()
        if redirect:
            return redirect
        values = bank_values(request.env["network.material"].sudo(), "/network/bank", page, params)
        return request.render("network_methodology.network_bank_public", values)

    @http.route(
        "/network/bank/<int:material_id>", type="http", auth="public", website=True, readonly=True
    )
    def network_bank_material(self, material_id, **kw):
        redirect = self._network_bank_check_access()
        if redirect:
            return redirect
        values = {
            "material": self._network_bank_material(material_id),
            "bank_url": "/network/bank",
            "page_name": "network_bank",
        }
        return request.render("network_methodology.network_bank_material_public", values)

    @http.route(
        "/network/bank/<int:material_id>/files/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def network_bank_file(self, material_id, attachment_id, **kw):
        redirect = self._network_bank_check_access()
        if redirect:
            return redirect
        return bank_file_response(self._network_bank_material(material_id), attachment_id)
