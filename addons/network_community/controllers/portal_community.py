from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, fields, http
from odoo.http import request

from odoo.addons.network_methodology.controllers.portal import NetworkPortal, form_list


class NetworkCommunityPortal(NetworkPortal):
    """Professional communities in the portal. A teacher sees the communities they belong to
    and the open ones they may join, with the plan of meetings; the members' names and the
    products only of their own communities. The leader adds and removes members (colleagues of
    their school) and proposes meetings. A coordinator sees their school's communities and
    those its teachers belong to, with their own teachers among the members. The record rules
    decide what exists for each of them."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Community = request.env["network.community"]
        values.update(
            self._network_counters(
                counters,
                {
                    "network_community_count": (
                        ("coordinator", "teacher"),
                        lambda a: Community.search_count([("state", "=", "active")]),
                    )
                },
            )
        )
        return values

    # ------------------------------------------------------------------ list
    def _get_network_community_searchbar_sortings(self):
        return {
            "name": {"label": _("Name"), "order": "name, id"},
            "kind": {"label": _("Kind"), "order": "community_kind, name, id"},
        }

    def _get_network_community_searchbar_filters(self, access):
        if access.role == "teacher":
            mine = [
                (
                    "member_ids",
                    "any",
                    [("partner_id", "=", access.partner.id), ("is_current", "=", True)],
                )
            ]
            return {
                "all": {"label": _("All"), "domain": []},
                "mine": {"label": _("My communities"), "domain": mine},
                "open": {
                    "label": _("Open to join"),
                    "domain": [("is_open", "=", True), ("state", "=", "active"), "!", *mine],
                },
            }
        organization = access.organization
        return {
            "all": {"label": _("All"), "domain": []},
            "school": {
                "label": _("Of our school"),
                "domain": [("organization_id", "=", organization.id)],
            },
            "teachers": {
                "label": _("With our teachers"),
                "domain": [
                    (
                        "member_ids",
                        "any",
                        [("organization_id", "=", organization.id), ("is_current", "=", True)],
                    )
                ],
            },
        }

    @http.route(
        ["/my/network/communities", "/my/network/communities/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_communities(self, page=1, sortby=None, filterby=None, search=None, **kw):
        access = self._network_access()
        values = self._network_list(
            "network.community",
            [],
            "/my/network/communities",
            page,
            self._get_network_community_searchbar_sortings(),
            sortby,
            self._network_search_inputs(("name", _("Name"), "name")),
            "name",
            search,
            self._get_network_community_searchbar_filters(access),
            filterby,
        )
        communities = values["records"]
        mine = request.env["network.community.member"].search(
            [
                ("community_id", "in", communities.ids),
                ("partner_id", "=", access.partner.id),
                ("is_current", "=", True),
            ]
        )
        values.update(
            {
                "page_name": "network_communities",
                "access_role": access.role,
                "my_communities": mine.sudo().community_id,
            }
        )
        return request.render("network_community.portal_my_network_communities", values)

    # ------------------------------------------------------------------ page
    def _network_community_page_values(self, access, community, form=None, errors=None):
        partner = access.partner
        env = request.env
        # as the user: the record rules give a member the community's members, a
        # coordinator their own school's, anybody else nobody
        members = env["network.community.member"].search(
            [("community_id", "=", community.id), ("is_current", "=", True)],
            order="role, id",
        )
        meetings = env["event.event"].search(
            [("community_id", "=", community.id), ("is_network_event", "=", True)],
            order="date_begin desc",
        )
        registered = env["event.registration"].search(
            [
                ("event_id", "in", meetings.ids),
                ("partner_id", "=", partner.id),
                ("state", "!=", "cancel"),
            ]
        )
        products = env["network.material"].search(
            [("community_id", "=", community.id)], order="date desc, id desc"
        )
        is_leader = access.role == "teacher" and community.leader_id == partner
        is_member = access.role == "teacher" and partner in community.current_member_ids.partner_id
        proposals = env["event.event"]
        candidates = env["res.partner"]
        if is_leader:
            proposals = env["event.event"].search(
                [
                    ("community_id", "=", community.id),
                    ("community_proposal_state", "in", ("proposed", "refused")),
                ],
                order="date_begin desc",
            )
            candidates = community._portal_member_candidates(partner)
        values = self._network_page_values(
            community,
            None,
            {
                "page_name": "network_community",
                "community": community,
                "members": members.sudo(),
                "meetings": meetings.sudo(),
                "registered_meetings": registered.sudo().event_id,
                "products": products.sudo(),
                "is_leader": is_leader,
                "is_member": is_member,
                "can_join": access.role == "teacher" and community._can_join_from_portal(partner),
                "proposals": proposals.sudo(),
                "candidates": candidates,
                "meeting_forms": community._meeting_form_options(),
                "form": form or {},
                "errors": errors or {},
                "now": fields.Datetime.now(),
            },
        )
        return values

    @http.route(
        "/my/network/communities/<int:community_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_community(self, community_id, **kw):
        access = self._network_access()
        community = self._network_record("network.community", community_id)
        values = self._network_community_page_values(access, community)
        return request.render("network_community.portal_my_network_community", values)

    # ------------------------------------------------------------------ joining, leaving
    @http.route(
        "/my/network/communities/<int:community_id>/<any(join,leave):action>",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_community_join(self, community_id, action, **post):
        teacher = self._network_access("teacher").partner
        community = self._network_record("network.community", community_id)
        if action == "join":
            # a closed community's members are added by its leader or the methodist
            if not community.is_open:
                raise Forbidden()
            return self._network_run(
                community,
                community.action_join,
                teacher.sudo(),
                success=_("Welcome to the community."),
            )
        return self._network_run(
            community,
            community.action_leave,
            teacher.sudo(),
            success=_("You left the community."),
        )

    # ------------------------------------------------------------------ the leader
    def _network_community_as_leader(self, access, community_id):
        """The community (superuser copy) if the teacher acting leads it; 403 otherwise."""
        community = self._network_record("network.community", community_id)
        if community.leader_id != access.partner:
            raise Forbidden()
        return access.partner, community

    @http.route(
        "/my/network/communities/<int:community_id>/members/add",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_community_add_members(self, community_id, **post):
        access = self._network_access("teacher")
        leader, community = self._network_community_as_leader(access, community_id)
        partners, errors = community._portal_prepare_members(
            {"partner_ids": form_list("partner_ids")}, leader
        )
        if errors:
            return self._network_redirect(community.access_url, error=errors["partner_ids"])
        return self._network_run(
            community, community.action_join, partners, success=_("The members are added.")
        )

    @http.route(
        "/my/network/communities/<int:community_id>/members/<int:member_id>/remove",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_community_remove_member(self, community_id, member_id, **post):
        access = self._network_access("teacher")
        _leader, community = self._network_community_as_leader(access, community_id)
        member = community.current_member_ids.filtered(lambda m: m.id == member_id)
        if not member:
            raise NotFound()
        return self._network_run(
            community,
            community.action_leave,
            member.partner_id,
            success=_("%s is no longer a member.", member.partner_id.name),
        )

    @http.route(
        "/my/network/communities/<int:community_id>/meetings/new",
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_network_community_propose_meeting(self, community_id, **post):
        access = self._network_access("teacher")
        leader, community = self._network_community_as_leader(access, community_id)
        tz = request.env.user.tz or leader.sudo().parent_id.tz or community.company_id.partner_id.tz
        values, errors = community._portal_prepare_meeting_values(post, tz)
        if errors:
            page = self._network_community_page_values(access, community, post, errors)
            return request.render("network_community.portal_my_network_community", page)
        return self._network_run(
            community,
            community._propose_meeting,
            values,
            leader.sudo(),
            success=_("The meeting is proposed: the methodist adds it to the plan."),
        )

    # ------------------------------------------------------------------ products
    @http.route(
        "/my/network/communities/<int:community_id>/products/<int:material_id>"
        "/files/<int:attachment_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_network_community_product_file(self, community_id, material_id, attachment_id, **kw):
        self._network_access()
        # Portal users cannot read attachments by id: the product's access decides.
        community = self._network_record("network.community", community_id)
        material = self._network_record("network.material", material_id)
        attachment = material.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if material.community_id != community or not attachment:
            raise NotFound()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)
