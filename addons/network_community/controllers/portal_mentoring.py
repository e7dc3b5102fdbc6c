from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal


class NetworkMentoringPortal(NetworkPortal):
    """Mentoring pairs in the portal. The mentor and the mentee work their plan: they tick the
    steps with their results, the mentor adds steps, the mentee rates the finished mentoring. A
    coordinator follows the pairs in which a teacher of their school is the mentor or the
    mentee. The record rules decide which pairs exist for each of them."""

    def _network_pairs_domain(self, access):
        if access.role == "teacher":
            return [
                "|",
                ("mentor_id", "=", access.partner.id),
                ("mentee_id", "=", access.partner.id),
            ]
        organization = access.organization
        return [
            "|",
            ("mentor_organization_id", "=", organization.id),
            ("mentee_organization_id", "=", organization.id),
        ]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Pair = request.env["network.mentoring.pair"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_mentoring_count": (
                        ("coordinator", "teacher"),
                        lambda a: Pair.search_count(self._network_pairs_domain(a)),
                    )
                },
            )
        )
        return values

    def _get_network_mentoring_searchbar_sortings(self):
        return {
            "date": {"label": _("Newest"), "order": "date_start desc, id desc"},
            "state": {"label": _("Status"), "order": "state, date_start desc, id desc"},
        }

    def _get_network_mentoring_searchbar_filters(self):
        return self._network_state_filters("network.mentoring.pair")

    @http.route(
        ["/my/network/mentoring", "/my/network/mentoring/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_mentoring_pairs(self, page=1, sortby=None, filterby=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.mentoring.pair",
            self._network_pairs_domain(access),
            "/my/network/mentoring",
            page,
            self._get_network_mentoring_searchbar_sortings(),
            sortby,
            filters=self._get_network_mentoring_searchbar_filters(),
            filterby=filterby,
        )
        values.update({"page_name": "network_mentoring", "partner": access.partner})
        return request.render("network_community.portal_my_network_mentoring_pairs", values)

    # ------------------------------------------------------------------ page
    def _network_pair_page_values(self, access, pair, form=None, errors=None):
        role = pair._portal_role(access.partner) if access.role == "teacher" else None
        lines = request.env["network.mentoring.plan.line"].search(
            [("pair_id", "=", pair.id)], order="date_deadline, sequence, id"
        )
        return self._network_page_values(
            pair,
            None,
            {
                "page_name": "network_mentoring_pair",
                "pair": pair,
                "lines": lines.sudo(),
                "role": role,
                "can_tick": role is not None and pair.state == "active",
                "can_add_step": role == "mentor" and pair.state in ("draft", "active"),
                "can_rate": role == "mentee" and pair.state == "done",
                "ratings": [
                    option
                    for option in pair._fields["mentee_rating"]._description_selection(request.env)
                    if option[0] != "0"
                ],
                "today": fields.Date.context_today(pair),
                "form": form or {},
                "errors": errors or {},
            },
        )

    @http.route(
        "/my/network/mentoring/<int:pair_id>", type="http", auth="user", website=True, readonly=True
    )
    def portal_network_mentoring_pair(self, pair_id, **kw):
        access = self._network_access()
        pair = self._network_record("network.mentoring.pair", pair_id)
        values = self._network_pair_page_values(access, pair)
        return request.render("network_community.portal_my_network_mentoring_pair", values)

    def _network_pair_as_party(self, access, pair_id, *roles):
        """The pair (superuser copy) if the teacher acting is its mentor or mentee (one of
        ``roles``); 403 otherwise."""
        pair = self._network_record("network.mentoring.pair", pair_id)
        role = pair._portal_role(access.partner)
        if role is None or (roles and role not in roles):
            raise Forbidden()
        return pair

    @http.route(
        "/my/network/mentoring/<int:pair_id>/steps/<int:line_id>/<any(done,undone):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_mentoring_step(self, pair_id, line_id, action, **post):
        access = self._network_access("teacher")
        pair = self._network_pair_as_party(access, pair_id)
        line = pair.plan_line_ids.filtered(lambda step: step.id == line_id)
        if not line:
            raise NotFound()
        if action == "undone":
            return self._network_run(
                pair, line.action_mark_undone, success=_("The step is open again.")
            )
        result, errors = line._portal_prepare_result(post)
        if errors:
            return self._network_redirect(pair.access_url, error=errors["result"])
        return self._network_run(
            pair,
            line.action_mark_done,
            result,
            access.partner.sudo(),
            success=_("The step is done."),
        )

    @http.route(
        "/my/network/mentoring/<int:pair_id>/steps/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_mentoring_new_step(self, pair_id, **post):
        access = self._network_access("teacher")
        pair = self._network_pair_as_party(access, pair_id, "mentor")
        values, errors = request.env["network.mentoring.plan.line"]._portal_prepare_values(
            post, pair
        )
        if errors:
            page = self._network_pair_page_values(access, pair, post, errors)
            return request.render("network_community.portal_my_network_mentoring_pair", page)
        return self._network_run(
            pair, pair._add_plan_step, values, success=_("The step is added to the plan.")
        )

    @http.route(
        "/my/network/mentoring/<int:pair_id>/rate",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_mentoring_rate(self, pair_id, **post):
        access = self._network_access("teacher")
        pair = self._network_pair_as_party(access, pair_id, "mentee")
        values, errors = pair._portal_prepare_rating(post)
        if errors:
            return self._network_redirect(pair.access_url, error=errors["mentee_rating"])
        return self._network_run(
            pair,
            pair.action_rate,
            values["mentee_rating"],
            success=_("Thank you: your rating is saved."),
        )
