"""What an attacker tried against the portal (security issue 9): each test failed before its fix.

Over real HTTP as each kind of user, and through the ORM as that user (what JSON-RPC runs)."""

import io
from datetime import date, timedelta
from urllib.parse import unquote

from lxml import html as lxml_html

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .portal_common import NetworkPortalCommon

HOSTILE_HTML = (
    '<a href="https://evil.example.com/login">Войти</a>'
    '<img src="https://evil.example.com/pixel.png">'
    '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>'
)


def assert_inert_html(case, html):
    """What the portal stored shows text only: no image, no style, no element but paragraphs,
    line breaks and links that show their own address (typed URLs become links, as in the
    chatter; a link disguised under other text is not possible)."""
    for element in lxml_html.fragment_fromstring(str(html), create_parent="div").iter():
        case.assertIn(element.tag, ("div", "p", "br", "a"))
        case.assertFalse(set(element.attrib) - {"href", "target", "rel"})
        if element.tag == "a":
            case.assertEqual(element.text_content(), unquote(element.get("href")))


@tagged("post_install", "-at_install")
class TestPortalSecurity(NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # somebody who signed up: a portal user of a company that is not in the network
        outsider_company = cls.env["res.partner"].create(
            {"name": "Outsider LLC", "is_company": True}
        )
        cls.stranger = cls._create_portal_user(
            "stranger",
            cls.env["res.partner"].create(
                {"name": "Stranger", "parent_id": outsider_company.id, "email": "s@example.com"}
            ),
        )
        cls.event = cls._create_event(date_begin=fields.Datetime.now() + timedelta(days=7))

    # ------------------------------------------------------------------ 2. sign-up, strangers
    def test_sign_up_is_on_invitation_only(self):
        scope = self.env["ir.config_parameter"].get_param("auth_signup.invitation_scope")
        self.assertEqual(scope, "b2b")
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/web/signup").status_code, 404)

    @mute_logger("odoo.http")
    def test_stranger_reads_nothing_of_the_network(self):
        self._login(self.stranger)
        for url in (
            "/my/network/catalogue",
            f"/my/network/offers/{self.offer.id}",
            "/my/network/events",
            f"/my/network/events/{self.event.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 403)
                self.assertIn("o_network_denied", response.text)
                self.assertNotIn(self.offer.name, response.text)
                self.assertNotIn(self.presenter.name, response.text)
        self.assertNotIn("/my/network/catalogue", self.url_open("/my/home").text)
        # the models through JSON-RPC: the record rules, not only the pages
        for model in ("network.offer", "event.event", "network.project", "network.school.year"):
            with self.subTest(model=model):
                self.assertEqual(self._rpc(model, "search_read", [], ["id"]), [])
        User = self.env["res.users"]
        self.assertFalse(self.env["network.offer"].with_user(self.stranger).search([]))
        self.assertFalse(self.env["event.event"].with_user(self.stranger).search([]))
        self.assertEqual(User.browse(self.stranger.id)._network_portal_role()[0], False)

    def test_organization_leaving_the_network_loses_the_portal(self):
        self._login(self.coordinator_appl)
        self.assertEqual(self.url_open("/my/network/catalogue").status_code, 200)
        Offer = self.env["network.offer"].with_user(self.coordinator_appl)
        self.assertIn(self.offer, Offer.search([]))
        self.applicant.is_network_member = False
        self.assertNotIn(self.offer, Offer.search([]))  # the cached rule domains follow
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/network/catalogue").status_code, 403)

    # ------------------------------------------------------------------ 3. internal users
    @mute_logger("odoo.http")
    def test_internal_user_does_not_act_for_a_school(self):
        department = new_test_user(
            self.env,
            login="dept_in_school",
            password="dept_in_school",
            groups="network_methodology.group_network_department",
        )
        department.partner_id.parent_id = self.applicant
        network_request = self._create_request()
        network_request.action_submit()
        self.authenticate("dept_in_school", "dept_in_school")
        response = self.url_open("/my/network/requests")
        self.assertEqual(response.status_code, 403)
        self.assertIn("o_network_denied", response.text)
        response = self._post(f"/my/network/requests/{network_request.id}/cancel")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(network_request.state, "submitted")
        response = self._post(
            f"/my/network/offers/{self.offer.id}/request", {"participants_planned": "3"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(
            self.env["network.request"].search_count([("offer_id", "=", self.offer.id)]), 1
        )

    # ------------------------------------------------------------------ 4. stored HTML
    def test_portal_text_is_stored_as_text(self):
        self._login(self.coordinator_exec)
        self._post(
            "/my/network/offers/new",
            {
                "name": "Оценивание",
                "event_form": "seminar",
                "audience": "teachers",
                "duration_hours": "2",
                "presenter_ids": [self.presenter.id],
                "description": HOSTILE_HTML,
            },
        )
        offer = self.env["network.offer"].search(
            [("organization_id", "=", self.executor.id)], order="id desc", limit=1
        )
        assert_inert_html(self, offer.description)
        self.assertIn("&lt;a href", offer.description)  # shown as typed
        offer.action_publish()
        self._login(self.coordinator_appl)
        page = lxml_html.fromstring(self.url_open(offer.access_url).text)
        self.assertFalse(page.xpath("//img[contains(@src, 'evil.example.com')]"))
        self.assertFalse(page.xpath("//*[contains(@style, 'position:fixed')]"))
        self.assertFalse(page.xpath("//a[normalize-space() = 'Войти']"))
        self.assertTrue(page.xpath("//p[contains(., '<img src=')]"))  # the text as typed

    def test_material_description_is_stored_as_text(self):
        self._login(self.coordinator_exec)
        event = self._create_event()
        self._post(
            "/my/network/materials/new",
            {
                "name": "Конспект",
                "material_type": "methodical",
                "event_id": event.id,
                "author_ids": [self.presenter.id],
                "description": HOSTILE_HTML,
            },
            files=[("files", ("lesson.pdf", io.BytesIO(b"%PDF-1.4 lesson"), "application/pdf"))],
        )
        material = self.env["network.material"].search(
            [("organization_id", "=", self.executor.id)], order="id desc", limit=1
        )
        self.assertEqual(material.name, "Конспект")
        assert_inert_html(self, material.description)

    # ------------------------------------------------------------------ 5. messages
    def test_no_message_from_the_url(self):
        network_request = self._create_request()
        network_request.action_submit()
        self._login(self.coordinator_appl)
        for url in (network_request.access_url, self.offer.access_url):
            with self.subTest(url=url):
                page = self.url_open(f"{url}?error=Ваш+пароль+истёк.+Войдите+на+evil.example.com")
                self.assertEqual(page.status_code, 200)
                self.assertNotIn("evil.example.com", page.text)

    # ------------------------------------------------------------------ 6. chatter
    def test_portal_user_notifies_only_the_parties(self):
        network_request = self._create_request()
        network_request.action_submit()
        outsider = self.env["res.partner"].create({"name": "Someone", "email": "x@example.com"})
        third = self._create_coordinator("coord_third_sec", self.third_org, "Third")
        # as the portal's chatter posts: the user's identity, superuser rights
        as_applicant = network_request.with_user(self.coordinator_appl).sudo()
        for partner in (outsider, third.partner_id):
            with self.subTest(partner=partner.name), self.assertRaises(AccessError):
                as_applicant.message_post(body="Смотрите", partner_ids=partner.ids)
        self.assertFalse(network_request.message_ids.filtered(lambda m: outsider in m.partner_ids))
        # the other party may be notified
        message = as_applicant.message_post(
            body="Ждём вас", partner_ids=self.coordinator_exec.partner_id.ids
        )
        self.assertEqual(message.partner_ids, self.coordinator_exec.partner_id)
        # and through JSON-RPC
        self._login(self.coordinator_appl)
        error = self._rpc(
            "network.request",
            "message_post",
            [network_request.id],
            body="Смотрите",
            partner_ids=outsider.ids,
        )
        self.assertIn("AccessError", str(error))

    def test_department_stays_read_only_in_the_chatter(self):
        department = self._create_user(
            "dept_chatter", "network_methodology.group_network_department"
        )
        network_request = self._create_request()
        network_request.action_submit()
        as_department = network_request.with_user(department)
        self.assertTrue(as_department.read(["name"]))
        with self.assertRaises(AccessError):
            as_department.message_post(body="Комментарий")
        with self.assertRaises(AccessError):
            as_department.message_subscribe(partner_ids=department.partner_id.ids)
        self.assertNotIn(department.partner_id, network_request.message_partner_ids)
        # the parties still discuss it in the portal
        self._login(self.coordinator_exec)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "network.request",
                "thread_id": network_request.id,
                "post_data": {"body": "Принято", "message_type": "comment"},
            },
        )
        self.assertIn("Принято", network_request.message_ids[0].body)

    # ------------------------------------------------------------------ 7. share tokens
    def test_lists_link_without_share_tokens(self):
        network_request = self._create_request()
        network_request.action_submit()
        self._create_agreement()
        self._create_material(organization_id=self.executor.id)
        self._login(self.coordinator_exec)
        for url in (
            "/my/network/requests",
            "/my/network/offers",
            "/my/network/agreements",
            "/my/network/materials",
            f"/my/network/offers/{self.offer.id}",
        ):
            with self.subTest(url=url):
                page = self.url_open(url)
                self.assertEqual(page.status_code, 200)
                self.assertNotIn("access_token", page.text)
        self._login(self.coordinator_appl)
        self.assertNotIn("access_token", self.url_open("/my/network/catalogue").text)

    # ------------------------------------------------------------------ 9. robustness
    def test_far_preferred_date_is_refused(self):
        self._login(self.coordinator_appl)
        url = f"/my/network/offers/{self.offer.id}/request"
        response = self._post(url, {"participants_planned": "3", "date_wished": "9999-12-31"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("is-invalid", response.text)
        self.assertFalse(self.env["network.request"].search([("offer_id", "=", self.offer.id)]))
        network_request = self._create_request()
        with self.assertRaises(ValidationError):
            network_request.date_wished = date(9999, 12, 31)

    def test_nul_byte_and_bad_ids_do_not_break_pages(self):
        self._login(self.coordinator_appl)
        for url in (
            "/my/network/catalogue?search=%00x&search_in=name",
            "/my/network/requests?search=a%00&search_in=offer",
            "/my/network/catalogue?project_id=abc",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 200)
        department = new_test_user(
            self.env,
            login="dept_xlsx",
            password="dept_xlsx",
            groups="network_methodology.group_network_department",
        )
        self.authenticate(department.login, "dept_xlsx")
        with mute_logger("odoo.http"):
            response = self.url_open(f"/network/kpi/xlsx/{self.year.id}?project_id=abc")
        self.assertEqual(response.status_code, 404)

    def test_duration_below_half_an_hour_is_refused(self):
        self._login(self.coordinator_exec)
        count = self.env["network.offer"].search_count([])
        response = self._post(
            "/my/network/offers/new",
            {
                "name": "Короткая встреча",
                "event_form": "seminar",
                "audience": "teachers",
                "duration_hours": "0.01",
                "presenter_ids": [self.presenter.id],
            },
        )
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.env["network.offer"].search_count([]), count)
        with self.assertRaises(ValidationError):
            self.offer.duration_hours = 0.01

    def test_offer_page_shows_a_refusal(self):
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        offer.presenter_ids = False  # cannot be submitted without presenters
        self._login(self.coordinator_exec)
        response = self._post(f"/my/network/offers/{offer.id}/submit")
        self.assertEqual(offer.state, "draft")
        self.assertIn("alert-danger", response.text)
        self.assertIn(offer.name, response.text)

    def test_second_pending_request_for_an_offer_is_refused(self):
        self._login(self.coordinator_appl)
        url = f"/my/network/offers/{self.offer.id}/request"
        for _i in range(3):
            self._post(url, {"participants_planned": "3"})
        requests = self.env["network.request"].search(
            [("offer_id", "=", self.offer.id), ("requester_id", "=", self.applicant.id)]
        )
        self.assertEqual(len(requests), 1)
        self.assertEqual(requests.state, "submitted")
        with self.assertRaisesDatabase():
            self._create_request(self.offer)
        # once withdrawn, the offer can be requested again
        requests.action_cancel()
        self._post(url, {"participants_planned": "3"})
        self.assertEqual(
            self.env["network.request"].search_count(
                [("offer_id", "=", self.offer.id), ("state", "=", "submitted")]
            ),
            1,
        )

    def test_total_size_of_a_material_is_bounded(self):
        self.env["ir.config_parameter"].set_param("network_methodology.material_max_mb", 1)
        self.env["ir.config_parameter"].set_param("network_methodology.material_max_total_mb", 1)
        self._login(self.coordinator_exec)
        count = self.env["network.material"].search_count([])
        chunk = b"%PDF-1.4 " + b"x" * (600 * 1024)
        response = self._post(
            "/my/network/materials/new",
            {
                "name": "Большой архив",
                "material_type": "methodical",
                "event_id": self._create_event().id,
                "author_ids": [self.presenter.id],
            },
            files=[
                ("files", (f"part{i}.pdf", io.BytesIO(chunk), "application/pdf")) for i in range(2)
            ],
        )
        self.assertIn("is-invalid", response.text)
        self.assertEqual(self.env["network.material"].search_count([]), count)
