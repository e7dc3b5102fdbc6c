from odoo.tests import TransactionCase, tagged

from ..tools import plural


@tagged("post_install", "-at_install")
class TestPlural(TransactionCase):
    def test_english_and_russian_forms(self):
        english = self.env(context={"lang": "en_US"})
        self.assertEqual(plural(english, 1, "teacher|teachers"), "1 teacher")
        self.assertEqual(plural(english, 2, "teacher|teachers"), "2 teachers")
        self.assertEqual(plural(english, 0, "teacher|teachers"), "0 teachers")
        russian = self.env(context={"lang": "ru_RU"})
        forms = "педагог|педагога|педагогов|педагога"
        for count, expected in (
            (1, "1 педагог"),
            (2, "2 педагога"),
            (4, "4 педагога"),
            (5, "5 педагогов"),
            (11, "11 педагогов"),
            (12, "12 педагогов"),
            (21, "21 педагог"),
            (24, "24 педагога"),
            (0, "0 педагогов"),
            (111, "111 педагогов"),
        ):
            with self.subTest(count=count):
                self.assertEqual(plural(russian, count, forms), expected)
        # a language without the forms falls back to the last one given
        self.assertEqual(plural(russian, 5, "педагог"), "5 педагог")
