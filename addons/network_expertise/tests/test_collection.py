import io
import zipfile

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.network_methodology.tests.common import pdf_text
from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import ExpertiseTestCommon

COLLECTION_REPORT = "network_expertise.action_report_network_collection"


class CollectionCommon(ExpertiseTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.network_expertise_min_done = 0
        cls.published = cls._published("Уроки смыслового чтения", "cc_by_sa")
        cls.published_2 = cls._published("Проектные задачи по математике", "cc_by")
        cls.approved = cls._submitted_material(name="Ещё не опубликован")
        cls.approved.action_approve()

    @classmethod
    def _published(cls, name, license):
        material = cls._submitted_material(
            name=name, license=license, description="<p>Аннотация: кейсы с вопросами</p>"
        )
        material.action_approve()
        material.action_publish()
        return material

    @classmethod
    def _collection(cls, materials=None, **vals):
        materials = (cls.published | cls.published_2) if materials is None else materials
        return cls.env["network.collection"].create(
            {
                "name": "Сборник методических материалов 1990/1991",
                "school_year_id": cls.year.id,
                "material_ids": [Command.set(materials.ids)],
                "introduction": "<p>Вступительное слово</p>",
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestCollection(CollectionCommon):
    def test_publish_and_draft(self):
        collection = self._collection()
        self.assertIs(collection.action_publish(), True)
        self.assertEqual(collection.state, "published")
        self.assertEqual(collection.date_published, self.today)
        with self.assertRaises(UserError):
            collection.action_publish()
        with self.assertRaises(UserError):
            collection.material_ids = [Command.unlink(self.published.id)]
        self.assertEqual(collection.material_count, 2)
        self.assertIs(collection.action_draft(), True)
        self.assertEqual(collection.state, "draft")
        with self.assertRaises(UserError):
            collection.action_draft()

    def test_only_published_materials(self):
        with self.assertRaises(ValidationError):
            self._collection(self.published | self.approved)
        empty = self._collection(self.published.browse())
        with self.assertRaises(ValidationError):
            empty.action_publish()
        self.assertEqual(empty.state, "draft")

    def test_collect(self):
        collection = self._collection(self.published.browse())
        collection.action_collect()
        self.assertEqual(collection.material_ids, self.published | self.published_2)
        self.published.project_id = self.subproject
        collection.project_id = self.project
        collection.action_collect()
        self.assertEqual(collection.material_ids, self.published)

    def test_pdf(self):
        collection = self._collection()
        collection.action_publish()
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, report_type = Report._render_qweb_pdf(COLLECTION_REPORT, collection.ids)
        self.assertEqual(report_type, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Сборник методических материалов 1990/1991", text)
        self.assertIn("Вступительное слово", text)
        for material in (self.published, self.published_2):
            self.assertIn(material.name, text)
        self.assertIn(self.presenter.name, text)
        self.assertIn("CC BY-SA 4.0", text)
        self.assertIn("Аннотация: кейсы с вопросами", text)
        self.assertIn(f"/my/network/bank/{self.published.id}", text)
        self.assertNotIn(self.approved.name, text)

    def test_zip(self):
        collection = self._collection()
        with zipfile.ZipFile(io.BytesIO(collection._zip_content())) as archive:
            names = archive.namelist()
            self.assertEqual(len(names), 2)
            self.assertEqual(archive.read(names[0]), b"network material")


@tagged("post_install", "-at_install")
class TestCollectionPublic(CollectionCommon, NetworkPortalCommon):
    def test_public_page(self):
        collection = self._collection()
        url = f"/network/collections/{collection.id}"
        # a draft does not exist for visitors
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertEqual(self.url_open(f"{url}/zip").status_code, 404)
        collection.action_publish()
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.published.name, page.text)
        self.assertEqual(page.text.count("o_network_collection_item"), 2)
        response = self.url_open(f"{url}/zip")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/zip")
        with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
            self.assertEqual(len(archive.namelist()), 2)
        self.assertEqual(self.url_open("/network/collections/999999").status_code, 404)
