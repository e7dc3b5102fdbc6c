from odoo import _, models

from odoo.addons.base_import.models.base_import import ImportValidationError

# Models whose imports name the row of a bad number.
ROW_NAMED_MODELS = ("network.assessment.result",)


class BaseImport(models.TransientModel):
    _inherit = "base_import.import"

    def _parse_float_from_data(self, data, index, name, options):
        """Core names the column and the value of a non-numeric cell; for assessment results
        the message names the row of the file too (nothing is imported either way)."""
        if self.res_model not in ROW_NAMED_MODELS:
            return super()._parse_float_from_data(data, index, name, options)
        first = options.get("skip", 0) + (2 if options.get("has_headers") else 1)
        for number, line in enumerate(data, start=first):
            value = line[index]
            try:
                super()._parse_float_from_data([line], index, name, options)
            except ImportValidationError as error:
                raise ImportValidationError(
                    _(
                        "Row %(row)s: “%(value)s” in the column %(column)s is not a number.",
                        row=number,
                        value=value,
                        column=name,
                    ),
                    field=name,
                ) from error
        return None
