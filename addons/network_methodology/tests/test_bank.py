from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import NetworkTestCommon
from .portal_common import NetworkPortalCommon

STATES = ("draft", "submitted", "approved", "rejected", "published")


class BankMixin:
    @classmethod
    def _bank_material(cls, state, **vals):
        material = cls._create_material(**vals)
        if state != "draft":
            material.action_submit()
        if state in ("approved", "published"):
            material.action_approve()
        elif state == "rejected":
            material.action_reject("Incomplete")
        if state == "published":
            material.action_publish()
        assert material.state == state
        return material


@tagged("post_install", "-at_install")
class TestBank(BankMixin, NetworkTestCommon):
    def test_publish_and_unpublish(self):
        material = self._bank_material("approved")
        self.assertFalse(material.date_published)
        self.assertIs(material.action_publish(), True)
        self.assertEqual(material.state, "published")
        self.assertEqual(material.date_published, self.today)
        self.assertIs(material.action_unpublish(), True)
        self.assertEqual(material.state, "approved")
        self.assertFalse(material.date_published)

    def test_forbidden_transitions(self):
        materials = {state: self._bank_material(state) for state in STATES}
        allowed = {"action_publish": {"approved"}, "action_unpublish": {"published"}}
        for action, sources in allowed.items():
            for state in set(STATES) - sources:
                with self.subTest(action=action, state=state):
                    with self.assertRaises(UserError):
                        getattr(materials[state], action)()
                    self.assertEqual(materials[state].state, state)
        with self.assertRaises(UserError):
            materials["published"].unlink()
        self.assertTrue(materials["published"].exists())

    def test_publish_batch_is_all_or_nothing(self):
        approved = self._bank_material("approved")
        draft = self._bank_material("draft")
        with self.assertRaises(UserError):
            (approved | draft).action_publish()
        self.assertEqual(approved.state, "approved")

    def _search(self, text):
        return self.env["network.material"].search(
            [("bank_search", "=", text), ("organization_id", "=", self.executor.id)]
        )

    def test_full_text_search_in_russian(self):
        lessons = self._bank_material("published", name="Открытые уроки математики")
        handout = self._bank_material(
            "published",
            name="Памятка",
            description="<p>Приёмы <b>формирующего</b> оценивания для пятых классов</p>",
        )
        # stemming: the singular finds the plural, another case finds the description
        self.assertEqual(self._search("урок"), lessons)
        self.assertEqual(self._search("уроков"), lessons)
        self.assertEqual(self._search("оценивание"), handout)
        self.assertEqual(self._search("формирующее оценивание"), handout)
        # HTML tags are not words, and every word must match
        self.assertFalse(self._search("b"))
        self.assertFalse(self._search("урок оценивание"))
        # the column follows changes of the title
        lessons.name = "Проектные задачи"
        self.assertFalse(self._search("урок"))

    def test_download_count(self):
        material = self._bank_material("published")
        material._bank_count_download()
        material._bank_count_download()
        self.assertEqual(material.download_count, 2)

    def test_tags_and_fields(self):
        tag = self.env["network.material.tag"].create({"name": "Тег банка"})
        material = self._bank_material(
            "published",
            tag_ids=[Command.set(tag.ids)],
            project_id=self.project.id,
            license="cc_by_sa",
            audience="heads",
        )
        found = self.env["network.material"].search(
            [("tag_ids", "in", tag.ids), ("state", "=", "published")]
        )
        self.assertEqual(found, material)


@tagged("post_install", "-at_install")
class TestBankRules(BankMixin, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tag = cls.env["network.material.tag"].create({"name": "Тег банка портала"})
        cls.materials = {
            state: cls._bank_material(
                state, name=f"Уроки чтения {state}", tag_ids=[Command.set(cls.tag.ids)]
            )
            for state in STATES
        }
        cls.published = cls.materials["published"]
        cls.stranger = new_test_user(cls.env, "bank_stranger", groups="base.group_portal")

    def _readable(self, user):
        ids = [material.id for material in self.materials.values()]
        return set(self.env["network.material"].with_user(user).search([("id", "in", ids)]).ids)

    def test_rules_other_school_and_stranger(self):
        published = {self.published.id}
        # another school's coordinator and teacher read only the published material
        self.assertEqual(self._readable(self.coordinator_appl), published)
        self.assertEqual(self._readable(self.teacher_user), published)
        # the author school's coordinator reads all of its materials
        self.assertEqual(
            self._readable(self.coordinator_exec), {m.id for m in self.materials.values()}
        )
        # a portal user outside the network reads nothing
        self.assertEqual(self._readable(self.stranger), set())
        for state in ("draft", "rejected", "submitted", "approved"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                self.materials[state].with_user(self.teacher_user).read(["name"])

    def test_jsonrpc_of_another_school(self):
        self._login(self.teacher_user)
        ids = [material.id for material in self.materials.values()]
        rows = self._rpc("network.material", "search_read", [("id", "in", ids)], fields=["state"])
        self.assertEqual([row["id"] for row in rows], [self.published.id])
        error = self._rpc("network.material", "read", [self.materials["draft"].id], ["name"])
        self.assertIn("AccessError", error["data"]["name"])

    def test_portal_bank_page_and_search(self):
        self._login(self.teacher_user)
        page = self.url_open("/my/network/bank?search=урок")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'data-id="{self.published.id}"', page.text)
        for state in ("draft", "submitted", "approved", "rejected"):
            self.assertNotIn(f'data-id="{self.materials[state].id}"', page.text)
        page = self.url_open("/my/network/bank?search=олимпиада")
        self.assertNotIn(f'data-id="{self.published.id}"', page.text)
        self.assertIn("o_network_bank_empty", page.text)
        page = self.url_open(f"/my/network/bank?tag_id={self.tag.id}&material_type=methodical")
        self.assertIn(f'data-id="{self.published.id}"', page.text)
        page = self.url_open("/my/network/bank?material_type=project")
        self.assertNotIn(f'data-id="{self.published.id}"', page.text)
        # unknown filter values are ignored, not errors
        page = self.url_open("/my/network/bank?material_type=x&tag_id=abc&sortby=evil")
        self.assertEqual(page.status_code, 200)

    def test_portal_material_page_and_download(self):
        self._login(self.coordinator_appl)
        url = f"/my/network/bank/{self.published.id}"
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        attachment = self.published.attachment_ids
        response = self.url_open(f"{url}/files/{attachment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"network material")
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response.headers["Content-Security-Policy"], "default-src 'none'")
        self.published.invalidate_recordset(["download_count"])
        self.assertEqual(self.published.download_count, 1)
        # another material's attachment through this material: 404, not counted
        other = self.materials["draft"].attachment_ids
        self.assertEqual(self.url_open(f"{url}/files/{other.id}").status_code, 404)
        self.published.invalidate_recordset(["download_count"])
        self.assertEqual(self.published.download_count, 1)

    def test_portal_unpublished_is_not_found(self):
        for user in (self.coordinator_appl, self.coordinator_exec):
            self._login(user)
            for state in ("draft", "submitted", "approved", "rejected"):
                material = self.materials[state]
                with self.subTest(user=user.login, state=state):
                    url = f"/my/network/bank/{material.id}"
                    self.assertEqual(self.url_open(url).status_code, 404)
                    file_url = f"{url}/files/{material.attachment_ids.id}"
                    self.assertEqual(self.url_open(file_url).status_code, 404)

    def test_portal_bank_refuses_stranger_and_visitor(self):
        self._login(self.stranger)
        self.assertEqual(self.url_open("/my/network/bank").status_code, 403)
        self.logout()
        response = self.url_open("/my/network/bank", allow_redirects=False)
        self.assertEqual(response.status_code, 303)

    def test_public_bank_behind_setting(self):
        param = self.env["ir.config_parameter"].sudo()
        param.set_param("network_methodology.bank_public", False)
        response = self.url_open("/network/bank", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        param.set_param("network_methodology.bank_public", True)
        page = self.url_open("/network/bank?search=уроки")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'data-id="{self.published.id}"', page.text)
        self.assertNotIn(f'data-id="{self.materials["approved"].id}"', page.text)
        self.assertEqual(self.url_open(f"/network/bank/{self.published.id}").status_code, 200)
        attachment = self.published.attachment_ids
        response = self.url_open(f"/network/bank/{self.published.id}/files/{attachment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        for state in ("draft", "submitted", "approved", "rejected"):
            material = self.materials[state]
            with self.subTest(state=state):
                self.assertEqual(self.url_open(f"/network/bank/{material.id}").status_code, 404)
                file_url = f"/network/bank/{material.id}/files/{material.attachment_ids.id}"
                self.assertEqual(self.url_open(file_url).status_code, 404)

    def test_own_materials_list_keeps_to_own_school(self):
        # the bank's rule lets members read published materials: "my materials" stays own
        own = self._bank_material("draft", organization_id=self.applicant.id, authors=self.listener)
        self._login(self.coordinator_appl)
        page = self.url_open("/my/network/materials")
        self.assertIn(own.name, page.text)
        self.assertNotIn(self.published.name, page.text)

    def test_other_school_material_page_goes_to_the_bank(self):
        # the review note, the discussion and the expertise stay with the author's school
        self.published.sudo().write({"review_note": "Внутренняя рецензия"})
        self._login(self.coordinator_appl)
        url = f"/my/network/materials/{self.published.id}"
        response = self.url_open(url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(
            response.headers["Location"].endswith(f"/my/network/bank/{self.published.id}")
        )
        page = self.url_open(url)
        self.assertNotIn("Внутренняя рецензия", page.text)
        attachment = self.published.attachment_ids
        self.assertEqual(self.url_open(f"{url}/files/{attachment.id}").status_code, 404)
        # the author's school still reads its own page
        self._login(self.coordinator_exec)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Внутренняя рецензия", page.text)

    def test_bank_page_in_russian(self):
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.skipTest("Russian is not loaded")
        self.teacher_user.lang = "ru_RU"
        self._login(self.teacher_user)
        page = self.url_open(f"/my/network/bank/{self.published.id}").text
        self.assertIn("Методический банк", page)
        self.assertIn("CC BY 4.0", page)
        page = self.url_open("/my/network/bank?search=урок").text
        self.assertIn("Найдено:", page)
        self.assertIn("Все лицензии", page)
