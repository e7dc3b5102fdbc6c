"""The product as the test command installs it: both add-ons, their demo data, Russian."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_both_addons_installed(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["network_methodology", "network_certification"])]
        )
        self.assertEqual(
            sorted(modules.mapped("name")), ["network_certification", "network_methodology"]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertTrue(all(modules.mapped("demo")), "both add-ons load their demo data")

    def test_russian_loaded(self):
        lang = self.env["res.lang"].search([("code", "=", "ru_RU")])
        self.assertTrue(lang, "ru_RU is active (loaded through odoo.conf's load_language)")
