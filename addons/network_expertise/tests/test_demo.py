from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo district (installed with every add-on by the test command): expertises in
    every state, a published collection, published materials found in Russian."""

    def setUp(self):
        super().setUp()
        self.collection = self.env.ref(
            "network_expertise.collection_previous_year", raise_if_not_found=False
        )
        if not self.collection:
            self.skipTest("installed without demo data")

    def test_expertises_in_every_state(self):
        expertises = self.env["network.expertise"].search(
            [("id", "in", [self.env.ref(f"network_expertise.{xmlid}").id for xmlid in (
                "expertise_reading_methodist",
                "expertise_reading_lyceum",
                "expertise_reading_school1",
                "expertise_mentoring_school1",
                "expertise_mentoring_kg7",
            )])]
        )  # fmt: skip
        self.assertEqual(set(expertises.mapped("state")), {"assigned", "done", "cancelled"})
        reading = self.env.ref("network_methodology.material_reading_cases")
        self.assertEqual(reading.expertise_done_count, 2)
        self.assertEqual(reading.expertise_score, 17.0)

    def test_published_collection_and_bank(self):
        self.assertEqual(self.collection.state, "published")
        self.assertEqual(set(self.collection.material_ids.mapped("state")), {"published"})
        lesson = self.env.ref("network_methodology.material_project_lesson")
        found = self.env["network.material"].search(
            [("bank_search", "=", "уроки"), ("state", "=", "published")]
        )
        self.assertIn(lesson, found)
