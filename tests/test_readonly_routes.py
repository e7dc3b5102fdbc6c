"""Every route of the network's add-ons says whether it may be served by the read replica.

Odoo opens the cursor of a ``readonly=True`` route on the replica (``db_replica_host``), of any
other route on the primary. The pages that only read (portal lists and records, the matrix, the
bank, verification, credentials, PDF/CSV/XLSX downloads, collections) are read-only; the routes
that change records are listed below, so a new page that forgets ``readonly=True`` fails here.
``tests/test_replica.py`` shows the same routes answering from a real streaming replica."""

import odoo
from odoo import http
from odoo.tests import TransactionCase, tagged

from odoo.addons.network_methodology.controllers.portal import readonly_on_get

# POST only: they change records, on the primary.
WRITES = {
    "/my/network/certificates/<int:certificate_id>/name_shown",
    "/my/network/communities/<int:community_id>/<any(join,leave):action>",
    "/my/network/communities/<int:community_id>/members/add",
    "/my/network/communities/<int:community_id>/members/<int:member_id>/remove",
    "/my/network/communities/<int:community_id>/meetings/new",
    "/my/network/mentoring/<int:pair_id>/steps/<int:line_id>/<any(done,undone):action>",
    "/my/network/mentoring/<int:pair_id>/steps/new",
    "/my/network/mentoring/<int:pair_id>/rate",
    "/my/network/routes/<int:route_id>/agree",
    "/my/network/routes/<int:route_id>/steps/<int:line_id>/swap",
    "/my/network/resources/<int:resource_id>/request",
    "/my/network/resource-requests/<int:request_id>/<any(cancel,accept,reject,done):action>",
    "/my/network/events/<int:event_id>/<any(register,unregister):action>",
    "/my/network/materials/<int:material_id>/submit",
    "/my/network/needs/<int:need_id>/close",
    "/my/network/offers/<int:offer_id>/submit",
    "/my/network/offers/<int:offer_id>/request",
    "/my/network/requests/<int:request_id>/<any(cancel,accept,reject):action>",
    "/my/network/<string:path>/<int:record_id>/<any(follow,unfollow):action>",
    "/my/network/student-projects/<int:project_id>/participants/<int:participant_id>/withdraw",
    "/my/network/student-projects/<int:project_id>/register",
    "/my/network/student-projects/<int:project_id>/scores",
}
# Forms: GET shows the form from the replica, POST writes on the primary (readonly_on_get).
FORMS = {
    "/my/network/expertise/<int:expertise_id>",
    "/my/network/join",
    "/my/network/events/<int:event_id>/attendance",
    "/my/network/materials/new",
    "/my/network/needs/new",
    "/my/network/offers/new",
    "/my/network/offers/<int:offer_id>/edit",
}
# A few of the pages that must stay read-only (the rest: every other route of the add-ons).
READS = {
    "/my/network/card",
    "/my/network/catalogue",
    "/my/network/certificates/<int:certificate_id>/pdf",
    "/my/network/card/pdf",
    "/network/matrix",
    "/network/matrix/export/<string:file_format>",
    "/network/bank",
    "/network/certificate/verify/<string:code>",
    "/network/certificate/<string:code>/credential",
    "/network/kpi/xlsx/<int:year_id>",
    "/network/collections/<int:collection_id>/pdf",
}


def _is_ours(endpoint):
    """True when a class of the network's add-ons defines (or overrides) the endpoint."""
    name = endpoint.func.__name__
    return any(
        name in vars(cls) and cls.__module__.startswith("odoo.addons.network_")
        for cls in type(endpoint.func.__self__).mro()
    )


@tagged("post_install", "-at_install")
class TestReadonlyRoutes(TransactionCase):
    def _routes(self):
        modules = sorted(self.registry._init_modules | set(odoo.conf.server_wide_modules))
        return {
            url: endpoint.routing
            for url, endpoint in http._generate_routing_rules(modules, nodb_only=False)
            if _is_ours(endpoint)
        }

    def test_every_route_declares_its_cursor(self):
        routes = self._routes()
        self.assertGreater(len(routes), 80, "the routes of every add-on are found")
        self.assertLessEqual(WRITES | FORMS | READS, set(routes), "the lists name real routes")
        wrong = []
        for url, routing in sorted(routes.items()):
            methods = set(routing["methods"] or ())
            if url in WRITES:
                ok = routing["readonly"] is False and methods == {"POST"}
            elif url in FORMS:
                ok = routing["readonly"] is readonly_on_get and {"GET", "POST"} <= methods
            else:
                # a page that only reads: on the replica, never accepting a form
                ok = routing["readonly"] is True and "POST" not in methods
            if not ok:
                wrong.append(f"{url}: readonly={routing['readonly']!r} methods={sorted(methods)}")
        self.assertFalse(
            wrong,
            "routes that only read must be readonly=True, forms readonly=readonly_on_get, "
            "POST-only routes read/write (listed in WRITES / FORMS):\n" + "\n".join(wrong),
        )
