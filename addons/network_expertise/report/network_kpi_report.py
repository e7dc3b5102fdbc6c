from odoo import api, fields, models
from odoo.tools import SQL


class NetworkKpiReport(models.Model):
    """Electronic collections published per school year in the KPIs (plan 000, «качество
    продукта»); a project counts the collections of its sub-projects."""

    _inherit = "network.kpi.report"

    collections_published = fields.Integer(
        readonly=True, help="Electronic collections of the school year published."
    )

    @api.model
    def _kpi_ctes(self):
        return [
            *super()._kpi_ctes(),
            (
                "collection_counts",
                SQL(
                    """
                    SELECT f.school_year_id, m.scope_key, sum(f.published) AS collections_published
                      FROM (SELECT c.school_year_id, COALESCE(c.project_id, 0) AS record_key,
                                   count(*) AS published
                              FROM network_collection c
                             WHERE c.state = 'published'
                             GROUP BY 1, 2) f
                      JOIN scope_map m ON m.record_key = f.record_key
                     GROUP BY 1, 2
                    """
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        return [*super()._kpi_count_tables(), "collection_counts"]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            collections_published=SQL.identifier("collection_counts", "collections_published"),
        )
