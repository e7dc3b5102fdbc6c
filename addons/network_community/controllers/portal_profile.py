from odoo import http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkProfilePortal(NetworkPortal):
    """Teachers' professional profiles, kept by the centre's methodists: a teacher reads their
    own (subjects, category, experience, young teacher, mentor), with their communities and
    mentoring pairs; a coordinator reads those of their school's teachers."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        values.update(
            self._network_counters(
                counters,
                {
                    "network_teacher_profile_count": (
                        ("coordinator",),
                        lambda a: len(a.organization.sudo().teacher_ids),
                    )
                },
            )
        )
        return values

    @http.route("/my/network/profile", type="http", auth="user", website=True)
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

    @http.route("/my/network/teachers", type="http", auth="user", website=True)
    def portal_network_teachers(self, **kw):
        organization = self._network_access("coordinator").organization.sudo()
        teachers = organization.teacher_ids.sorted("name")
        communities = dict(
            request.env["network.community.member"]
            .sudo()
            ._read_group(
                [("partner_id", "in", teachers.ids), ("is_current", "=", True)],
                ["partner_id"],
                ["__count"],
            )
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "network_teachers",
                "organization": organization,
                "teachers": teachers,
                "community_counts": communities,
                "young_without_mentor": teachers.filtered(
                    lambda t: t.is_young_teacher and not t.has_mentor
                ),
            }
        )
        return request.render("network_community.portal_my_network_teachers", values)
