import base64
import io
from datetime import date, timedelta

import openpyxl

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_common import COUNTERS, NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalCoordinator(NetworkPortalCommon):
    """Coordinators of two organizations act for their own and nothing else, by links or by
    forged requests (foreign ids, foreign access tokens, POSTs to foreign records)."""

    def _offer_form(self, **values):
        return {
            "name": "Формирующее оценивание",
            "event_form": "master_class",
            "audience": "teachers",
            "duration_hours": "2",
            "presenter_ids": [self.presenter.id],
            "description": "Опыт школы",
            **values,
        }

    def _offer_count(self, org):
        return self.env["network.offer"].search_count([("organization_id", "=", org.id)])

    def test_home_counters_per_role(self):
        self._create_agreement()
        counters = COUNTERS
        self._login(self.coordinator_exec)
        values = self.make_jsonrpc_request("/my/counters", {"counters": counters})
        # the portal's script fills one placeholder per key: counters only
        self.assertEqual(set(values), set(counters) - {"network_token_count"})
        # the executor's cooperation agreement (signed by _create_org) and the new one
        self.assertEqual(values["network_agreement_count"], 2)
        self.assertEqual(values["network_offer_count"], self._offer_count(self.executor))
        self.assertNotIn("network_token_count", values)
        self._login(self.teacher_user)
        values = self.make_jsonrpc_request("/my/counters", {"counters": counters})
        self.assertEqual(
            set(values) & set(counters),
            {"network_catalogue_count", "network_event_count", "network_token_count"},
        )
        # the applicant sees its own cooperation agreement only
        self._login(self.coordinator_appl)
        self.assertEqual(
            self.make_jsonrpc_request("/my/counters", {"counters": counters})[
                "network_agreement_count"
            ],
            1,
        )
        home = self.url_open("/my/home")
        self.assertIn("/my/network/catalogue", home.text)

    def test_agreement_own_only(self):
        agreement = self._create_agreement(
            signed_scan=base64.b64encode(b"%PDF-1.4 scan"), signed_scan_filename="scan.pdf"
        )
        foreign = self._create_agreement(partner_id=self.third_org.id)
        self._login(self.coordinator_exec)
        listing = self.url_open("/my/network/agreements")
        self.assertIn(agreement.name, listing.text)
        self.assertNotIn(foreign.name, listing.text)
        page = self.url_open(f"/my/network/agreements/{agreement.id}")
        self.assertEqual(page.status_code, 200)
        scan = self.url_open(f"/web/content/network.agreement/{agreement.id}/signed_scan")
        self.assertEqual(scan.content, b"%PDF-1.4 scan")
        self.assertEqual(self.url_open(f"/my/network/agreements/{foreign.id}").status_code, 404)
        # a foreign record's token does not open another record
        token = foreign.sudo()._portal_ensure_token()
        self._login(self.coordinator_appl)
        for url in (
            f"/my/network/agreements/{agreement.id}",
            f"/my/network/agreements/{agreement.id}?access_token={token}",
            f"/my/network/agreements/{agreement.id}?access_token=",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        scan = self.url_open(f"/web/content/network.agreement/{agreement.id}/signed_scan")
        self.assertNotEqual(scan.content, b"%PDF-1.4 scan")
        # the record's own token is Odoo's way of sharing a document
        own_token = agreement.sudo()._portal_ensure_token()
        url = f"/my/network/agreements/{agreement.id}?access_token={own_token}"
        self.assertEqual(self.url_open(url).status_code, 200)

    def test_offer_create_edit_submit(self):
        self._login(self.coordinator_exec)
        before = self._offer_count(self.executor)
        response = self._post("/my/network/offers/new", self._offer_form())
        self.assertEqual(response.status_code, 200)
        offer = self.env["network.offer"].search(
            [("organization_id", "=", self.executor.id)], order="id desc", limit=1
        )
        self.assertEqual(self._offer_count(self.executor), before + 1)
        self.assertEqual(
            (offer.name, offer.state, offer.presenter_ids, offer.event_form),
            ("Формирующее оценивание", "draft", self.presenter, "master_class"),
        )
        self.assertTrue(response.url.endswith(f"/my/network/offers/{offer.id}"))
        self._post(f"/my/network/offers/{offer.id}/edit", self._offer_form(name="Новая тема"))
        self.assertEqual(offer.name, "Новая тема")
        self._post(f"/my/network/offers/{offer.id}/submit")
        self.assertEqual(offer.state, "submitted")
        # no more editing once submitted
        self._post(f"/my/network/offers/{offer.id}/edit", self._offer_form(name="Поздно"))
        self.assertEqual(offer.name, "Новая тема")

    def test_offer_bad_input_saves_nothing(self):
        self._login(self.coordinator_exec)
        before = self._offer_count(self.executor)
        cases = {
            "empty theme": {"name": "  "},
            "long theme": {"name": "x" * 256},
            "unknown form": {"event_form": "party"},
            "unknown audience": {"audience": "parents"},
            "zero duration": {"duration_hours": "0"},
            "not a number": {"duration_hours": "two"},
            "no presenter": {"presenter_ids": []},
            "foreign presenter": {"presenter_ids": [self.listener.id]},
            "unknown sub-project": {"project_id": "999999999"},
        }
        for case, values in cases.items():
            with self.subTest(case=case):
                response = self._post("/my/network/offers/new", self._offer_form(**values))
                self.assertEqual(response.status_code, 200)
                self.assertIn("invalid-feedback", response.text)
                self.assertEqual(self._offer_count(self.executor), before)
        # what was typed is kept
        response = self._post("/my/network/offers/new", self._offer_form(duration_hours="0"))
        self.assertIn("Формирующее оценивание", response.text)

    @mute_logger("odoo.http")
    def test_offer_foreign_and_forged(self):
        draft = self._create_offer(self.executor, self.presenter, publish=False)
        self._login(self.coordinator_appl)
        # another organization's draft does not exist for them
        self.assertEqual(self.url_open(draft.access_url).status_code, 404)
        response = self._post(f"/my/network/offers/{draft.id}/edit", self._offer_form(name="X"))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._post(f"/my/network/offers/{draft.id}/submit").status_code, 404)
        # a published one is readable but not theirs to change
        response = self._post(
            f"/my/network/offers/{self.offer.id}/edit", self._offer_form(name="X")
        )
        self.assertEqual(response.status_code, 403)
        self.assertNotEqual(self.offer.name, "X")
        self.assertEqual(draft.state, "draft")
        # POSTs without the CSRF token are refused
        self._login(self.coordinator_exec)
        response = self._post(f"/my/network/offers/{draft.id}/submit", {"x": "1"}, csrf=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(draft.state, "draft")
        # teachers do not manage offers
        self._login(self.teacher_user)
        self.assertEqual(self.url_open("/my/network/offers").status_code, 403)
        self.assertEqual(self._post("/my/network/offers/new", self._offer_form()).status_code, 403)

    def test_catalogue_and_request(self):
        hidden = self._create_offer(self.executor, self.presenter, publish=False)
        other = self._create_offer(self.third_org, self._create_teacher(self.third_org))
        self._login(self.coordinator_appl)
        page = self.url_open("/my/network/catalogue")
        self.assertIn(self.offer.name, page.text)
        self.assertNotIn(hidden.name, page.text)
        page = self.url_open("/my/network/catalogue?search_in=executor&search=executor school")
        self.assertIn(self.offer.name, page.text)
        self.assertNotIn(other.name, page.text)
        page = self.url_open(f"/my/network/catalogue?project_id={self.project.id}")
        self.assertIn(self.offer.name, page.text)  # sub-projects of the project count
        self.assertNotIn(other.name, page.text)
        wished = fields.Date.today() + timedelta(days=20)
        response = self._post(
            f"/my/network/offers/{self.offer.id}/request",
            {"participants_planned": "12", "date_wished": wished.isoformat(), "comment": "Ждём"},
        )
        network_request = self.env["network.request"].search(
            [("offer_id", "=", self.offer.id), ("requester_id", "=", self.applicant.id)]
        )
        self.assertEqual(len(network_request), 1)
        self.assertEqual(
            (
                network_request.state,
                network_request.participants_planned,
                network_request.date_wished,
            ),
            ("submitted", 12, wished),
        )
        self.assertTrue(response.url.endswith(network_request.access_url))
        self.assertIn(network_request.name, self.url_open("/my/network/requests").text)

    @mute_logger("odoo.http")
    def test_request_bad_input_saves_nothing(self):
        Request = self.env["network.request"]
        count = Request.search_count([])
        self._login(self.coordinator_appl)
        yesterday = (fields.Date.today() - timedelta(days=1)).isoformat()
        for case, values in {
            "zero participants": {"participants_planned": "0"},
            "too many": {"participants_planned": "501"},
            "not a number": {"participants_planned": "many"},
            "past date": {"participants_planned": "3", "date_wished": yesterday},
            "bad date": {"participants_planned": "3", "date_wished": "31.02.2026"},
            "long comment": {"participants_planned": "3", "comment": "x" * 5001},
        }.items():
            with self.subTest(case=case):
                response = self._post(f"/my/network/offers/{self.offer.id}/request", values)
                self.assertEqual(response.status_code, 200)
                self.assertIn("invalid-feedback", response.text)
                self.assertEqual(Request.search_count([]), count)
        # own offer, another's draft, teacher: refused
        self._login(self.coordinator_exec)
        response = self._post(
            f"/my/network/offers/{self.offer.id}/request", {"participants_planned": "3"}
        )
        self.assertEqual(response.status_code, 403)
        draft = self._create_offer(
            self.third_org, self._create_teacher(self.third_org), publish=False
        )
        response = self._post(
            f"/my/network/offers/{draft.id}/request", {"participants_planned": "3"}
        )
        self.assertEqual(response.status_code, 404)
        self._login(self.teacher_user)
        response = self._post(
            f"/my/network/offers/{self.offer.id}/request", {"participants_planned": "3"}
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Request.search_count([]), count)

    @mute_logger("odoo.http")
    def test_request_answer_sides(self):
        network_request = self._create_request()
        network_request.action_submit()
        url = f"/my/network/requests/{network_request.id}"
        # the applicant cannot accept or reject, the executor cannot cancel
        self._login(self.coordinator_appl)
        self.assertEqual(self._post(f"{url}/accept").status_code, 403)
        self.assertEqual(self._post(f"{url}/reject", {"reason": "no"}).status_code, 403)
        self._login(self.coordinator_exec)
        self.assertEqual(self._post(f"{url}/cancel").status_code, 403)
        self.assertEqual(network_request.state, "submitted")
        # reject needs a reason
        response = self._post(f"{url}/reject", {"reason": " "})
        self.assertIn("alert-danger", response.text)
        self.assertEqual(network_request.state, "submitted")
        self._post(f"{url}/accept")
        self.assertEqual(network_request.state, "accepted")
        # a refused transition is shown, nothing changes
        response = self._post(f"{url}/accept")
        self.assertIn("alert-danger", response.text)
        self.assertEqual(network_request.state, "accepted")
        self._login(self.coordinator_appl)
        self._post(f"{url}/cancel")
        self.assertEqual(network_request.state, "cancelled")
        # a third organization sees nothing of it
        third = self._create_coordinator("coord_third", self.third_org, "Third")
        self._login(third)
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self._post(f"{url}/accept").status_code, 404)
        self.assertNotIn(network_request.name, self.url_open("/my/network/requests").text)

    def test_request_reject_with_reason(self):
        network_request = self._create_request()
        network_request.action_submit()
        self._login(self.coordinator_exec)
        self._post(f"/my/network/requests/{network_request.id}/reject", {"reason": "Нет мест"})
        self.assertEqual(
            (network_request.state, network_request.rejection_reason), ("rejected", "Нет мест")
        )

    @mute_logger("odoo.http")
    def test_event_registration_by_coordinator(self):
        begin = fields.Datetime.now() + timedelta(days=10)
        event = self._create_event(date_begin=begin)
        colleague = self._create_teacher(self.applicant, "Colleague Olga")
        self._login(self.coordinator_appl)
        url = f"/my/network/events/{event.id}"
        self._post(f"{url}/register", {"teacher_ids": [self.listener.id, colleague.id]})
        registered = event.registration_ids.filtered(lambda r: r.state == "open").partner_id
        self.assertEqual(registered, self.listener | colleague)
        # a teacher of another organization cannot be registered by them
        response = self._post(f"{url}/register", {"teacher_ids": [self.listener_2.id]})
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(self.listener_2, event.registration_ids.partner_id)
        page = self.url_open(url)
        self.assertIn("Colleague Olga", page.text)
        self._post(f"{url}/unregister", {"teacher_ids": [colleague.id]})
        self.assertEqual(
            event.registration_ids.filtered(lambda r: r.state == "open").partner_id, self.listener
        )
        # the executor's coordinator does not see the applicant's teachers
        self._login(self.coordinator_exec)
        self.assertNotIn("Listener Anna", self.url_open(url).text)
        # a closed event is refused with a message
        past = self._create_event()
        response = self._post(
            f"/my/network/events/{past.id}/register", {"teacher_ids": [self.presenter.id]}
        )
        self.assertIn("alert-danger", response.text)
        self.assertFalse(past.registration_ids)
        # not a network event: does not exist for the portal
        other = self._create_event(network=False, date_begin=begin)
        self.assertEqual(self.url_open(f"/my/network/events/{other.id}").status_code, 404)

    def test_material_upload(self):
        event = self._create_event(
            host=self.applicant, presenters=self._create_teacher(self.applicant)
        )
        self._register(event, self.listener)
        Material = self.env["network.material"]
        count = Material.search_count([])
        self._login(self.coordinator_appl)
        form = {
            "name": "Конспект",
            "material_type": "methodical",
            "event_id": str(event.id),
            "author_ids": [self.listener.id],
        }
        files = {"files": ("lesson.pdf", b"%PDF-1.4 lesson", "application/pdf")}
        for case, values, upload in (
            ("bad type", form, {"files": ("run.exe", b"MZ", "application/octet-stream")}),
            ("no file", form, None),
            ("empty file", form, {"files": ("empty.pdf", b"", "application/pdf")}),
            ("foreign author", dict(form, author_ids=[self.presenter.id]), files),
            (
                "foreign event",
                dict(
                    form,
                    event_id=str(
                        self._create_event(
                            host=self.third_org, presenters=self._create_teacher(self.third_org)
                        ).id
                    ),
                ),
                files,
            ),
        ):
            with self.subTest(case=case):
                response = self._post("/my/network/materials/new", values, files=upload)
                self.assertIn("invalid-feedback", response.text)
                self.assertEqual(Material.search_count([]), count)
        self.env["ir.config_parameter"].set_param("network_methodology.material_max_mb", 1)
        too_large = {"files": ("lesson.pdf", b"%PDF" + b"0" * 1024 * 1024, "application/pdf")}
        response = self._post("/my/network/materials/new", form, files=too_large)
        self.assertIn("invalid-feedback", response.text)
        self.env["ir.config_parameter"].set_param("network_methodology.material_max_mb", 25)
        self.assertEqual(Material.search_count([]), count)
        self._post("/my/network/materials/new", form, files=files)
        material = Material.search([], order="id desc", limit=1)
        self.assertEqual(
            (material.name, material.organization_id, material.event_id, material.state),
            ("Конспект", self.applicant, event, "draft"),
        )
        self.assertEqual(base64.b64decode(material.attachment_ids.datas), b"%PDF-1.4 lesson")
        self._post(f"/my/network/materials/{material.id}/submit")
        self.assertEqual(material.state, "submitted")
        # the file is theirs to download, not another organization's
        file_url = f"{material.access_url}/files/{material.attachment_ids.id}"
        self.assertEqual(self.url_open(file_url).content, b"%PDF-1.4 lesson")
        self._login(self.coordinator_exec)
        self.assertEqual(self.url_open(material.access_url).status_code, 404)
        self.assertEqual(self.url_open(file_url).status_code, 404)
        # nor through Odoo's own download route
        attachment_url = f"/web/content/{material.attachment_ids.id}?download=true"
        self.assertNotEqual(self.url_open(attachment_url).content, b"%PDF-1.4 lesson")


@tagged("post_install", "-at_install")
class TestPortalTeacher(NetworkPortalCommon):
    def test_card_shows_own_tokens_only(self):
        own = self._create_token(self.listener)
        red = self._create_token(
            self.listener, role="presenter", event=self._create_event(presenters=self.listener)
        )
        other = self._create_token(self.listener_2)
        self._login(self.teacher_user)
        page = self.url_open("/my/network/card")
        self.assertEqual(page.status_code, 200)
        self.assertIn(own.event_id.name, page.text)
        self.assertIn(red.event_id.name, page.text)
        self.assertNotIn(other.event_id.name, page.text)
        self.assertIn(self.year.name, page.text)
        # coordinators have no card
        self._login(self.coordinator_appl)
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open("/my/network/card").status_code, 403)

    @mute_logger("odoo.http")
    def test_teacher_registers_and_cancels(self):
        event = self._create_event(
            date_begin=fields.Datetime.now() + timedelta(days=3),
            address_id=self.executor.id,
            description="<p>Программа семинара</p>",
        )
        self.executor.write({"street": "ул. Ленина, 1", "city": "Заречный"})
        self._login(self.teacher_user)
        url = f"/my/network/events/{event.id}"
        self.assertIn(event.name, self.url_open("/my/network/events").text)
        page = self.url_open(url).text  # what a teacher needs to come: where, when, what, who
        for text in ("ул. Ленина, 1", "Заречный", "Программа семинара", self.presenter.name):
            self.assertIn(text, page)
        self._post(f"{url}/register")
        registration = event.registration_ids
        self.assertEqual((registration.partner_id, registration.state), (self.listener, "open"))
        self._post(f"{url}/register")  # twice: still one registration
        self.assertEqual(len(event.registration_ids), 1)
        self._post(f"{url}/unregister")
        self.assertEqual(registration.state, "cancel")
        # they cannot register somebody else, nor act for the organization
        self._post(f"{url}/register", {"teacher_ids": [self._create_teacher(self.applicant).id]})
        self.assertEqual(
            event.registration_ids.filtered(lambda r: r.state == "open").partner_id, self.listener
        )
        for url in ("/my/network/requests", "/my/network/agreements", "/my/network/materials"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 403)

    def test_started_event_cannot_be_left(self):
        event = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=3))
        event._register_teachers(self.listener)
        event.write({"date_begin": fields.Datetime.now() - timedelta(hours=1)})
        self._login(self.teacher_user)
        response = self._post(f"/my/network/events/{event.id}/unregister")
        self.assertIn("alert-danger", response.text)
        self.assertEqual(event.registration_ids.state, "open")


@tagged("post_install", "-at_install")
class TestPortalMatrix(NetworkPortalCommon):
    def test_matrix_cells_and_access(self):
        day = {"date_request": date(1991, 2, 1)}
        done = self._create_request(**day)
        done.action_submit()
        done.write({"state": "done"})
        pending = self._create_request(**day)
        pending.action_submit()
        self._create_request(**day)  # a draft does not count
        third = self._create_request(requester=self.third_org, **day)
        third.action_submit()
        self._create_request(date_request=date(1990, 8, 31)).action_submit()  # the year before
        matrix = self.env["network.request"]._get_matrix(self.year)
        self.assertEqual(matrix["applicants"], self.applicant | self.third_org)
        self.assertEqual(matrix["executors"], self.executor)
        cell = matrix["cells"][self.applicant.id, self.executor.id]
        self.assertEqual((cell["requests"], cell["done"]), (2, 1))
        self.assertEqual(
            [(t["offer"], t["state"], t["count"]) for t in cell["themes"]],
            [(self.offer, "done", 1), (self.offer, "submitted", 1)],
        )
        self.assertEqual(matrix["columns"][self.executor.id], {"requests": 3, "done": 1})
        self.assertEqual(matrix["total"], {"requests": 3, "done": 1})
        url = f"/network/matrix?year_id={self.year.id}"
        self._login(self.teacher_user)
        page = self.url_open(url)
        self.assertIn("2/1", page.text)
        self.assertIn(self.third_org.name, page.text)
        # anonymous visitors: the rulebook's matrix is published by default, unless the
        # centre turns it off
        self.authenticate(None, None)
        self.assertIn("3/1", self.url_open(url).text)
        self.env["ir.config_parameter"].set_param("network_methodology.matrix_public", False)
        self.assertIn("/web/login", self.url_open(url).url)
        self.env["ir.config_parameter"].set_param("network_methodology.matrix_public", True)
        page = self.url_open(url)
        self.assertIn("3/1", page.text)

    def test_matrix_lists_every_declared_executor_and_filters(self):
        """Rulebook 3.3.1: every executor with declared experience is a column, also when
        nobody requested it yet; filters by sub-project and form; CSV and XLSX downloads."""
        quiet = self._create_offer(self.third_org, self._create_teacher(self.third_org))
        day = {"date_request": date(1991, 2, 1)}
        self._create_request(**day).action_submit()
        matrix = self.env["network.request"]._get_matrix(self.year)
        self.assertEqual(matrix["executors"], self.executor | self.third_org)
        self.assertEqual(matrix["columns"][self.third_org.id], {"requests": 0, "done": 0})
        self.assertEqual(matrix["declared"][self.third_org.id], 1)
        # the form filter: a form none of the offers has
        other_form = "lecture" if self.offer.event_form != "lecture" else "seminar"
        narrowed = self.env["network.request"]._get_matrix(self.year, event_form=other_form)
        self.assertFalse(narrowed["executors"])
        project = self.env["network.project"].create({"name": "Matrix sub-project"})
        quiet.project_id = project
        by_project = self.env["network.request"]._get_matrix(self.year, project=project)
        self.assertEqual(by_project["executors"], self.third_org)
        self.assertFalse(by_project["applicants"])
        # the page and the downloads
        self._login(self.coordinator_appl)
        page = self.url_open(f"/network/matrix?year_id={self.year.id}")
        self.assertIn(self.third_org.name, page.text)
        self.assertIn("o_network_matrix_unrequested", page.text)
        csv_response = self.url_open(f"/network/matrix/export/csv?year_id={self.year.id}")
        self.assertEqual(csv_response.status_code, 200)
        text = csv_response.content.decode("utf-8-sig")
        self.assertIn(self.offer.name, text)
        self.assertIn(self.third_org.name, text)
        xlsx = self.url_open(f"/network/matrix/export/xlsx?year_id={self.year.id}")
        book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(len(rows), 3)  # header, the requested theme, the unrequested executor
        self.assertEqual(rows[1][:3], (self.applicant.name, self.executor.name, self.offer.name))
        self.assertEqual(self.url_open("/network/matrix/export/pdf").status_code, 404)
        # not public: visitors are sent to the login page, downloads too
        self.env["ir.config_parameter"].set_param("network_methodology.matrix_public", False)
        self.authenticate(None, None)
        self.assertIn(
            "/web/login", self.url_open(f"/network/matrix/export/csv?year_id={self.year.id}").url
        )


@tagged("post_install", "-at_install")
class TestPortalDiscussion(NetworkPortalCommon):
    def _post_message(self, network_request, body):
        return self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "network.request",
                "thread_id": network_request.id,
                "post_data": {"body": body, "message_type": "comment"},
            },
        )

    def test_parties_discuss_a_request(self):
        network_request = self._create_request()
        network_request.action_submit()
        for user, body in ((self.coordinator_appl, "Удобно 20-го?"), (self.coordinator_exec, "Да")):
            self._login(user)
            self._post_message(network_request, body)
        bodies = network_request.message_ids.filtered(lambda m: m.message_type == "comment").mapped(
            "body"
        )
        self.assertEqual(len(bodies), 2)
        # another organization cannot write into it
        third = self._create_coordinator("coord_third", self.third_org, "Third")
        self._login(third)
        with mute_logger("odoo.http"), self.assertRaises(Exception):  # noqa: B017 - 404 as JSON-RPC error
            self._post_message(network_request, "Spam")
        self.assertEqual(
            len(network_request.message_ids.filtered(lambda m: m.message_type == "comment")), 2
        )


@tagged("post_install", "-at_install")
class TestPortalIdentity(NetworkPortalCommon):
    """What users hit in a school year (issue 20): who acted, whose drafts."""

    def test_portal_changes_are_logged_as_the_portal_user(self):
        network_request = self._create_request()
        network_request.action_submit()
        self._login(self.coordinator_exec)
        self._post(f"/my/network/requests/{network_request.id}/accept")
        self.assertEqual(network_request.state, "accepted")
        self.assertEqual(network_request.write_uid, self.coordinator_exec)
        tracking = network_request.message_ids.filtered("tracking_value_ids")[:1]
        self.assertEqual(tracking.author_id, self.coordinator_exec.partner_id)
        # a record created in the portal is the coordinator's too
        self._login(self.coordinator_appl)
        offer = self._create_offer(self.executor, self.presenter)
        self._post(f"/my/network/offers/{offer.id}/request", {"participants_planned": "2"})
        created = self.env["network.request"].search([("offer_id", "=", offer.id)])
        self.assertEqual(created.create_uid, self.coordinator_appl)
        self.assertEqual(created.message_ids[-1:].author_id, self.coordinator_appl.partner_id)

    def test_a_draft_request_stays_with_its_author(self):
        draft = self._create_request()
        Request = self.env["network.request"]
        self.assertFalse(Request.with_user(self.coordinator_exec).search([("id", "=", draft.id)]))
        self.assertTrue(Request.with_user(self.coordinator_appl).search([("id", "=", draft.id)]))
        self._login(self.coordinator_exec)
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(draft.access_url).status_code, 404)
        self.assertNotIn(draft.name, self.url_open("/my/network/requests").text)
        draft.action_submit()
        self.assertIn(draft.name, self.url_open("/my/network/requests").text)


@tagged("post_install", "-at_install")
class TestPortalTeachers(NetworkPortalCommon):
    """A coordinator follows their teachers' activity of the school year."""

    def test_teachers_and_their_tokens(self):
        year = self.env["network.school.year"]._get_current()
        if not year:
            self.skipTest("no current school year in this database")
        event = self._create_event(
            date_begin=fields.Datetime.to_datetime(year.date_start) + timedelta(days=1)
        )
        self._create_token(self.presenter, event, role="presenter")
        self._login(self.coordinator_exec)
        page = self.url_open("/my/network/teachers")
        self.assertEqual(page.status_code, 200)
        for teacher in self.executor.teacher_ids:
            self.assertIn(teacher.name, page.text)
        self.assertNotIn(self.listener.name, page.text)  # another school's teacher
        self.assertIn(year.name, page.text)
        with mute_logger("odoo.http"):
            self._login(self.teacher_user)
            self.assertEqual(self.url_open("/my/network/teachers").status_code, 403)


@tagged("post_install", "-at_install")
class TestPortalAttendance(NetworkPortalCommon):
    """The host's coordinator marks who came to its held event in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._create_event()  # held, hosted by the executor
        cls.reg_anna, cls.reg_boris = cls._register(
            cls.event, cls.listener | cls.listener_2, "open"
        )

    def test_host_marks_attendance(self):
        self._login(self.coordinator_exec)
        url = f"/my/network/events/{self.event.id}/attendance"
        self.assertIn(
            "o_network_attendance_link", self.url_open(f"/my/network/events/{self.event.id}").text
        )
        page = self.url_open(url)
        self.assertIn(self.listener.name, page.text)
        self._post(url, {"registration_ids": self.reg_anna.id})
        self.assertEqual((self.reg_anna.state, self.reg_boris.state), ("done", "open"))
        self.assertEqual(self.reg_anna.write_uid, self.coordinator_exec)
        # unticking sets it back; a foreign registration id is refused
        self._post(url, {"registration_ids": self.reg_boris.id})
        self.assertEqual((self.reg_anna.state, self.reg_boris.state), ("open", "done"))
        other = self._register(self._create_event(), self.listener)
        response = self._post(url, {"registration_ids": other.id})
        self.assertEqual(response.status_code, 403)
        # final once the tokens are issued
        self.event._issue_tokens()
        response = self._post(url, {"registration_ids": self.reg_anna.id})
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.reg_anna.state, "open")

    @mute_logger("odoo.http")
    def test_only_the_host_marks_attendance(self):
        url = f"/my/network/events/{self.event.id}/attendance"
        self._login(self.coordinator_appl)
        self.assertIn(self.url_open(url).status_code, (403, 404))
        self._post(url, {"registration_ids": self.reg_anna.id})
        self.assertEqual(self.reg_anna.state, "open")
        self._login(self.teacher_user)
        self.assertEqual(self.url_open(url).status_code, 403)

    def test_model_refuses_before_start(self):
        future = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=3))
        registration = self._register(future, self.listener, "open")
        with self.assertRaises(UserError):
            future._set_attendance(registration)
        self.assertEqual(registration.state, "open")
        with self.assertRaises(ValidationError):
            self.event._set_attendance(registration)
