import base64
from datetime import date, timedelta

from odoo import Command, fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_common import COUNTERS, GovernancePortalCommon

SCAN = b"%PDF-1.4 signed minutes"


@tagged("post_install", "-at_install")
class TestPortalCouncils(GovernancePortalCommon):
    """A council's pages and minutes are its members': the executor's coordinator and the
    teacher sit on the council, the applicant's coordinator does not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approved = cls._ready_minutes(cls._held_meeting(location="Room 12"))
        cls.approved.minutes = "<p>Решили: утвердить план сети.</p>"
        cls.approved.action_approve()
        cls.approved.write(
            {"minutes_scan": base64.b64encode(SCAN), "minutes_scan_filename": "minutes.pdf"}
        )
        cls.held = cls._held_meeting(location="Room 14")
        cls.held.minutes = "<p>Черновик протокола</p>"
        cls.other_meeting = cls._create_meeting(cls.other_council, location="Room 99")

    def test_member_reads_councils_meetings_and_minutes(self):
        for user in (self.coordinator_exec, self.teacher_user):
            with self.subTest(user=user.login):
                self._login(user)
                listing = self.url_open("/my/network/councils")
                self.assertEqual(listing.status_code, 200)
                self.assertIn(self.council.name, listing.text)
                self.assertNotIn(self.other_council.name, listing.text)
                page = self.url_open(self.council.access_url)
                self.assertEqual(page.status_code, 200)
                self.assertIn(self.chair.name, page.text)
                self.assertIn(self.approved.access_url, page.text)
                meeting = self.url_open(self.approved.access_url)
                self.assertEqual(meeting.status_code, 200)
                self.assertIn("Решили: утвердить план сети.", meeting.text)
                self.assertIn(f"{self.approved.access_url}/scan", meeting.text)
                scan = self.url_open(f"{self.approved.access_url}/scan")
                self.assertEqual(scan.content, SCAN)
                # minutes are shown once approved
                held = self.url_open(self.held.access_url)
                self.assertEqual(held.status_code, 200)
                self.assertIn("Room 14", held.text)
                self.assertNotIn("Черновик протокола", held.text)
                self.assertEqual(self.url_open(f"{self.held.access_url}/scan").status_code, 404)

    @mute_logger("odoo.http")
    def test_non_members_reach_nothing(self):
        urls = [
            self.council.access_url,
            self.approved.access_url,
            f"{self.approved.access_url}/scan",
            self.other_council.access_url,
            self.other_meeting.access_url,
        ]
        self._login(self.coordinator_appl)
        listing = self.url_open("/my/network/councils")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(self.council.name, listing.text)
        for url in urls:
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(SCAN, response.content)
        # share tokens open nothing either: the minutes are the members' only
        token = self.approved.sudo()._portal_ensure_token()
        response = self.url_open(f"{self.approved.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 404)
        self.assertEqual(
            self.url_open(f"/my/network/meetings/{self.approved.id + 100000}").status_code, 404
        )
        # a member of another council reads that council only
        self._login(self.coordinator_exec)
        self.assertEqual(self.url_open(self.other_meeting.access_url).status_code, 404)
        for user, reason in ((self.stranger, "not_member"), (self.internal, "internal")):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                for url in ["/my/network/councils", *urls]:
                    response = self.url_open(url)
                    self.assertEqual(response.status_code, 403)
                    self.assertIn(f'data-reason="{reason}"', response.text)


@tagged("post_install", "-at_install")
class TestPortalDocuments(GovernancePortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.regulation = cls._create_order(
            name="12-од",
            order_kind="regulation",
            subject="Положение о сетевом тьюторе",
            document=base64.b64encode(b"%PDF regulation"),
            document_filename="regulation.pdf",
        )
        cls.old = cls._create_order(name="3-од", subject="Старое положение")
        cls.draft = cls._create_order(subject="Проект приказа о ресурсах")
        (cls.regulation | cls.old).sudo().action_put_in_force()
        cls.old.sudo().action_cancel("Утратило силу")

    @mute_logger("odoo.http")
    def test_members_read_the_register(self):
        self._login(self.teacher_user)
        listing = self.url_open("/my/network/documents")
        self.assertIn("Положение о сетевом тьюторе", listing.text)
        self.assertNotIn("Старое положение", listing.text)  # in force by default
        self.assertNotIn("Проект приказа о ресурсах", listing.text)
        every = self.url_open("/my/network/documents?filterby=all")
        self.assertIn("Старое положение", every.text)
        self.assertNotIn("Проект приказа о ресурсах", every.text)
        found = self.url_open("/my/network/documents?filterby=all&search_in=subject&search=тьютор")
        self.assertIn("Положение о сетевом тьюторе", found.text)
        self.assertNotIn("Старое положение", found.text)
        by_number = self.url_open("/my/network/documents?filterby=all&search_in=name&search=3-од")
        self.assertIn("Старое положение", by_number.text)
        page = self.url_open(self.regulation.access_url)
        self.assertEqual(page.status_code, 200)
        file = self.url_open(f"{self.regulation.access_url}/file")
        self.assertEqual(file.content, b"%PDF regulation")
        self.assertEqual(self.url_open(self.old.access_url).status_code, 200)
        self.assertEqual(self.url_open(f"{self.old.access_url}/file").status_code, 404)
        for url in (self.draft.access_url, f"{self.draft.access_url}/file"):
            self.assertEqual(self.url_open(url).status_code, 404)
        self.authenticate(self.stranger.login, self.stranger.login)
        self.assertEqual(self.url_open(self.regulation.access_url).status_code, 403)
        self.assertEqual(self.url_open(f"{self.regulation.access_url}/file").status_code, 403)


@tagged("post_install", "-at_install")
class TestPortalResources(GovernancePortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lab = cls._create_resource(cls.executor, name="Лаборатория робототехники")
        cls.library = cls._create_resource(
            cls.third_org, name="Электронная библиотека", resource_kind="digital"
        )
        cls.closed = cls._create_resource(cls.third_org, name="Закрытый зал", is_available=False)
        cls.today = fields.Date.today()

    def _form(self, **values):
        return {
            "participants": "15",
            "date_from": (self.today + timedelta(days=10)).isoformat(),
            "date_to": (self.today + timedelta(days=10)).isoformat(),
            "purpose": "Занятие кружка",
            **values,
        }

    def _requests(self, resource=None):
        return self.env["network.resource.request"].search(
            [("resource_id", "=", (resource or self.lab).id)]
        )

    def test_catalogue_beside_the_offers(self):
        self._login(self.coordinator_appl)
        catalogue = self.url_open("/my/network/catalogue")
        self.assertIn('href="/my/network/resources"', catalogue.text)
        listing = self.url_open("/my/network/resources")
        self.assertIn("Лаборатория робототехники", listing.text)
        self.assertIn("Электронная библиотека", listing.text)
        self.assertNotIn("Закрытый зал", listing.text)
        digital = self.url_open("/my/network/resources?resource_kind=digital")
        self.assertNotIn("Лаборатория робототехники", digital.text)
        self.assertIn("Электронная библиотека", digital.text)
        found = self.url_open("/my/network/resources?search_in=organization&search=executor school")
        self.assertIn("Лаборатория робототехники", found.text)
        self.assertNotIn("Электронная библиотека", found.text)
        page = self.url_open(self.lab.access_url)
        self.assertIn("o_network_resource_request_form", page.text)
        self.assertEqual(self.url_open(self.closed.access_url).status_code, 404)
        # a teacher browses without requesting; the owner sees theirs without a form
        self._login(self.teacher_user)
        self.assertNotIn("o_network_resource_request_form", self.url_open(self.lab.access_url).text)
        self._login(self.coordinator_exec)
        self.assertNotIn("o_network_resource_request_form", self.url_open(self.lab.access_url).text)

    def test_request_a_resource(self):
        self._login(self.coordinator_appl)
        response = self._post(f"{self.lab.access_url}/request", self._form())
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(
            (request.state, request.requester_id, request.participants, request.purpose),
            ("submitted", self.applicant, 15, "Занятие кружка"),
        )
        self.assertTrue(response.url.endswith(request.access_url))
        self.assertIn(request.name, self.url_open("/my/network/resource-requests").text)

    @mute_logger("odoo.http")
    def test_bad_input_saves_nothing(self):
        self._login(self.coordinator_appl)
        yesterday = (self.today - timedelta(days=1)).isoformat()
        for case, values in {
            "no participants": {"participants": "0"},
            "date in the past": {"date_from": yesterday},
            "period backwards": {"date_to": self.today.isoformat()},
            "no purpose": {"purpose": "   "},
        }.items():
            with self.subTest(case=case):
                response = self._post(f"{self.lab.access_url}/request", self._form(**values))
                self.assertEqual(response.status_code, 200)
                self.assertIn("invalid-feedback", response.text)
                self.assertFalse(self._requests())
        # own resource, unavailable one, teacher, stranger
        self._login(self.coordinator_exec)
        self.assertEqual(
            self._post(f"{self.lab.access_url}/request", self._form()).status_code, 403
        )
        self._login(self.coordinator_appl)
        response = self._post(f"{self.closed.access_url}/request", self._form())
        self.assertEqual(response.status_code, 404)
        self._login(self.teacher_user)
        self.assertEqual(
            self._post(f"{self.lab.access_url}/request", self._form()).status_code, 403
        )
        self.authenticate(self.stranger.login, self.stranger.login)
        self.assertEqual(
            self._post(f"{self.lab.access_url}/request", self._form()).status_code, 403
        )
        self.assertFalse(self._requests() | self._requests(self.closed))


@tagged("post_install", "-at_install")
class TestPortalResourceRequests(GovernancePortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lab = cls._create_resource(cls.executor, name="Лаборатория")
        cls.hall = cls._create_resource(cls.third_org, name="Зал")

    def _request(self, resource=None, requester=None):
        request = self.env["network.resource.request"].create(
            {
                "requester_id": (requester or self.applicant).id,
                "resource_id": (resource or self.lab).id,
                "purpose": "Семинар",
            }
        )
        request.action_submit()
        return request

    @mute_logger("odoo.http")
    def test_provider_answers_applicant_cancels(self):
        request = self._request()
        url = request.access_url
        self._login(self.coordinator_appl)
        page = self.url_open(url)
        self.assertIn("o_network_resource_request_cancel", page.text)
        self.assertNotIn("o_network_resource_request_accept", page.text)
        # the applicant does not answer its own request
        self.assertEqual(self._post(f"{url}/accept").status_code, 403)
        self.assertEqual(request.state, "submitted")
        self._login(self.coordinator_exec)
        self.assertIn("o_network_resource_request_accept", self.url_open(url).text)
        self.assertEqual(self._post(f"{url}/cancel").status_code, 403)
        self._post(f"{url}/accept")
        self.assertEqual(request.state, "accepted")
        # answering twice is refused on the page, nothing changes
        response = self._post(f"{url}/accept")
        self.assertIn("o_network_alert", response.text)
        self.assertEqual(request.state, "accepted")
        self._post(f"{url}/done")
        self.assertEqual(request.state, "done")

    def test_reject_needs_a_reason(self):
        request = self._request()
        url = request.access_url
        self._login(self.coordinator_exec)
        response = self._post(f"{url}/reject", {"reason": "   "})
        self.assertIn("o_network_alert", response.text)
        self.assertEqual(request.state, "submitted")
        self._post(f"{url}/reject", {"reason": "Зал на ремонте"})
        self.assertEqual((request.state, request.rejection_reason), ("rejected", "Зал на ремонте"))

    def test_applicant_cancels(self):
        request = self._request()
        self._login(self.coordinator_appl)
        self._post(f"{request.access_url}/cancel")
        self.assertEqual(request.state, "cancelled")

    @mute_logger("odoo.http")
    def test_foreign_requests(self):
        foreign = self._request(self.hall, self.executor)
        self._login(self.coordinator_appl)
        listing = self.url_open("/my/network/resource-requests")
        self.assertNotIn(foreign.name, listing.text)
        self.assertEqual(self.url_open(foreign.access_url).status_code, 404)
        for action in ("accept", "reject", "cancel", "done"):
            with self.subTest(action=action):
                response = self._post(f"{foreign.access_url}/{action}", {"reason": "x"})
                self.assertEqual(response.status_code, 404)
        self.assertEqual(foreign.state, "submitted")
        self._login(self.teacher_user)
        self.assertEqual(self.url_open("/my/network/resource-requests").status_code, 403)

    def test_discussion_between_the_parties(self):
        request = self._request()
        self._login(self.coordinator_appl)
        page = self.url_open(request.access_url)
        self.assertIn("o_portal_chatter", page.text)


@tagged("post_install", "-at_install")
class TestPortalRoadmapAndMatrix(GovernancePortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._create_event()
        cls.hidden_event = cls._create_event(network=False)
        Line = cls.env["network.project.roadmap.line"]
        cls.line_exec = Line.create(
            {
                "project_id": cls.subproject.id,
                "name": "Серия семинаров",
                "organization_id": cls.executor.id,
                "date_deadline": date(1991, 3, 15),
                "event_ids": [Command.set((cls.event | cls.hidden_event).ids)],
                "offer_ids": [Command.set(cls.offer.ids)],
            }
        )
        cls.line_appl = Line.create(
            {
                "project_id": cls.project.id,
                "name": "Мониторинг детских садов",
                "organization_id": cls.applicant.id,
                "date_deadline": date(1991, 4, 10),
            }
        )

    def test_road_map_by_month(self):
        self._login(self.coordinator_exec)
        page = self.url_open("/my/network/roadmap?filterby=all&search_in=project&search=Test")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Серия семинаров", page.text)
        self.assertIn("Мониторинг детских садов", page.text)
        self.assertIn("o_network_roadmap_month", page.text)
        self.assertIn(f"/my/network/events/{self.event.id}", page.text)
        self.assertNotIn(f"/my/network/events/{self.hidden_event.id}", page.text)
        self.assertIn(self.offer.access_url, page.text)
        ours = self.url_open("/my/network/roadmap?filterby=ours")
        self.assertIn("Серия семинаров", ours.text)
        self.assertNotIn("Мониторинг детских садов", ours.text)
        project = self.url_open(f"/my/network/roadmap?filterby=all&project_id={self.subproject.id}")
        self.assertIn("Серия семинаров", project.text)
        self.assertNotIn("Мониторинг детских садов", project.text)
        self._login(self.teacher_user)
        self.assertIn("Серия семинаров", self.url_open("/my/network/roadmap?filterby=all").text)

    @mute_logger("odoo.http")
    def test_road_map_refused_to_strangers(self):
        self.authenticate(self.stranger.login, self.stranger.login)
        self.assertEqual(self.url_open("/my/network/roadmap").status_code, 403)

    def test_matrix_by_direction(self):
        year = self.env["network.school.year"]._get_current()
        if not year:
            self.skipTest("no current school year in this database")
        direction = self._create_direction(year, name="Направление для матрицы")
        self._login(self.coordinator_exec)
        page = self.url_open(f"/network/matrix?year_id={year.id}")
        self.assertIn("Направление для матрицы", page.text)
        narrowed = self.url_open(f"/network/matrix?year_id={year.id}&direction_id={direction.id}")
        self.assertEqual(narrowed.status_code, 200)
        self.assertIn("o_network_matrix_direction_note", narrowed.text)
        # a direction of another year shows the year's whole matrix
        other = self._create_direction(name="Направление 1990")
        whole = self.url_open(f"/network/matrix?year_id={year.id}&direction_id={other.id}")
        self.assertNotIn("o_network_matrix_direction_note", whole.text)
        # a visitor is sent to the login page when the matrix is not public, the direction
        # notwithstanding
        self.env["ir.config_parameter"].set_param("network_methodology.matrix_public", False)
        self.authenticate(None, None)
        response = self.url_open(
            f"/network/matrix?direction_id={direction.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_offer_form_names_the_direction(self):
        year = self.env["network.school.year"]._get_current()
        if not year:
            self.skipTest("no current school year in this database")
        direction = self._create_direction(year, name="Направление школ", kinds=["school"])
        kindergartens = self._create_direction(year, name="Для садов", kinds=["kindergarten"])
        self._login(self.coordinator_exec)
        form = self.url_open("/my/network/offers/new")
        self.assertIn("Направление школ", form.text)
        self.assertNotIn("Для садов", form.text)
        values = {
            "name": "Тема с направлением",
            "event_form": "seminar",
            "audience": "teachers",
            "duration_hours": "2",
            "presenter_ids": [self.presenter.id],
        }
        response = self._post("/my/network/offers/new", dict(values, direction_id=kindergartens.id))
        self.assertIn("invalid-feedback", response.text)
        self._post("/my/network/offers/new", dict(values, direction_id=direction.id))
        offer = self.env["network.offer"].search([("name", "=", "Тема с направлением")])
        self.assertEqual(offer.direction_id, direction)
        self.assertIn("Направление школ", self.url_open(offer.access_url).text)


@tagged("post_install", "-at_install")
class TestPortalHome(GovernancePortalCommon):
    def test_counters_per_role(self):
        self._create_resource(self.third_org)
        self._create_order(name="77").sudo().action_put_in_force()
        self._login(self.coordinator_exec)
        values = self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
        self.assertEqual(set(values), set(COUNTERS))
        self.assertEqual(values["network_council_count"], 1)
        self._login(self.coordinator_appl)
        values = self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
        self.assertEqual(values["network_council_count"], 0)
        self.assertGreaterEqual(values["network_resource_count"], 1)
        self.assertGreaterEqual(values["network_document_count"], 1)
        self._login(self.teacher_user)
        values = self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS})
        self.assertEqual(set(values), set(COUNTERS) - {"network_resource_request_count"})
        self.assertEqual(values["network_council_count"], 1)
        home = self.url_open("/my/home")
        self.assertIn("/my/network/councils", home.text)
        self.assertIn("/my/network/roadmap", home.text)
        self.assertNotIn("/my/network/resource-requests", home.text)
        self.authenticate(self.stranger.login, self.stranger.login)
        self.assertEqual(self.make_jsonrpc_request("/my/counters", {"counters": COUNTERS}), {})
