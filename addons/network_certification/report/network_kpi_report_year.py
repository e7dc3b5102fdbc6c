from odoo import _, api, models


class ReportNetworkKpiYear(models.AbstractModel):
    """The analytical reports list the certified teachers and the network platforms."""

    _inherit = "report.network_methodology.report_network_kpi_year"

    @api.model
    def _report_tables(self, year, project):
        tables = super()._report_tables(year, project)
        kpi = tables["kpi"]
        if not kpi:
            return dict(tables, certified_teachers=[], platforms=[])
        kinds = dict(
            self.env["network.certificate"]
            ._fields["certificate_kind"]
            ._description_selection(self.env)
        )
        # one query per model for the names, whatever the number of certificates
        certificates = self.env["network.certificate"].search_fetch(
            kpi._certificate_domain(),
            ["name", "partner_id", "organization_id", "certificate_kind"],
            order="organization_id, partner_id",
        )
        certificates.partner_id.fetch(["name"])
        certificates.organization_id.fetch(["name"])
        tables["certified_teachers"] = [
            {
                "number": certificate.name,
                "teacher": certificate.partner_id.name,
                "organization": certificate.organization_id.name,
                "kind": kinds[certificate.certificate_kind],
            }
            for certificate in certificates
        ]
        tables["platforms"] = kpi._platform_organizations().sorted("name").mapped("name")
        return tables

    @api.model
    def _report_sheets(self, doc):
        return [
            *super()._report_sheets(doc),
            (
                _("Certified teachers"),
                [_("Certificate"), _("Teacher"), _("Organization"), _("Kind")],
                [
                    [row["number"], row["teacher"], row["organization"] or "", row["kind"]]
                    for row in doc.get("certified_teachers", [])
                ],
            ),
            (
                _("Network platforms"),
                [_("Organization")],
                [[name] for name in doc.get("platforms", [])],
            ),
        ]
