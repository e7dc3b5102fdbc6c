from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import (
    NetworkPortal,
    readonly_on_get,
    selection_options,
)


class NetworkExpertisePortal(NetworkPortal):
    """The expert's page: the expertises assigned to them (the record rule keeps to their own),
    the material's files, scores per criterion, a recommendation and a comment."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Expertise = request.env["network.expertise"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_expertise_count": (
                        ("coordinator", "teacher"),
                        lambda a: Expertise.search_count([("state", "=", "assigned")]),
                    )
                },
            )
        )
        return values

    def _get_network_expertise_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "create_date desc, id desc"},
            "state": {"label": _("Status"), "order": "state, id desc"},
        }

    @http.route(
        ["/my/network/expertise", "/my/network/expertise/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_expertises(self, page=1, sortby=None, filterby=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.expertise",
            [("expert_id", "=", access.partner.id)],
            "/my/network/expertise",
            page,
            self._get_network_expertise_searchbar_sortings(),
            sortby,
            filters=self._network_state_filters("network.expertise"),
            filterby=filterby,
        )
        values["page_name"] = "network_expertise"
        return request.render("network_expertise.portal_my_network_expertises", values)

    def _network_expertise_values(self, expertise, form=None, errors=None):
        values = self._prepare_portal_layout_values()
        scores = {f"score_{line.criterion_id.id}": str(line.score) for line in expertise.score_ids}
        form = form or dict(
            scores,
            recommendation=expertise.recommendation or "",
            comment=expertise.comment or "",
        )
        values.update(
            {
                "page_name": "network_expertise",
                "expertise": expertise,
                "material": expertise.material_id,
                "criteria": expertise._criteria(),
                "recommendations": selection_options("network.expertise", "recommendation"),
                "form": form,
                "errors": errors or {},
            }
        )
        return values

    def _network_own_expertise(self, expertise_id):
        access = self._network_access()
        expertise = self._network_record("network.expertise", expertise_id)
        if expertise.expert_id != access.partner:
            raise NotFound()
        return expertise

    @http.route(
        "/my/network/expertise/<int:expertise_id>",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_on_get,
    )
    def portal_network_expertise(self, expertise_id, **post):
        expertise = self._network_own_expertise(expertise_id)
        template = "network_expertise.portal_my_network_expertise"
        if request.httprequest.method != "POST":
            return request.render(template, self._network_expertise_values(expertise))
        if expertise.state != "assigned":
            return self._network_redirect(
                expertise.access_url, error=_("This expertise is no longer open.")
            )
        values, errors = expertise._portal_prepare_values(post)
        if errors:
            return request.render(template, self._network_expertise_values(expertise, post, errors))
        expertise.write(values)
        if post.get("finish"):
            return self._network_run(
                expertise, expertise.action_done, success=_("The expertise is finished.")
            )
        return self._network_redirect(expertise.access_url, success=_("The scores are saved."))

    @http.route(
        "/my/network/expertise/<int:expertise_id>/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_expertise_file(self, expertise_id, attachment_id, **kw):
        expertise = self._network_own_expertise(expertise_id)
        attachment = expertise.material_id.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)
