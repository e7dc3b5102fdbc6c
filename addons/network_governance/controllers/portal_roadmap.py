from itertools import groupby

from odoo import _, fields, http
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.network_methodology.controllers.portal import NetworkPortal
from odoo.addons.network_methodology.models.network_portal_mixin import to_int


class NetworkRoadmapPortal(NetworkPortal):
    """The network's road map for its members: every project's activities by month, with the
    responsible organization, the deadline and the events and offers that carry them out."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Line = request.env["network.project.roadmap.line"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_roadmap_count": (
                        ("coordinator", "teacher"),
                        lambda a: Line.search_count([("is_done", "=", False)]),
                    )
                },
            )
        )
        return values

    def _get_network_roadmap_searchbar_sortings(self):
        return {
            "deadline": {
                "label": _("Deadline"),
                "order": "date_deadline, project_id, sequence, id",
            },
            "project": {"label": _("Project"), "order": "project_id, date_deadline, sequence, id"},
        }

    def _get_network_roadmap_searchbar_filters(self, access):
        today = fields.Date.context_today(request.env.user)
        return {
            "open": {"label": _("Open"), "domain": [("is_done", "=", False)]},
            "ours": {
                "label": _("Our organization's"),
                "domain": [("organization_id", "=", access.organization.id)],
            },
            "overdue": {
                "label": _("Overdue"),
                "domain": [("is_done", "=", False), ("date_deadline", "<", today)],
            },
            "all": {"label": _("All"), "domain": []},
        }

    @http.route(
        ["/my/network/roadmap", "/my/network/roadmap/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_roadmap(
        self, page=1, sortby=None, filterby=None, search_in=None, search=None, project_id=None, **kw
    ):
        access = self._network_access()
        project_id = to_int(project_id)
        domain = [("project_id", "child_of", project_id)] if project_id else []
        values = self._network_list(
            "network.project.roadmap.line",
            domain,
            "/my/network/roadmap",
            page,
            self._get_network_roadmap_searchbar_sortings(),
            sortby,
            self._network_search_inputs(
                ("name", _("Activity"), "name"), ("project", _("Project"), "project_id.name")
            ),
            search_in,
            search,
            self._get_network_roadmap_searchbar_filters(access),
            filterby,
            url_args={"project_id": project_id or None},
        )
        lines = values["records"]
        # the linked events and offers shown are those the user may open
        lines.fetch(["name", "project_id", "stage", "date_start", "date_deadline", "is_done"])
        visible_events = set(
            request.env["event.event"]._search([("id", "in", lines.event_ids.ids)])
        )
        visible_offers = set(
            request.env["network.offer"]._search(
                [("id", "in", lines.offer_ids.ids), ("state", "=", "published")]
            )
        )
        if values["sortby"] == "deadline":
            months = [
                (
                    format_date(request.env, key, date_format="LLLL yyyy").capitalize()
                    if key
                    else _("No deadline"),
                    list(group),
                )
                for key, group in groupby(
                    lines, key=lambda line: line.date_deadline and line.date_deadline.replace(day=1)
                )
            ]
        else:
            months = [(None, list(lines))]
        values.update(
            {
                "page_name": "network_roadmap",
                "months": months,
                "projects": request.env["network.project"].search([]),
                "project_id": project_id,
                "today": fields.Date.context_today(request.env.user),
                "visible_events": visible_events,
                "visible_offers": visible_offers,
            }
        )
        return request.render("network_governance.portal_network_roadmap", values)
