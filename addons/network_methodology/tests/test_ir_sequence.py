from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSequenceBatch(TransactionCase):
    """``ir.sequence._next_batch_by_code``: numbers in one query where core would take one
    query each, the same numbers core gives otherwise."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Sequence = cls.env["ir.sequence"]
        cls.other_company = cls.env["res.company"].create({"name": "Other network centre"})

    def _sequence(self, code, **vals):
        return self.Sequence.create(
            {"name": code, "code": code, "prefix": "%(year)s/", "padding": 4, **vals}
        )

    def test_standard_sequence_in_one_query(self):
        sequence = self._sequence("test.batch.standard", number_next=41)
        year = fields.Date.today().strftime("%Y")
        self.assertEqual(
            self.Sequence._next_batch_by_code("test.batch.standard", 3),
            [f"{year}/0041", f"{year}/0042", f"{year}/0043"],
        )
        # core numbers on from there
        self.assertEqual(self.Sequence.next_by_code("test.batch.standard"), f"{year}/0044")
        self.assertEqual(sequence.number_next_actual, 45)
        # the query count does not depend on how many numbers are taken
        counts = []
        for count in (2, 50):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            numbers = self.Sequence._next_batch_by_code("test.batch.standard", count)
            counts.append(self.env.cr.sql_log_count - start)
            self.assertEqual(len(set(numbers)), count)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(self.Sequence._next_batch_by_code("test.batch.standard", 0), [])

    def test_company_sequence_first(self):
        shared = self._sequence("test.batch.company", prefix="S-")
        own = self._sequence("test.batch.company", prefix="C-", company_id=self.other_company.id)
        self.assertEqual(
            self.Sequence._next_batch_by_code("test.batch.company", 2, self.other_company),
            ["C-0001", "C-0002"],
        )
        self.assertEqual(self.Sequence._next_batch_by_code("test.batch.company", 1), ["S-0001"])
        self.assertEqual(
            self.Sequence.with_company(self.other_company).next_by_code("test.batch.company"),
            "C-0003",
        )
        self.assertEqual((shared.number_next_actual, own.number_next_actual), (2, 4))
        self.assertFalse(self.Sequence._next_batch_by_code("test.batch.missing", 2))

    def test_no_gap_and_date_range_sequences_number_through_core(self):
        no_gap = self._sequence("test.batch.no_gap", prefix="N-", implementation="no_gap")
        self.assertEqual(
            self.Sequence._next_batch_by_code("test.batch.no_gap", 3),
            ["N-0001", "N-0002", "N-0003"],
        )
        self.assertEqual(no_gap.number_next_actual, 4)
        self._sequence("test.batch.range", prefix="R%(range_year)s-", use_date_range=True)
        year = fields.Date.today().strftime("%Y")
        self.assertEqual(
            self.Sequence._next_batch_by_code("test.batch.range", 2),
            [f"R{year}-0001", f"R{year}-0002"],
        )
        self.assertEqual(self.Sequence.next_by_code("test.batch.range"), f"R{year}-0003")
