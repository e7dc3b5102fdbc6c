from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, fields, http
from odoo.http import request

from ..models.network_material import MATERIAL_EXTENSIONS, MATERIAL_MAX_FILES
from .portal import NetworkPortal, form_list, readonly_on_get, selection_options


class NetworkMaterialPortal(NetworkPortal):
    """Materials of a coordinator's organization: upload with files, submit for review."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Material = request.env["network.material"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_material_count": (
                        ("coordinator",),
                        lambda a: Material.search_count(
                            [("organization_id", "=", a.organization.id)]
                        ),
                    )
                },
            )
        )
        return values

    def _get_network_material_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date desc, id desc"},
            "name": {"label": _("Title"), "order": "name"},
        }

    @http.route(
        ["/my/network/materials", "/my/network/materials/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_materials(self, page=1, sortby=None, filterby=None, search=None, **kw):
        organization = self._network_access("coordinator").organization
        values = self._network_list(
            "network.material",
            # the record rule also lets members read the bank's published materials
            [("organization_id", "=", organization.id)],
            "/my/network/materials",
            page,
            self._get_network_material_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Title"), "name")),
            "name",
            search,
            self._network_state_filters("network.material"),
            filterby,
        )
        values["page_name"] = "network_materials"
        return request.render("network_methodology.portal_my_network_materials", values)

    def _network_material_form_values(self, organization, form=None, errors=None):
        Event = request.env["event.event"]
        events = Event.search(
            Event._network_portal_domain(organization.browse(), organization)
            + [("date_begin", "<=", fields.Datetime.now())],
            order="date_begin desc",
            limit=200,
        )
        max_file, _max_total = request.env["network.material"]._portal_size_limits()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_material",
                "organization": organization.sudo(),
                "teachers": organization.sudo().teacher_ids,
                "events": events.sudo(),
                "material_types": selection_options("network.material", "material_type"),
                "form": form or {},
                "errors": errors or {},
                "max_files": MATERIAL_MAX_FILES,
                "max_megabytes": max_file >> 20,
                "extensions": ", ".join(sorted(MATERIAL_EXTENSIONS)),
            }
        )
        return values

    def _network_uploads(self):
        """The uploaded files as ``(file name, content)`` pairs, each read up to one byte over
        the size limit: the model refuses what is too large without the whole file in memory."""
        max_file, _max_total = request.env["network.material"]._portal_size_limits()
        return [
            (upload.filename, upload.read(max_file + 1))
            for upload in request.httprequest.files.getlist("files")
            if upload.filename
        ]

    @http.route(
        "/my/network/materials/new",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_material_new(self, **post):
        organization = self._network_access("coordinator").organization
        template = "network_methodology.portal_network_material_form"
        if request.httprequest.method != "POST":
            form = {"material_type": "methodical"}
            return request.render(template, self._network_material_form_values(organization, form))
        files = self._network_uploads()
        post = dict(post, author_ids=form_list("author_ids"), files=files)
        Material = request.env["network.material"]
        values, errors = Material._portal_prepare_values(post, organization)
        if errors:
            return request.render(
                template, self._network_material_form_values(organization, post, errors)
            )
        material = Material.sudo().create(values)
        material._attach_files(files)
        return self._network_redirect(
            material.access_url, success=_("The material is saved: submit it for review.")
        )

    def _network_own_material(self, material_id, access_token=None):
        """A material of the coordinator's organization, or shared by its token. The record
        rule also lets members read the bank's published materials: those are read in the bank,
        not here (None)."""
        if access_token:
            return self._network_record("network.material", material_id, access_token)
        organization = self._network_access("coordinator").organization
        material = self._network_record("network.material", material_id)
        return material if material.organization_id == organization else None

    @http.route(
        "/my/network/materials/<int:material_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_material(self, material_id, access_token=None, **kw):
        material = self._network_own_material(material_id, access_token)
        if material is None:
            # another school's published material: its page in the bank, without the
            # review, the discussion and the expertise of its organization
            return request.redirect(f"/my/network/bank/{material_id}")
        values = self._network_page_values(
            material, access_token, {"page_name": "network_material", "material": material}
        )
        return request.render("network_methodology.portal_my_network_material", values)

    @http.route(
        "/my/network/materials/<int:material_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_material_file(self, material_id, attachment_id, access_token=None, **kw):
        # Portal users cannot read attachments by id; the material's access decides.
        material = self._network_own_material(material_id, access_token)
        attachment = material and material.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)

    @http.route(
        "/my/network/materials/<int:material_id>/submit",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_material_submit(self, material_id, **post):
        organization = self._network_access("coordinator").organization
        material = self._network_record("network.material", material_id)
        if material.organization_id != organization:
            raise Forbidden()
        return self._network_run(
            material, material.action_submit, success=_("The material is submitted for review.")
        )
