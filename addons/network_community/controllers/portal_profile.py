from odoo import http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkProfilePortal(NetworkPortal):
    """Teachers' professional profiles, kept by the centre's methodists: a teacher reads their
    own (subjects, category, experience, young teacher, mentor), with their communities and
    mentoring pairs; a coordinator reads those of their school's teachers on the teachers'
    page of network_methodology."""

    @http.route("/my/network/profile", type="http", auth="user", website=True, readonly=True)
    def portal_network_profile(self, **kw):
        teacher = self._network_access("teacher").partner
        env = request.env
        memberships = env["network.community.member"].search(
            [("partner_id", "=", teacher.id), ("is_current", "=", True)]
        )
        pairs = env["network.mentoring.pair"].search(
            ["|", ("mentor_id", "=", teacher.id), ("mentee_id", "=", teacher.id)]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_profile",
                "teacher": teacher.sudo(),
                "memberships": memberships.sudo(),
                "pairs": pairs.sudo(),
            }
        )
        return request.render("network_community.portal_my_network_profile", values)

    def _network_teachers_values(self, organization):
        """The coordinator's teachers page also shows their profiles: communities, young
        teachers without a mentor."""
        values = super()._network_teachers_values(organization)
        teachers = values["teachers"]
        values["community_counts"] = dict(
            request.env["network.community.member"]
            .sudo()
            ._read_group(
                [("partner_id", "in", teachers.ids), ("is_current", "=", True)],
                ["partner_id"],
                ["__count"],
            )
        )
        values["young_without_mentor"] = teachers.filtered(
            lambda t: t.is_young_teacher and not t.has_mentor
        )
        return values
