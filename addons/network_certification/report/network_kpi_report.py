from odoo import _, api, models
from odoo.tools import SQL

from odoo.addons.network_methodology.models.network_offer import PUBLISHED_OFFER_STATES

from ..models.network_certificate import TEACHER_KINDS


class NetworkKpiReport(models.Model):
    """Certificates issued and network platforms in the KPIs.

    A project counts the certificates that exchanged a token of one of its events, and the
    network platforms among the executors of its published offers."""

    _inherit = "network.kpi.report"

    @api.model
    def _kpi_ctes(self):
        return [
            *super()._kpi_ctes(),
            (
                "certificate_counts",
                SQL(
                    """
                    SELECT c.school_year_id, 0 AS scope_key, count(*) AS certificates_issued
                      FROM network_certificate c
                     WHERE c.state = 'issued' AND c.certificate_kind IN %(kinds)s
                     GROUP BY 1
                     UNION ALL
                    SELECT f.school_year_id, m.scope_key, count(DISTINCT f.certificate_id)
                      FROM (SELECT DISTINCT c.school_year_id,
                                   COALESCE(e.project_id, 0) AS record_key,
                                   c.id AS certificate_id
                              FROM network_certificate c
                              JOIN network_certificate_token_rel rel ON rel.certificate_id = c.id
                              JOIN network_activity_token t ON t.id = rel.token_id
                              JOIN event_event e ON e.id = t.event_id
                             WHERE c.state = 'issued' AND c.certificate_kind IN %(kinds)s
                               AND e.project_id IS NOT NULL) f
                      JOIN scope_map m ON m.record_key = f.record_key AND m.scope_key != 0
                     GROUP BY 1, 2
                    """,
                    kinds=TEACHER_KINDS,
                ),
            ),
            (
                "platform_counts",
                SQL(
                    """
                    SELECT rel.school_year_id, 0 AS scope_key, count(*) AS platforms_count
                      FROM network_platform_partner_year_rel rel
                     GROUP BY 1
                     UNION ALL
                    SELECT f.school_year_id, m.scope_key, count(DISTINCT f.partner_id)
                      FROM (SELECT DISTINCT o.school_year_id, o.project_id AS record_key,
                                   o.organization_id AS partner_id
                              FROM network_offer o
                              JOIN network_platform_partner_year_rel rel
                                ON rel.partner_id = o.organization_id
                               AND rel.school_year_id = o.school_year_id
                             WHERE o.state IN %(published)s
                               AND o.project_id IS NOT NULL) f
                      JOIN scope_map m ON m.record_key = f.record_key AND m.scope_key != 0
                     GROUP BY 1, 2
                    """,
                    published=PUBLISHED_OFFER_STATES,
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        return [*super()._kpi_count_tables(), "certificate_counts", "platform_counts"]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            certificates_issued=SQL.identifier("certificate_counts", "certificates_issued"),
            platforms_count=SQL.identifier("platform_counts", "platforms_count"),
        )

    # ------------------------------------------------------------------ drill-down
    def _certificate_domain(self):
        self.ensure_one()
        return [
            ("school_year_id", "=", self.school_year_id.id),
            ("state", "=", "issued"),
            ("certificate_kind", "in", TEACHER_KINDS),
            *self._scope_domain("token_ids.event_id.project_id"),
        ]

    def _platform_organizations(self):
        """The organizations counted in ``platforms_count``."""
        self.ensure_one()
        year = self.school_year_id
        Partner = self.env["res.partner"].with_context(active_test=False)
        platforms = Partner.search_fetch([("network_platform_year_ids", "in", year.ids)], ["name"])
        if not self.project_id:
            return platforms
        executors = self.env["network.offer"]._read_group(
            [
                ("school_year_id", "=", year.id),
                ("state", "in", PUBLISHED_OFFER_STATES),
                ("organization_id", "in", platforms.ids),
                *self._scope_domain("project_id"),
            ],
            ["organization_id"],
        )
        return platforms.browse(sorted(org.id for (org,) in executors))

    def action_open_certificates(self):
        self.ensure_one()
        return self._open(
            "network.certificate", _("Certificates Issued"), self._certificate_domain()
        )

    def action_open_platforms(self):
        self.ensure_one()
        return self._open(
            "res.partner",
            _("Network Platforms"),
            [("id", "in", self._platform_organizations().ids)],
        )
