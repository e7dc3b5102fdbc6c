from odoo import models


class BaseImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        """The imports of organizations and teachers name a bad row by its number in the file:
        they are told where the data starts (after the skipped lines and the header)."""
        first_row = options.get("skip", 0) + (2 if options.get("has_headers") else 1)
        return super(
            BaseImport, self.with_context(network_import_first_row=first_row)
        ).execute_import(fields, columns, options, dryrun=dryrun)
