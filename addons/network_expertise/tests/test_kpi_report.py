from odoo.tests import tagged

from .test_collection import CollectionCommon


@tagged("post_install", "-at_install")
class TestKpiBank(CollectionCommon):
    """Materials and collections published per school year, for the network and a project."""

    def _row(self, year, project=None):
        self.env.flush_all()
        self.env.invalidate_all()  # the report is a view: read it again
        return self.env["network.kpi.report"].search(
            [
                ("school_year_id", "=", year.id),
                ("project_id", "=", project.id if project else False),
            ]
        )

    def test_materials_and_collections_published(self):
        # CollectionCommon publishes two materials of 1990/1991 (no project); one more of the
        # sub-project, an approved one and a withdrawn one do not count twice / at all
        in_subproject = self._published("Материал подпроекта", "cc_by")
        in_subproject.project_id = self.subproject
        withdrawn = self._published("Снят с публикации", "cc_by")
        withdrawn.action_unpublish()
        row = self._row(self.year)
        self.assertEqual(row.materials_published, 3)
        self.assertEqual(row.collections_published, 0)
        self.assertEqual(self._row(self.year, self.project).materials_published, 1)
        self.assertEqual(self._row(self.year, self.subproject).materials_published, 1)
        draft = self._collection()
        published = self._collection(project_id=self.subproject.id)
        published.action_publish()
        self.assertEqual(draft.state, "draft")
        row = self._row(self.year)
        self.assertEqual(row.collections_published, 1)
        self.assertEqual(self._row(self.year, self.project).collections_published, 1)
        # the analytical report's lines (PDF and XLSX)
        lines = {
            line.get("code"): line
            for line in self.env["report.network_methodology.report_network_kpi_year"]._kpi_lines(
                row
            )
        }
        self.assertEqual(lines["materials_published"]["number"], 3)
        self.assertEqual(lines["collections_published"]["number"], 1)
        self.assertIsNone(lines["collections_published"]["met"])

    def test_empty_year(self):
        empty = self._create_year(1970)
        row = self._row(empty)
        self.assertEqual(row.materials_published, 0)
        self.assertEqual(row.collections_published, 0)
