"""Every screen of every network menu opens for each backend role: what the web client loads
for a menu (its views, a page of its list, the form of a record) raises no access error."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import NetworkTestCommon

ROLES = {
    "department": "network_methodology.group_network_department",
    "methodist": "network_methodology.group_network_user",
    "manager": "network_methodology.group_network_manager",
}


def specification(models, model, depth=0):
    """What the web client reads of ``model`` for views using ``models`` (get_views' answer):
    every field of the views, relational ones with the fields their sub-views show."""
    spec = {}
    for name, field in models[model]["fields"].items():
        comodel = field.get("relation")
        if not comodel:
            spec[name] = {}
        elif field["type"] == "many2one" or depth or comodel not in models:
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {"fields": specification(models, comodel, depth + 1)}
    return spec


@tagged("post_install", "-at_install")
class TestBackendScreens(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a network event with what its form shows: registrations, tokens, a request
        request = cls._request_in_state_cls()
        cls.event = request.event_id
        cls._register(cls.event, cls.listener)
        cls.event._issue_tokens()

    @classmethod
    def _request_in_state_cls(cls):
        request = cls._create_request()
        request.action_submit()
        request.action_accept()
        request._schedule_events(date_begin=cls.past_begin)
        return request

    def _actions(self, user):
        root = self.env.ref("network_methodology.menu_network_root")
        Menu = self.env["ir.ui.menu"].with_user(user)
        menus = Menu.search([("id", "child_of", root.id)]) & Menu.browse(Menu._visible_menu_ids())
        self.assertTrue(menus)
        return {
            menu.complete_name: menu.action
            for menu in menus
            if menu.action and menu.action._name == "ir.actions.act_window"
        }

    def _open(self, user, action):
        env = self.env(user=user)
        eval_context = {"uid": user.id, "active_id": False, "context": {}}
        context = safe_eval(action.context or "{}", eval_context)
        domain = safe_eval(action.domain or "[]", eval_context)
        Model = env[action.res_model].with_context(**context)
        view_types = [t for t in action.view_mode.split(",") if t != "calendar"] + ["search"]
        views = Model.get_views([(False, t) for t in view_types], {"load_filters": True})
        models = views["models"]
        records = Model.web_search_read(domain, specification(models, action.res_model), limit=5)
        if "form" in view_types and records["records"]:
            record = Model.browse(records["records"][0]["id"])
            record.web_read(specification(models, action.res_model))
        return records["length"]

    def test_every_menu_opens_for_every_role(self):
        for role, group in ROLES.items():
            user = self._create_user(f"screens_{role}", group)
            for name, action in self._actions(user).items():
                with self.subTest(role=role, menu=name):
                    self._open(user, action)

    def test_landing_pages(self):
        """Network users land in the network app; the department on its KPI dashboard."""
        department = self._create_user("landing_department", ROLES["department"])
        methodist = self._create_user("landing_methodist", ROLES["methodist"])
        dashboard = self.env.ref("network_methodology.network_kpi_report_action")
        self.assertEqual(department.action_id.id, dashboard.id)
        self.assertFalse(methodist.action_id)
        menus = self.env["ir.ui.menu"].with_user(methodist).load_menus(False)
        first_app = menus[menus["root"]["children"][0]]
        self.assertEqual(first_app["xmlid"], "network_methodology.menu_network_root")
        # a home action chosen for a user stays
        events = self.env.ref("network_methodology.event_event_action_network")
        other = self._create_user("landing_other", "base.group_user")
        other.action_id = events.id
        other.groups_id = [(4, self.env.ref(ROLES["department"]).id)]
        self.assertEqual(other.action_id.id, events.id)

    def test_department_opens_a_network_event(self):
        department = self._create_user("screens_event", ROLES["department"])
        action = self.env.ref("network_methodology.event_event_action_network")
        env = self.env(user=department)
        views = env["event.event"].get_views([(False, "form")])
        data = self.event.with_user(department).web_read(
            specification(views["models"], "event.event")
        )
        self.assertEqual(data[0]["id"], self.event.id)
        self.assertTrue(self._open(department, action))


@tagged("post_install", "-at_install")
class TestBackendScreensBrowser(HttpCase):
    """Odoo's own click-everywhere bot through the network app as the read-only department:
    every menu, view and filter, in the browser, without an error dialog."""

    allow_end_on_form = True

    def test_department_clicks_everywhere(self):
        new_test_user(
            self.env,
            login="screens_bot",
            password="screens_bot",
            groups="network_methodology.group_network_department",
        )
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('network_methodology.menu_network_root');",
            "odoo.isReady === true",
            login="screens_bot",
            timeout=600,
            success_signal="clickbot test succeeded",
        )

    def test_every_top_menu_shows_at_1366_px(self):
        """No top menu of the app hides behind Odoo's «+» on a 1366 px screen."""
        self.browser_size = "1366x768"
        new_test_user(
            self.env,
            login="screens_menus",
            password="screens_menus",
            groups="network_methodology.group_network_manager,base.group_system",
        )
        code = """
            const deadline = Date.now() + 20000;
            (function check() {
                const sections = document.querySelectorAll(
                    ".o_menu_sections > .o-dropdown, .o_menu_sections > a"
                );
                if (!sections.length) {
                    if (Date.now() > deadline) { console.error("no top menus"); return; }
                    return setTimeout(check, 200);
                }
                setTimeout(() => {
                    const more = document.querySelector(".o_menu_sections_more");
                    if (more) {
                        console.error("top menus hidden behind «+»");
                    } else {
                        console.log("test successful");
                    }
                }, 1000);
            })();
        """
        self.browser_js("/odoo/network-events", code, login="screens_menus")
