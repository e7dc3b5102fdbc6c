from odoo import _, api, fields, models
from odoo.tools import SQL

from odoo.addons.network_methodology.models.network_offer import PUBLISHED_OFFER_STATES

# The context keys that narrow the KPIs (and the matrix) to a direction of innovation or to
# the cluster headed by an organization.
FILTER_KEYS = ("network_direction_id", "network_cluster_id")


class NetworkKpiReport(models.Model):
    """Overdue road-map lines on the dashboard, and the KPIs of one direction of innovation or
    of one cluster.

    A filter (context ``network_direction_id`` / ``network_cluster_id``) restricts the rows
    every KPI reads, not the KPI definitions: ``_kpi_ctes`` then begins with sub-queries named
    after the tables the KPI sub-queries read (``network_offer``, ``network_request``,
    ``event_event``, ``network_activity_token``, ``network_certificate``,
    ``network_platform_partner_year_rel``, ``res_partner`` …), each selecting the table's rows
    of the direction or cluster. PostgreSQL resolves a name to the WITH query before the table
    of the same name, so every later sub-query — network_methodology's, network_certification's
    and this add-on's — counts within the filter, with its definition unchanged (a WITH query
    does not see itself, so each reads the real table it narrows)."""

    _inherit = "network.kpi.report"

    # The figures depend on the filter in the context: the ORM caches them per filter.
    offers_published = fields.Integer(depends_context=FILTER_KEYS)
    offers_requested = fields.Integer(depends_context=FILTER_KEYS)
    demand_ratio = fields.Float(depends_context=FILTER_KEYS)
    demand_met = fields.Boolean(depends_context=FILTER_KEYS)
    prev_demand_ratio = fields.Float(depends_context=FILTER_KEYS)
    requests_accepted = fields.Integer(depends_context=FILTER_KEYS)
    requests_done = fields.Integer(depends_context=FILTER_KEYS)
    requests_filed = fields.Integer(depends_context=FILTER_KEYS)
    requests_rejected = fields.Integer(depends_context=FILTER_KEYS)
    needs_open = fields.Integer(depends_context=FILTER_KEYS)
    needs_answered = fields.Integer(depends_context=FILTER_KEYS)
    fulfilment_ratio = fields.Float(depends_context=FILTER_KEYS)
    fulfilment_met = fields.Boolean(depends_context=FILTER_KEYS)
    prev_fulfilment_ratio = fields.Float(depends_context=FILTER_KEYS)
    teachers_active = fields.Integer(depends_context=FILTER_KEYS)
    prev_teachers_active = fields.Integer(depends_context=FILTER_KEYS)
    certificates_issued = fields.Integer(depends_context=FILTER_KEYS)
    prev_certificates_issued = fields.Integer(depends_context=FILTER_KEYS)
    certification_ratio = fields.Float(depends_context=FILTER_KEYS)
    prev_certification_ratio = fields.Float(depends_context=FILTER_KEYS)
    certification_met = fields.Boolean(depends_context=FILTER_KEYS)
    platforms_count = fields.Integer(depends_context=FILTER_KEYS)
    prev_platforms_count = fields.Integer(depends_context=FILTER_KEYS)
    platforms_met = fields.Boolean(depends_context=FILTER_KEYS)
    organizations_uninvolved = fields.Integer(depends_context=FILTER_KEYS)
    roadmap_overdue = fields.Integer(
        string="Overdue Road-Map Lines",
        readonly=True,
        depends_context=FILTER_KEYS,
        help="Road-map activities due in the school year, past their deadline and not done.",
    )
    direction_filter_id = fields.Many2one(
        "network.innovation.direction",
        string="Direction of Innovation",
        compute="_compute_filters",
        help="The KPIs count only the offers, requests, events and tokens of this direction.",
    )
    cluster_filter_id = fields.Many2one(
        "res.partner",
        string="Cluster",
        compute="_compute_filters",
        help="The KPIs count only the organizations of the cluster headed by this "
        "organization, their offers, requests, teachers and road-map lines.",
    )

    @api.depends_context(*FILTER_KEYS)
    def _compute_filters(self):
        direction, cluster = self._kpi_filter()
        for row in self:
            row.direction_filter_id = direction
            row.cluster_filter_id = cluster

    # ------------------------------------------------------------------ filters
    @api.model
    def _kpi_filter(self):
        """The direction and the cluster head the context narrows the KPIs to (empty
        recordsets when it does not)."""
        context = self.env.context
        direction = self.env["network.innovation.direction"]
        cluster = self.env["res.partner"]
        if isinstance(context.get("network_direction_id"), int):
            direction = direction.browse(context["network_direction_id"]).sudo().exists()
        if isinstance(context.get("network_cluster_id"), int):
            cluster = cluster.browse(context["network_cluster_id"]).sudo().exists()
        return direction, cluster

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # a direction is approved for one school year: its dashboard shows that year
        direction = self._kpi_filter()[0]
        if direction:
            domain = [*domain, ("school_year_id", "=", direction.school_year_id.id)]
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _kpi_filter_ctes(self):
        """The WITH queries narrowing the tables the KPIs read to the filter's rows (none
        without a filter). Each one reads the real table it is named after, and the WITH
        queries before it."""
        direction, cluster = self._kpi_filter()
        ctes = []
        if not (direction or cluster):
            return ctes

        def shadow(table, alias, *conditions):
            conditions = [condition for condition in conditions if condition is not None]
            if conditions:
                ctes.append(
                    (
                        table,
                        SQL(
                            "SELECT %(alias)s.* FROM %(table)s %(alias)s WHERE %(where)s",
                            alias=SQL.identifier(alias),
                            table=SQL.identifier(table),
                            where=SQL(" AND ").join(conditions),
                        ),
                    )
                )

        def shadowed(table):
            return any(name == table for name, _sql in ctes)

        def of_cluster(alias, column):
            if not cluster:
                return None
            return SQL(
                "%s IN (SELECT id FROM kpi_cluster_organization)", SQL.identifier(alias, column)
            )

        def of_direction(alias, column):
            if not direction:
                return None
            return SQL("%s = %s", SQL.identifier(alias, column), direction.id)

        if cluster:
            ctes.append(
                (
                    "kpi_cluster_organization",
                    SQL("SELECT id FROM res_partner WHERE network_cluster_id = %s", cluster.id),
                )
            )
        kinds = tuple(direction.org_kinds.mapped("code"))
        # the organizations expected to take part: the cluster's, of the direction's kinds
        shadow(
            "res_partner",
            "p",
            of_cluster("p", "id"),
            SQL("p.network_org_kind IN %s", kinds) if kinds else None,
        )
        shadow(
            "network_project_res_partner_rel",
            "rel",
            SQL("rel.res_partner_id IN (SELECT id FROM res_partner)")
            if shadowed("res_partner")
            else None,
        )
        shadow(
            "network_offer",
            "o",
            of_direction("o", "direction_id"),
            of_cluster("o", "organization_id"),
        )
        shadow(
            "network_request",
            "r",
            of_direction("r", "direction_id"),
            SQL("(%s OR %s)", of_cluster("r", "requester_id"), of_cluster("r", "executor_id"))
            if cluster
            else None,
        )
        # needs have no direction: a direction's dashboard counts none, a cluster's its own
        shadow(
            "network_need",
            "n",
            SQL("FALSE") if direction else None,
            of_cluster("n", "requester_id"),
        )
        shadow("event_event", "e", of_direction("e", "direction_id"))
        shadow(
            "network_activity_token",
            "t",
            SQL("t.event_id IN (SELECT id FROM event_event)") if shadowed("event_event") else None,
            of_cluster("t", "organization_id"),
        )
        # a certificate counts when it exchanged a token counted
        shadow(
            "network_certificate",
            "c",
            SQL(
                """
                c.id IN (SELECT rel.certificate_id FROM network_certificate_token_rel rel
                          WHERE rel.token_id IN (SELECT id FROM network_activity_token))
                """
            )
            if shadowed("network_activity_token")
            else None,
        )
        # a «Network platform» of the cluster; of the direction: executing a published offer
        # of the direction that year
        shadow(
            "network_platform_partner_year_rel",
            "rel",
            of_cluster("rel", "partner_id"),
            SQL(
                """
                EXISTS (SELECT 1 FROM network_offer o
                         WHERE o.organization_id = rel.partner_id
                           AND o.school_year_id = rel.school_year_id AND o.state IN %s)
                """,
                PUBLISHED_OFFER_STATES,
            )
            if direction
            else None,
        )
        shadow(
            "network_project_roadmap_line",
            "l",
            SQL(
                "l.project_id IN (SELECT project_id FROM network_project_direction_rel "
                "WHERE direction_id = %s)",
                direction.id,
            )
            if direction
            else None,
            of_cluster("l", "organization_id"),
        )
        return ctes

    # ------------------------------------------------------------------ SQL hooks
    @api.model
    def _kpi_ctes(self):
        return [
            *self._kpi_filter_ctes(),
            *super()._kpi_ctes(),
            (
                "roadmap_counts",
                SQL(
                    """
                    SELECT y.id AS school_year_id, m.scope_key, count(*) AS roadmap_overdue
                      FROM network_project_roadmap_line l
                      JOIN network_school_year y
                        ON l.date_deadline BETWEEN y.date_start AND y.date_end
                      JOIN scope_map m ON m.record_key = l.project_id
                     WHERE NOT COALESCE(l.is_done, FALSE) AND l.date_deadline < %s
                     GROUP BY 1, 2
                    """,
                    fields.Date.context_today(self),
                ),
            ),
        ]

    @api.model
    def _kpi_count_tables(self):
        return [*super()._kpi_count_tables(), "roadmap_counts"]

    @api.model
    def _kpi_counts(self):
        return dict(
            super()._kpi_counts(),
            roadmap_overdue=SQL.identifier("roadmap_counts", "roadmap_overdue"),
        )

    # ------------------------------------------------------------------ drill-down
    @api.model
    def _action_filtered(self, name, **filters):
        """The KPI dashboard under a filter (``network_direction_id``,
        ``network_cluster_id``)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_kpi_report_action"
        )
        action["name"] = action["display_name"] = name
        action["context"] = {"search_default_network_total": 1, **filters}
        return action

    def _filter_domain(self, model):
        """The part of a drill-down's domain that keeps the records of the filter."""
        paths = {
            "network.offer": ("direction_id", ["organization_id"]),
            "network.request": ("direction_id", ["requester_id", "executor_id"]),
            "network.activity.token": ("event_id.direction_id", ["organization_id"]),
            "network.certificate": (
                "token_ids.event_id.direction_id",
                ["token_ids.organization_id"],
            ),
            "network.project.roadmap.line": ("project_id.direction_ids", ["organization_id"]),
        }
        direction, cluster = self._kpi_filter()
        if model not in paths:
            return []
        direction_path, cluster_paths = paths[model]
        domain = [(direction_path, "in", direction.ids)] if direction else []
        if cluster:
            clauses = [(f"{path}.network_cluster_id", "=", cluster.id) for path in cluster_paths]
            domain += ["|"] * (len(clauses) - 1) + clauses
        return domain

    def _open(self, model, name, domain, context=None):
        return super()._open(model, name, domain + self._filter_domain(model), context)

    def _kpi_filter_ids(self, select):
        """Ids selected by ``select`` (an SQL query over the KPI sub-queries, filter
        included)."""
        with_clause = SQL(",\n").join(
            SQL("%s AS (%s)", SQL.identifier(name), sql) for name, sql in self._kpi_ctes()
        )
        rows = self.env.execute_query(SQL("WITH %s %s", with_clause, select))
        return [row[0] for row in rows]

    def _uninvolved_organizations(self):
        if not any(self._kpi_filter()):
            return super()._uninvolved_organizations()
        self.ensure_one()
        ids = self._kpi_filter_ids(
            SQL(
                """
                SELECT x.partner_id FROM expected_orgs x
                 WHERE x.scope_key = %(scope)s AND NOT EXISTS (
                       SELECT 1 FROM involved i
                        WHERE i.school_year_id = %(year)s AND i.scope_key = x.scope_key
                          AND i.partner_id = x.partner_id)
                """,
                scope=self.project_id.id or 0,
                year=self.school_year_id.id,
            )
        )
        return self.env["res.partner"].search([("id", "in", ids)])

    def _platform_organizations(self):
        platforms = super()._platform_organizations()
        if not any(self._kpi_filter()):
            return platforms
        ids = self._kpi_filter_ids(
            SQL(
                "SELECT partner_id FROM network_platform_partner_year_rel "
                "WHERE school_year_id = %s",
                self.school_year_id.id,
            )
        )
        return platforms.filtered(lambda org: org.id in ids)

    def action_open_roadmap_overdue(self):
        self.ensure_one()
        year = self.school_year_id
        return self._open(
            "network.project.roadmap.line",
            _("Overdue Road-Map Lines"),
            [
                ("is_done", "=", False),
                ("date_deadline", ">=", year.date_start),
                ("date_deadline", "<=", year.date_end),
                ("date_deadline", "<", fields.Date.context_today(self)),
                *self._scope_domain("project_id"),
            ],
        )

    def action_print_report(self):
        # the printed report and its spreadsheet are the whole network's
        return super(
            NetworkKpiReport, self.with_context(**dict.fromkeys(FILTER_KEYS, False))
        ).action_print_report()
