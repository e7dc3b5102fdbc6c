from odoo import api, fields, models
from odoo.tools import SQL

from ..models.network_community import COMMUNITY_KINDS

# Materials that count as a community's products: those handed in, not drafts or rejected ones.
UNSUBMITTED_MATERIAL_STATES = ("draft", "rejected")


class NetworkCommunityReport(models.Model):
    """Each professional community per school year it worked in (founded before the year
    ended, not closed before it started): its members that year (joined before
    the year ended and did not leave before it started), those who joined that year, its meetings
    planned and held, the teachers and tokens of its meetings and its products.

    Read live in SQL (``_table_query``), as the KPI report: nothing stored to refresh."""

    _name = "network.community.report"
    _description = "Professional Communities Report"
    _auto = False
    _order = "date_start desc, community_kind, community_name"
    _rec_name = "community_id"
    # what the query reads: pending changes are flushed before it runs
    _depends = {
        "network.school.year": ["date_start", "date_end", "active"],
        "network.community": [
            "name",
            "community_kind",
            "organization_id",
            "subject_id",
            "methodist_id",
            "is_open",
            "state",
            "date_start",
            "date_closed",
        ],
        "network.community.member": ["community_id", "partner_id", "date_join", "date_leave"],
        "event.event": [
            "community_id",
            "is_network_event",
            "active",
            "stage_id",
            "date_end",
            "school_year_id",
        ],
        "network.activity.token": ["event_id", "partner_id", "state", "school_year_id"],
        "network.material": ["community_id", "state", "school_year_id"],
    }

    school_year_id = fields.Many2one("network.school.year", readonly=True)
    date_start = fields.Date(string="Year Start", readonly=True)
    community_id = fields.Many2one("network.community", readonly=True)
    community_name = fields.Char(readonly=True)
    community_kind = fields.Selection(
        COMMUNITY_KINDS, string="Kind", readonly=True, group_expand=True
    )
    organization_id = fields.Many2one("res.partner", string="School", readonly=True)
    is_city_level = fields.Boolean(string="City Level", readonly=True)
    subject_id = fields.Many2one("network.subject", readonly=True)
    methodist_id = fields.Many2one("res.users", readonly=True)
    is_open = fields.Boolean(string="Open", readonly=True)
    state = fields.Selection([("active", "Active"), ("closed", "Closed")], readonly=True)
    members = fields.Integer(readonly=True, help="Members at any time of the school year.")
    members_joined = fields.Integer(
        string="Joined in the Year", readonly=True, help="Members who joined in the school year."
    )
    meetings_planned = fields.Integer(readonly=True, help="Network events of the community.")
    meetings_held = fields.Integer(
        readonly=True, help="Meetings that have ended (cancelled ones left out)."
    )
    teachers_with_tokens = fields.Integer(
        string="Teachers with Tokens",
        readonly=True,
        help="Teachers with a token (not revoked) of the community's meetings.",
    )
    tokens = fields.Integer(readonly=True)
    products = fields.Integer(
        readonly=True, help="Materials of the community handed in (not drafts, not rejected)."
    )

    @property
    def _table_query(self):
        cancelled = self.env.ref("event.event_stage_cancelled", raise_if_not_found=False)
        return SQL(
            """
            WITH members AS (
                SELECT y.id AS school_year_id, m.community_id,
                       count(DISTINCT m.partner_id) AS members,
                       count(DISTINCT m.partner_id) FILTER (
                           WHERE m.date_join >= y.date_start) AS joined
                  FROM network_school_year y
                  JOIN network_community_member m
                    ON m.date_join <= y.date_end
                   AND (m.date_leave IS NULL OR m.date_leave >= y.date_start)
                 GROUP BY 1, 2
            ), meetings AS (
                SELECT e.school_year_id, e.community_id, count(*) AS planned,
                       count(*) FILTER (WHERE e.date_end < (now() AT TIME ZONE 'UTC')) AS held
                  FROM event_event e
                 WHERE e.community_id IS NOT NULL AND e.is_network_event AND e.active
                   AND e.stage_id IS DISTINCT FROM %(cancelled)s
                 GROUP BY 1, 2
            ), tokens AS (
                SELECT t.school_year_id, e.community_id,
                       count(DISTINCT t.partner_id) AS teachers, count(*) AS tokens
                  FROM network_activity_token t
                  JOIN event_event e ON e.id = t.event_id
                 WHERE e.community_id IS NOT NULL AND t.state != 'revoked'
                 GROUP BY 1, 2
            ), products AS (
                SELECT school_year_id, community_id, count(*) AS products
                  FROM network_material
                 WHERE community_id IS NOT NULL AND state NOT IN %(unsubmitted)s
                 GROUP BY 1, 2
            )
            SELECT (y.id::bigint << 32) + c.id AS id,
                   y.id AS school_year_id, y.date_start,
                   c.id AS community_id, c.name AS community_name, c.community_kind,
                   c.organization_id, c.organization_id IS NULL AS is_city_level,
                   c.subject_id, c.methodist_id, c.is_open, c.state,
                   COALESCE(members.members, 0)::integer AS members,
                   COALESCE(members.joined, 0)::integer AS members_joined,
                   COALESCE(meetings.planned, 0)::integer AS meetings_planned,
                   COALESCE(meetings.held, 0)::integer AS meetings_held,
                   COALESCE(tokens.teachers, 0)::integer AS teachers_with_tokens,
                   COALESCE(tokens.tokens, 0)::integer AS tokens,
                   COALESCE(products.products, 0)::integer AS products
              FROM network_school_year y
             CROSS JOIN network_community c
              LEFT JOIN members
                     ON members.school_year_id = y.id AND members.community_id = c.id
              LEFT JOIN meetings
                     ON meetings.school_year_id = y.id AND meetings.community_id = c.id
              LEFT JOIN tokens ON tokens.school_year_id = y.id AND tokens.community_id = c.id
              LEFT JOIN products
                     ON products.school_year_id = y.id AND products.community_id = c.id
             WHERE y.active AND c.date_start <= y.date_end
               AND (c.date_closed IS NULL OR c.date_closed >= y.date_start)
            """,
            cancelled=cancelled.id if cancelled else None,
            unsubmitted=UNSUBMITTED_MATERIAL_STATES,
        )

    @api.model
    def _kind_rows(self, year):
        """Per kind of community for ``year``: communities, members, meetings planned and
        held, teachers with tokens, products (one grouped query)."""
        kinds = dict(self._fields["community_kind"]._description_selection(self.env))
        groups = self._read_group(
            [("school_year_id", "=", year.id)],
            ["community_kind"],
            [
                "__count",
                "members:sum",
                "meetings_planned:sum",
                "meetings_held:sum",
                "teachers_with_tokens:sum",
                "products:sum",
            ],
        )
        order = [kind for kind, _label in COMMUNITY_KINDS]
        return [
            {
                "kind": kinds.get(kind, kind),
                "communities": count,
                "members": members,
                "meetings_planned": planned,
                "meetings_held": held,
                "teachers": teachers,
                "products": products,
            }
            for kind, count, members, planned, held, teachers, products in sorted(
                groups, key=lambda group: order.index(group[0]) if group[0] in order else 99
            )
        ]
