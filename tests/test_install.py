"""The product as the test command installs it: every add-on, its demo data, Russian."""

from pathlib import Path

from odoo.tests import TransactionCase, tagged

ADDONS = sorted(
    path.parent.name for path in Path(__file__).parent.parent.glob("addons/*/__manifest__.py")
)


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_every_addon_installed_with_demo_data(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(sorted(modules.mapped("name")), ADDONS)
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertTrue(all(modules.mapped("demo")), "every add-on loads its demo data")

    def test_russian_loaded(self):
        lang = self.env["res.lang"].search([("code", "=", "ru_RU")])
        self.assertTrue(lang, "ru_RU is active (loaded through odoo.conf's load_language)")
