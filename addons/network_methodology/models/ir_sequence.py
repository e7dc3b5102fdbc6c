from odoo import api, models
from odoo.tools import SQL


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    @api.model
    def _next_batch_by_code(self, sequence_code, count, company=None):
        """``count`` numbers of the sequence with code ``sequence_code``, chosen as
        :meth:`next_by_code` chooses it (the company's own before a shared one; ``company``
        defaults to the current one). False when there is no such sequence.

        A standard sequence without date ranges gives them in one query, formatted by
        :meth:`get_next_char` like any number it gives; the others (no gap, date ranges) give
        them one by one through core's :meth:`_next`."""
        self.browse().check_access("read")
        company = company or self.env.company
        sequence = self.search(
            [("code", "=", sequence_code), ("company_id", "in", [company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return False
        if not count:
            return []
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]
