from odoo import _, api, fields, models
from odoo.tools import SQL

from ..models.network_offer import PUBLISHED_OFFER_STATES
from ..models.network_request import ACCEPTED_REQUEST_STATES, UNFILED_REQUEST_STATES
from ..models.res_config_settings import (
    DEMAND_TARGET,
    DEMAND_TARGET_PARAM,
    FULFILMENT_TARGET,
    FULFILMENT_TARGET_PARAM,
)
from ..models.res_partner import COORDINATING_ORG_KINDS, NETWORK_ORGANIZATION_DOMAIN

# The count columns of _kpi_counts() the final SELECT of _kpi_query() names itself.
KPI_BASE_COUNTS = (
    "offers_published",
    "offers_requested",
    "requests_accepted",
    "requests_done",
    "teachers_active",
    "organizations_uninvolved",
    "certificates_issued",
    "platforms_count",
)


class NetworkKpiReport(models.Model):
    """KPIs of the network per school year: one row for the whole network (no project) and
    one per project and school year, a project counting its sub-projects.

    Read-only SQL (``_table_query``): the dashboard, the PDF report and exports read the same
    numbers. Ratios are percentages rounded to 2 decimals, and 0 when their denominator is 0
    (nothing to measure: the target is then not met). ``network_certification`` fills
    ``certificates_issued`` and ``platforms_count`` through the ``_kpi_*`` hooks."""

    _name = "network.kpi.report"
    _description = "Network KPI Report"
    _auto = False
    _order = "date_start desc, is_network_total desc, project_id"
    _rec_name = "school_year_id"

    school_year_id = fields.Many2one("network.school.year", readonly=True)
    date_start = fields.Date(string="Year Start", readonly=True)
    project_id = fields.Many2one(
        "network.project",
        readonly=True,
        help="Empty for the whole network; a project counts its sub-projects.",
    )
    is_network_total = fields.Boolean(string="Whole Network", readonly=True)
    offers_published = fields.Integer(
        string="Published Offers",
        readonly=True,
        help="Offers of the school year that reached the catalogue (published or archived).",
    )
    offers_requested = fields.Integer(
        string="Requested Offers",
        readonly=True,
        help="Published offers with at least one request filed (not draft, not cancelled).",
    )
    demand_ratio = fields.Float(
        string="Demand (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Requested offers / published offers; target set in Settings (70 % by default).",
    )
    demand_target = fields.Float(string="Demand Target (%)", readonly=True, aggregator="avg")
    demand_met = fields.Boolean(string="Demand Target Met", readonly=True)
    prev_demand_ratio = fields.Float(
        string="Demand, Previous Year (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    requests_accepted = fields.Integer(
        string="Accepted Requests",
        readonly=True,
        help="Requests of the school year that were accepted, also those rejected or "
        "cancelled afterwards.",
    )
    requests_done = fields.Integer(string="Carried-Out Requests", readonly=True)
    requests_filed = fields.Integer(
        string="Filed Requests",
        readonly=True,
        help="Requests of the school year sent to executors (not draft, not cancelled).",
    )
    requests_rejected = fields.Integer(
        string="Rejected Requests",
        readonly=True,
        help="Requests of the school year rejected before they were accepted.",
    )
    needs_open = fields.Integer(
        string="Open Needs",
        readonly=True,
        help="Needs for experience of the school year that no offer answers yet.",
    )
    needs_answered = fields.Integer(
        string="Answered Needs",
        readonly=True,
        help="Needs for experience of the school year an offer answered.",
    )
    fulfilment_ratio = fields.Float(
        string="Fulfilment (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Carried-out requests / accepted requests; target set in Settings (100 % by default).",
    )
    fulfilment_target = fields.Float(
        string="Fulfilment Target (%)", readonly=True, aggregator="avg"
    )
    fulfilment_met = fields.Boolean(string="Fulfilment Target Met", readonly=True)
    prev_fulfilment_ratio = fields.Float(
        string="Fulfilment, Previous Year (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    teachers_active = fields.Integer(
        string="Teachers Taking Part",
        readonly=True,
        help="Teachers with at least one token (not revoked) of the school year.",
    )
    prev_teachers_active = fields.Integer(
        string="Teachers Taking Part, Previous Year", readonly=True
    )
    certificates_issued = fields.Integer(
        readonly=True,
        help="Teacher certificates of the school year in force (issued, not revoked).",
    )
    materials_published = fields.Integer(
        readonly=True,
        help="Materials of the school year published in the methodical bank.",
    )
    prev_certificates_issued = fields.Integer(
        string="Certificates Issued, Previous Year", readonly=True
    )
    certification_ratio = fields.Float(
        string="Certificates per 100 Teachers",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="Certificates issued / teachers taking part, in %; must grow year on year.",
    )
    prev_certification_ratio = fields.Float(
        string="Certificates per 100 Teachers, Previous Year",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
    )
    certification_met = fields.Boolean(
        string="Certification Grows",
        readonly=True,
        help="More certificates per 100 teachers than the previous school year.",
    )
    platforms_count = fields.Integer(
        string="Network Platforms",
        readonly=True,
        help="Organizations with the «Network platform» status of the school year; for a "
        "project, those among the executors of its offers.",
    )
    prev_platforms_count = fields.Integer(string="Network Platforms, Previous Year", readonly=True)
    platforms_met = fields.Boolean(
        string="Platforms Grow",
        readonly=True,
        help="More network platforms than the previous school year.",
    )
    organizations_uninvolved = fields.Integer(
        string="Organizations Not Involved",
        readonly=True,
        help="Network organizations (for a project: its organizations) that neither offered "
        "experience nor filed a request in the school year.",
    )
    has_previous = fields.Boolean(string="Has Previous Year", readonly=True)

    # ------------------------------------------------------------------ SQL
    @api.model
    def _kpi_ctes(self):
        """Named sub-queries ``(name, SQL)`` of the KPI query, in dependency order. Counts
        are keyed by ``(school_year_id, scope_key)``: scope 0 is the whole network, else a
        project id; ``scope_map`` maps the project of a record (0 for none) to every scope it
        counts for (the whole network, its project and the project's ancestors)."""
        return [
            (
                "scope_map",
                SQL(
                    """
                    SELECT 0 AS record_key, 0 AS scope_key
                     UNION ALL
                    SELECT p.id, 0 FROM network_project p
                     UNION ALL
                    SELECT p.id, s.id
                      FROM network_project p
                      JOIN network_project s
                        ON left(p.parent_path, length(s.parent_path)) = s.parent_path
                    """
                ),
            ),
            (
                "offer_counts",
                SQL(
                    """
                    SELECT f.school_year_id, m.scope_key,
                           sum(f.published) AS offers_published,
                           sum(f.requested) AS offers_requested
                      FROM (SELECT o.school_year_id, COALESCE(o.project_id, 0) AS record_key,
                                   count(*) AS published,
                                   count(*) FILTER (WHERE EXISTS (
                                       SELECT 1 FROM network_request r
                                        WHERE r.offer_id = o.id
                                          AND r.state NOT IN %(unfiled)s)) AS requested
                              FROM network_offer o
                             WHERE o.state IN %(published)s
                             GROUP BY 1, 2) f
                      JOIN scope_map m ON m.record_key = f.record_key
                     GROUP BY 1, 2
                    """,
                    unfiled=UNFILED_REQUEST_STATES,
                    published=PUBLISHED_OFFER_STATES,
                ),
            ),
            (
                "request_counts",
                SQL(
                    """
                    SELECT f.school_year_id, m.scope_key,
                           sum(f.filed) AS requests_filed,
                           sum(f.rejected) AS requests_rejected,
                           sum(f.accepted) AS requests_accepted, sum(f.done) AS requests_done
                      FROM (SELECT r.school_year_id, COALESCE(r.project_id, 0) AS record_key,
                                   count(*) FILTER (WHERE r.state NOT IN %(unfiled)s) AS filed,
                                   count(*) FILTER (
                                       WHERE r.state = 'rejected'
                                         AND r.date_accepted IS NULL) AS rejected,
                                   count(*) FILTER (
                                       WHERE r.date_accepted IS NOT NULL
                                          OR r.state IN %(accepted)s) AS accepted,
                                   count(*) FILTER (WHERE r.state = 'done') AS done
                              FROM network_request r
                             WHERE r.school_year_id IS NOT NULL
                             GROUP BY 1, 2) f
                      JOIN scope_map m ON m.record_key = f.record_key
                     GROUP BY 1, 2
                    """,
                    accepted=ACCEPTED_REQUEST_STATES,
                    unfiled=UNFILED_REQUEST_STATES,
                ),
            ),
            (
                # needs have no project: they count for the whole network only
                "need_counts",
                SQL(
                    """
                    SELECT n.school_year_id, 0 AS scope_key,
                           count(*) FILTER (WHERE n.state = 'open') AS needs_open,
                           count(*) FILTER (WHERE n.state = 'answered') AS needs_answered
                      FROM network_need n
                     WHERE n.school_year_id IS NOT NULL
                     GROUP BY 1
                    """
                ),
            ),
            (
                "teacher_counts",
                SQL(
                    """
                    SELECT f.school_year_id, m.scope_key,
                           count(DISTINCT f.partner_id) AS teachers_active
                      FROM (SELECT DISTINCT t.school_year_id,
                                   COALESCE(e.project_id, 0) AS record_key, t.partner_id
                              FROM network_activity_token t
                              JOIN event_event e ON e.id = t.event_id
                             WHERE t.state != 'revoked' AND t.school_year_id IS NOT NULL) f
                      JOIN scope_map m ON m.record_key = f.record_key
                     GROUP BY 1, 2
                    """
                ),
            ),
            (
                "involved",
                SQL(
                    """
                    SELECT DISTINCT f.school_year_id, m.scope_key, f.partner_id
                      FROM (SELECT o.school_year_id, COALESCE(o.project_id, 0) AS record_key,
                                   o.organization_id AS partner_id
                              FROM network_offer o
                             WHERE o.state IN %(published)s
                             UNION
                            SELECT r.school_year_id, COALESCE(r.project_id, 0), r.requester_id
                              FROM network_request r
                             WHERE r.state NOT IN %(unfiled)s) f
                      JOIN scope_map m ON m.record_key = f.record_key
                    """,
                    published=PUBLISHED_OFFER_STATES,
                    unfiled=UNFILED_REQUEST_STATES,
                ),
            ),
            (
                "expected_orgs",
                # the whole network: its member organizations; a project: the organizations
                # of the project and of its sub-projects
                SQL(
                    """
                    SELECT 0 AS scope_key, p.id AS partner_id
                      FROM res_partner p
                     WHERE p.is_network_member AND p.is_company AND p.active
                       AND COALESCE(p.network_org_kind, '') NOT IN %(coordinating)s
                     UNION
                    SELECT m.scope_key, rel.res_partner_id
                      FROM network_project_res_partner_rel rel
                      JOIN scope_map m
                        ON m.record_key = rel.network_project_id AND m.scope_key != 0
                      JOIN res_partner p ON p.id = rel.res_partner_id
                     WHERE COALESCE(p.network_org_kind, '') NOT IN %(coordinating)s
                    """,
                    coordinating=COORDINATING_ORG_KINDS,
                ),
            ),
            (
                "uninvolved_counts",
                SQL(
                    """
                    SELECT y.id AS school_year_id, x.scope_key,
                           count(*) AS organizations_uninvolved
                      FROM network_school_year y
                     CROSS JOIN expected_orgs x
                     WHERE y.active AND NOT EXISTS (
                           SELECT 1 FROM involved i
                            WHERE i.school_year_id = y.id AND i.scope_key = x.scope_key
                              AND i.partner_id = x.partner_id)
                     GROUP BY 1, 2
                    """
                ),
            ),
            (
                "material_counts",
                SQL(
                    """
                    SELECT f.school_year_id, m.scope_key, sum(f.published) AS materials_published
                      FROM (SELECT mat.school_year_id,
                                   COALESCE(mat.project_id, 0) AS record_key,
                                   count(*) AS published
                              FROM network_material mat
                             WHERE mat.state = 'published' AND mat.school_year_id IS NOT NULL
                             GROUP BY 1, 2) f
                      JOIN scope_map m ON m.record_key = f.record_key
                     GROUP BY 1, 2
                    """
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        """Names of the count CTEs, each keyed by school year and scope; certification adds
        its own."""
        return [
            "offer_counts",
            "request_counts",
            "need_counts",
            "teacher_counts",
            "uninvolved_counts",
            "material_counts",
        ]

    @api.model
    def _kpi_joins(self):
        """``LEFT JOIN`` clauses of the count CTEs onto ``y`` (school year) × ``s`` (scope)."""
        return [
            SQL(
                "LEFT JOIN %(table)s ON %(year)s = y.id AND %(scope)s = s.scope_key",
                table=SQL.identifier(name),
                year=SQL.identifier(name, "school_year_id"),
                scope=SQL.identifier(name, "scope_key"),
            )
            for name in self._kpi_count_tables()
        ]

    @api.model
    def _kpi_counts(self):
        """Count columns and their SQL; certification overrides the last two."""
        return {
            "offers_published": SQL.identifier("offer_counts", "offers_published"),
            "offers_requested": SQL.identifier("offer_counts", "offers_requested"),
            "requests_accepted": SQL.identifier("request_counts", "requests_accepted"),
            "requests_done": SQL.identifier("request_counts", "requests_done"),
            "teachers_active": SQL.identifier("teacher_counts", "teachers_active"),
            "organizations_uninvolved": SQL.identifier(
                "uninvolved_counts", "organizations_uninvolved"
            ),
            "certificates_issued": SQL("0"),
            "platforms_count": SQL("0"),
            "requests_filed": SQL.identifier("request_counts", "requests_filed"),
            "requests_rejected": SQL.identifier("request_counts", "requests_rejected"),
            "needs_open": SQL.identifier("need_counts", "needs_open"),
            "needs_answered": SQL.identifier("need_counts", "needs_answered"),
            "materials_published": SQL.identifier("material_counts", "materials_published"),
        }

    @api.model
    def _kpi_targets(self):
        """Demand and fulfilment targets (%): the settings, or the plan's when unset or invalid."""
        get_param = self.env["ir.config_parameter"].sudo().get_param
        targets = []
        for param, default in (
            (DEMAND_TARGET_PARAM, DEMAND_TARGET),
            (FULFILMENT_TARGET_PARAM, FULFILMENT_TARGET),
        ):
            try:
                value = float(get_param(param, default))
            except ValueError:
                value = default
            # a percentage; also rejects NaN and infinities
            targets.append(value if 0 <= value <= 100 else default)
        return targets

    @api.model
    def _kpi_query(self):
        demand_target, fulfilment_target = self._kpi_targets()
        kpi_counts = self._kpi_counts()
        counts = SQL(",\n").join(
            SQL("COALESCE(%s, 0)::integer AS %s", sql, SQL.identifier(column))
            for column, sql in kpi_counts.items()
        )
        # the count columns add-ons add to _kpi_counts(), selected after the base ones
        extra_columns = SQL("").join(
            SQL(", %s", SQL.identifier("p", column))
            for column in kpi_counts
            if column not in KPI_BASE_COUNTS
        )

        def ratio(numerator, denominator):
            return SQL(
                "CASE WHEN %(denominator)s > 0 "
                "THEN round(100.0 * %(numerator)s / %(denominator)s, 2)::float8 ELSE 0.0 END",
                numerator=SQL.identifier("c", numerator),
                denominator=SQL.identifier("c", denominator),
            )

        ctes = [
            *self._kpi_ctes(),
            (
                "counts",
                SQL(
                    """
                    SELECT y.id AS school_year_id, y.date_start, s.scope_key,
                           %(counts)s
                      FROM network_school_year y
                     CROSS JOIN (SELECT 0 AS scope_key UNION ALL SELECT id FROM network_project) s
                           %(joins)s
                     WHERE y.active
                    """,
                    counts=counts,
                    joins=SQL("\n").join(self._kpi_joins()),
                ),
            ),
            (
                "ratios",
                SQL(
                    """
                    SELECT c.*,
                           %(demand)s AS demand_ratio,
                           %(fulfilment)s AS fulfilment_ratio,
                           %(certification)s AS certification_ratio
                      FROM counts c
                    """,
                    demand=ratio("offers_requested", "offers_published"),
                    fulfilment=ratio("requests_done", "requests_accepted"),
                    certification=ratio("certificates_issued", "teachers_active"),
                ),
            ),
            (
                "with_previous",
                SQL(
                    """
                    SELECT r.*,
                           LAG(r.school_year_id) OVER w IS NOT NULL AS has_previous,
                           COALESCE(LAG(r.demand_ratio) OVER w, 0.0) AS prev_demand_ratio,
                           COALESCE(LAG(r.fulfilment_ratio) OVER w, 0.0) AS prev_fulfilment_ratio,
                           COALESCE(LAG(r.teachers_active) OVER w, 0) AS prev_teachers_active,
                           COALESCE(LAG(r.certificates_issued) OVER w, 0)
                               AS prev_certificates_issued,
                           COALESCE(LAG(r.certification_ratio) OVER w, 0.0)
                               AS prev_certification_ratio,
                           COALESCE(LAG(r.platforms_count) OVER w, 0) AS prev_platforms_count
                      FROM ratios r
                    WINDOW w AS (PARTITION BY r.scope_key ORDER BY r.date_start)
                    """
                ),
            ),
        ]
        with_clause = SQL(",\n").join(
            SQL("%s AS (%s)", SQL.identifier(name), sql) for name, sql in ctes
        )
        return SQL(
            """
            WITH %(with_clause)s
            SELECT (p.school_year_id::bigint << 32) + p.scope_key AS id,
                   p.school_year_id, p.date_start,
                   NULLIF(p.scope_key, 0) AS project_id,
                   p.scope_key = 0 AS is_network_total,
                   p.offers_published, p.offers_requested, p.demand_ratio,
                   %(demand_target)s::float8 AS demand_target,
                   p.offers_published > 0 AND p.demand_ratio >= %(demand_target)s AS demand_met,
                   p.prev_demand_ratio,
                   p.requests_accepted, p.requests_done, p.fulfilment_ratio,
                   %(fulfilment_target)s::float8 AS fulfilment_target,
                   p.requests_accepted > 0 AND p.fulfilment_ratio >= %(fulfilment_target)s
                       AS fulfilment_met,
                   p.prev_fulfilment_ratio,
                   p.teachers_active, p.prev_teachers_active,
                   p.certificates_issued, p.prev_certificates_issued,
                   p.certification_ratio, p.prev_certification_ratio,
                   p.has_previous AND p.certification_ratio > p.prev_certification_ratio
                       AS certification_met,
                   p.platforms_count, p.prev_platforms_count,
                   p.has_previous AND p.platforms_count > p.prev_platforms_count
                       AS platforms_met,
                   p.organizations_uninvolved, p.has_previous%(extra_columns)s
              FROM with_previous p
            """,
            with_clause=with_clause,
            extra_columns=extra_columns,
            demand_target=demand_target,
            fulfilment_target=fulfilment_target,
        )

    @property
    def _table_query(self):
        return self._kpi_query()

    # ------------------------------------------------------------------ display, drill-down
    @api.depends("school_year_id", "project_id")
    def _compute_display_name(self):
        for row in self:
            scope = row.project_id.display_name or _("Whole network")
            row.display_name = f"{row.school_year_id.name} — {scope}"

    def _scope_domain(self, project_field):
        """Domain part limiting records to the row's project and its sub-projects."""
        self.ensure_one()
        return [(project_field, "child_of", self.project_id.id)] if self.project_id else []

    def _open(self, model, name, domain, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": f"{name} — {self.display_name}",
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": context or {},
        }

    def action_open_offers(self):
        self.ensure_one()
        return self._open(
            "network.offer",
            _("Published Offers"),
            [
                ("school_year_id", "=", self.school_year_id.id),
                ("state", "in", PUBLISHED_OFFER_STATES),
                *self._scope_domain("project_id"),
            ],
        )

    def action_open_requests(self):
        self.ensure_one()
        return self._open(
            "network.request",
            _("Accepted Requests"),
            [
                ("school_year_id", "=", self.school_year_id.id),
                "|",
                ("date_accepted", "!=", False),
                ("state", "in", ACCEPTED_REQUEST_STATES),
                *self._scope_domain("project_id"),
            ],
            {"group_by": "state"},
        )

    def action_open_tokens(self):
        self.ensure_one()
        return self._open(
            "network.activity.token",
            _("Tokens"),
            [
                ("school_year_id", "=", self.school_year_id.id),
                ("state", "!=", "revoked"),
                *self._scope_domain("event_id.project_id"),
            ],
            {"group_by": "partner_id"},
        )

    def action_open_uninvolved(self):
        self.ensure_one()
        action = self._open(
            "res.partner",
            _("Organizations Not Involved"),
            [("id", "in", self._uninvolved_organizations().ids)],
        )
        list_view = self.env.ref("network_methodology.res_partner_view_list_network_organization")
        action["views"] = [(list_view.id, "list"), (False, "form")]
        return action

    def action_print_report(self):
        """The analytical report of the row: the school year's, or the project's for the
        row's school year."""
        self.ensure_one()
        if self.project_id:
            return self.env.ref(
                "network_methodology.action_report_network_kpi_project"
            ).report_action(
                self.project_id, data={"school_year_id": self.school_year_id.id}, config=False
            )
        return self.env.ref("network_methodology.action_report_network_kpi_year").report_action(
            self.school_year_id, config=False
        )

    def action_export_xlsx(self):
        """The analytical report's tables as a spreadsheet."""
        self.ensure_one()
        url = f"/network/kpi/xlsx/{self.school_year_id.id}"
        if self.project_id:
            url += f"?project_id={self.project_id.id}"
        return {"type": "ir.actions.act_url", "url": url, "target": "download"}

    def _uninvolved_organizations(self):
        """The organizations counted in ``organizations_uninvolved``."""
        self.ensure_one()
        year = self.school_year_id
        Partner = self.env["res.partner"]
        expected_domain = [("network_org_kind", "not in", COORDINATING_ORG_KINDS)]
        if self.project_id:
            projects = self.env["network.project"].search([("id", "child_of", self.project_id.id)])
            expected_domain.append(("id", "in", projects.organization_ids.ids))
        else:
            expected_domain += NETWORK_ORGANIZATION_DOMAIN
        expected = Partner.search_fetch(expected_domain, ["name"])
        offering = self.env["network.offer"]._read_group(
            [
                ("school_year_id", "=", year.id),
                ("state", "in", PUBLISHED_OFFER_STATES),
                *self._scope_domain("project_id"),
            ],
            ["organization_id"],
        )
        requesting = self.env["network.request"]._read_group(
            [
                ("school_year_id", "=", year.id),
                ("state", "not in", UNFILED_REQUEST_STATES),
                *self._scope_domain("project_id"),
            ],
            ["requester_id"],
        )
        involved = {org.id for (org,) in offering} | {org.id for (org,) in requesting}
        return expected.filtered(lambda org: org.id not in involved)
