from odoo import _, api, models


class ReportNetworkKpiYear(models.AbstractModel):
    """The analytical report of the whole network adds the professional communities (members,
    meetings held by kind), the young teachers with and without a mentor, and the mentoring
    pairs by state and outcome. Communities and pairs belong to no project: a project's report
    leaves them out."""

    _inherit = "report.network_methodology.report_network_kpi_year"

    @api.model
    def _report_tables(self, year, project):
        tables = super()._report_tables(year, project)
        if project:
            return dict(tables, communities=None)
        young = self.env["network.young.teacher.report"]
        gap_rows = young.search_fetch(
            [("young_teachers", ">", 0)],
            ["organization_name", "young_teachers", "young_with_mentor", "young_without_mentor"],
            order="young_without_mentor desc, organization_name",
        )
        tables["communities"] = {
            "kinds": self.env["network.community.report"]._kind_rows(year),
            "young": young._totals(),
            "young_rows": [
                {
                    "name": row.organization_name,
                    "young": row.young_teachers,
                    "with_mentor": row.young_with_mentor,
                    "without_mentor": row.young_without_mentor,
                }
                for row in gap_rows
            ],
            "pairs": self.env["network.mentoring.report"]._state_outcome_rows(year),
        }
        return tables

    @api.model
    def _report_sheets(self, doc):
        sheets = super()._report_sheets(doc)
        communities = doc.get("communities")
        if not communities:
            return sheets
        young = communities["young"]
        return [
            *sheets,
            (
                _("Communities"),
                [
                    _("Kind"),
                    _("Communities"),
                    _("Members"),
                    _("Meetings planned"),
                    _("Meetings held"),
                    _("Teachers with tokens"),
                    _("Products"),
                ],
                [
                    [
                        row["kind"],
                        row["communities"],
                        row["members"],
                        row["meetings_planned"],
                        row["meetings_held"],
                        row["teachers"],
                        row["products"],
                    ]
                    for row in communities["kinds"]
                ],
            ),
            (
                _("Young teachers"),
                [
                    _("Organization"),
                    _("Young teachers"),
                    _("With a mentor"),
                    _("Without a mentor"),
                ],
                [
                    [row["name"], row["young"], row["with_mentor"], row["without_mentor"]]
                    for row in communities["young_rows"]
                ]
                + [
                    [
                        _("Total"),
                        young["young"],
                        young["with_mentor"],
                        young["without_mentor"],
                    ]
                ],
            ),
            (
                _("Mentoring pairs"),
                [_("Status"), _("Outcome"), _("Pairs"), _("Average rating")],
                [
                    [row["state"], row["outcome"], row["pairs"], round(row["rating"], 2)]
                    for row in communities["pairs"]
                ],
            ),
        ]
