from odoo import http
from odoo.http import request

from .portal import NetworkPortal


class NetworkTeacherPortal(NetworkPortal):
    """A coordinator's teachers and their activity in the current school year: who took part
    (green tokens) and who passed on experience (red). Other add-ons add columns (the
    certificate in sight, the professional profile) through ``_network_teachers_values``."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        values.update(
            self._network_counters(
                counters,
                {
                    "network_teacher_count": (
                        ("coordinator",),
                        lambda a: len(a.organization.sudo().teacher_ids),
                    )
                },
            )
        )
        return values

    def _network_teachers_values(self, organization):
        """The page's values: the organization's teachers with their tokens of the current
        school year by colour, read in one grouped query."""
        teachers = organization.teacher_ids.sorted("name")
        year = request.env["network.school.year"].sudo()._get_current()
        counts = {}
        if year:
            groups = (
                request.env["network.activity.token"]
                .sudo()
                ._read_group(
                    [
                        ("partner_id", "in", teachers.ids),
                        ("school_year_id", "=", year.id),
                        ("state", "!=", "revoked"),
                    ],
                    ["partner_id", "role"],
                    ["__count"],
                )
            )
            for teacher, role, count in groups:
                counts.setdefault(teacher, {"listener": 0, "presenter": 0})[role] = count
        return {
            "page_name": "network_teachers",
            "organization": organization,
            "teachers": teachers,
            "school_year": year,
            "token_counts": counts,
        }

    @http.route("/my/network/teachers", type="http", auth="user", website=True, readonly=True)
    def portal_network_teachers(self, **kw):
        organization = self._network_access("coordinator").organization.sudo()
        values = self._prepare_portal_layout_values()
        values.update(self._network_teachers_values(organization))
        return request.render("network_methodology.portal_my_network_teachers", values)
