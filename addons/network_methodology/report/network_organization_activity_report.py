from odoo import fields, models
from odoo.tools import SQL

from ..models.network_offer import PUBLISHED_OFFER_STATES
from ..models.network_request import UNFILED_REQUEST_STATES
from ..models.res_partner import COORDINATING_ORG_KINDS, ORG_KINDS


class NetworkOrganizationActivityReport(models.Model):
    """Participation of each network organization per school year: as executor (offers,
    requests received, events hosted), as applicant (requests made) and through its teachers'
    tokens. Every member organization has a row for every school year, so the ones that
    neither offered nor requested anything (``is_uninvolved``) are listed too."""

    _name = "network.organization.activity.report"
    _description = "Participation of Network Organizations"
    _auto = False
    _order = "date_start desc, organization_name"
    _rec_name = "organization_id"

    school_year_id = fields.Many2one("network.school.year", readonly=True)
    date_start = fields.Date(string="Year Start", readonly=True)
    organization_id = fields.Many2one("res.partner", readonly=True)
    organization_name = fields.Char(readonly=True)
    network_org_kind = fields.Selection(ORG_KINDS, string="Kind of Organization", readonly=True)
    offers_published = fields.Integer(string="Published Offers", readonly=True)
    requests_made = fields.Integer(readonly=True, help="Requests filed as applicant.")
    requests_made_done = fields.Integer(string="Requests Made, Carried Out", readonly=True)
    requests_received = fields.Integer(readonly=True, help="Requests filed to it as executor.")
    requests_received_done = fields.Integer(string="Requests Received, Carried Out", readonly=True)
    events_hosted = fields.Integer(readonly=True)
    teachers_active = fields.Integer(
        string="Teachers Taking Part", readonly=True, help="Its teachers with a token."
    )
    tokens_listener = fields.Integer(string="Listener Tokens", readonly=True)
    tokens_presenter = fields.Integer(string="Presenter Tokens", readonly=True)
    is_uninvolved = fields.Boolean(
        string="Not Involved",
        readonly=True,
        help="Neither offered experience nor filed a request in the school year.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH offers AS (
                SELECT school_year_id, organization_id, count(*) AS published
                  FROM network_offer
                 WHERE state IN %(published)s
                 GROUP BY 1, 2
            ), made AS (
                SELECT school_year_id, requester_id AS organization_id, count(*) AS filed,
                       count(*) FILTER (WHERE state = 'done') AS done
                  FROM network_request
                 WHERE state NOT IN %(unfiled)s
                 GROUP BY 1, 2
            ), received AS (
                SELECT school_year_id, executor_id AS organization_id, count(*) AS filed,
                       count(*) FILTER (WHERE state = 'done') AS done
                  FROM network_request
                 WHERE state NOT IN %(unfiled)s
                 GROUP BY 1, 2
            ), hosted AS (
                SELECT school_year_id, host_organization_id AS organization_id, count(*) AS events
                  FROM event_event
                 WHERE is_network_event
                 GROUP BY 1, 2
            ), tokens AS (
                SELECT school_year_id, organization_id,
                       count(DISTINCT partner_id) AS teachers,
                       count(*) FILTER (WHERE role = 'listener') AS listener,
                       count(*) FILTER (WHERE role = 'presenter') AS presenter
                  FROM network_activity_token
                 WHERE state != 'revoked'
                 GROUP BY 1, 2
            )
            SELECT (y.id::bigint << 32) + p.id AS id,
                   y.id AS school_year_id, y.date_start,
                   p.id AS organization_id, p.name AS organization_name, p.network_org_kind,
                   COALESCE(offers.published, 0) AS offers_published,
                   COALESCE(made.filed, 0) AS requests_made,
                   COALESCE(made.done, 0) AS requests_made_done,
                   COALESCE(received.filed, 0) AS requests_received,
                   COALESCE(received.done, 0) AS requests_received_done,
                   COALESCE(hosted.events, 0) AS events_hosted,
                   COALESCE(tokens.teachers, 0) AS teachers_active,
                   COALESCE(tokens.listener, 0) AS tokens_listener,
                   COALESCE(tokens.presenter, 0) AS tokens_presenter,
                   offers.published IS NULL AND made.filed IS NULL
                       AND COALESCE(p.network_org_kind, '') NOT IN %(coordinating)s
                       AS is_uninvolved
              FROM network_school_year y
             CROSS JOIN res_partner p
              LEFT JOIN offers ON offers.school_year_id = y.id AND offers.organization_id = p.id
              LEFT JOIN made ON made.school_year_id = y.id AND made.organization_id = p.id
              LEFT JOIN received
                     ON received.school_year_id = y.id AND received.organization_id = p.id
              LEFT JOIN hosted ON hosted.school_year_id = y.id AND hosted.organization_id = p.id
              LEFT JOIN tokens ON tokens.school_year_id = y.id AND tokens.organization_id = p.id
             WHERE y.active AND p.active AND p.is_network_member AND p.is_company
            """,
            published=PUBLISHED_OFFER_STATES,
            coordinating=COORDINATING_ORG_KINDS,
            unfiled=UNFILED_REQUEST_STATES,
        )
