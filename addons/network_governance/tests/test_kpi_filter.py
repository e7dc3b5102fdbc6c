from datetime import date, datetime

from odoo import Command
from odoo.tests import tagged

from odoo.addons.network_certification.tests.common import CertificationTestCommon

from .common import GovernanceTestCommon

COUNTS = (
    "offers_published",
    "offers_requested",
    "requests_accepted",
    "requests_done",
    "teachers_active",
    "certificates_issued",
    "platforms_count",
    "roadmap_overdue",
)


@tagged("post_install", "-at_install")
class TestKpiFilters(GovernanceTestCommon, CertificationTestCommon):
    """The KPIs of a direction of innovation and of a cluster count the same things as the
    whole network's, within the direction or the cluster. Everything happens in school year
    1990/1991, where no other data lies.

    The executor school heads a cluster with the third school; the applicant kindergarten is
    outside. Direction D (for schools) holds the executor's offer only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.executor.network_level = "1"
        cls.third_org.write({"network_level": "2", "network_parent_id": cls.executor.id})
        cls.direction = cls._create_direction(name="Quality of education", kinds=["school"])
        cls.subproject.direction_ids = cls.direction
        cls.offer.direction_id = cls.direction
        third_teacher = cls._create_teacher(cls.third_org, "Presenter Olga")
        cls.offer_third = cls._create_offer(cls.third_org, third_teacher)
        cls.offer_applicant = cls._create_offer(cls.applicant, cls.listener)
        # r1 carried out (D), r2 accepted (D), r3 carried out (no direction), r4 submitted
        cls.r1 = cls._run(cls.offer, cls.applicant, done=True, day=1)
        cls.r2 = cls._run(cls.offer, cls.third_org, day=2)
        cls.r3 = cls._run(cls.offer_third, cls.executor, done=True, day=3)
        cls.r4 = cls._create_request(
            offer=cls.offer_applicant, requester=cls.executor, date_request=date(1991, 2, 1)
        )
        cls.r4.action_submit()
        # a teacher certificate exchanging the D event's red token and two others
        cls._give_tokens(cls.presenter, (1990, "listener"), (1990, "listener"))
        cls.certificate = cls._issue(cls.presenter)
        # network platforms of the year: the executor and the applicant
        (cls.executor | cls.applicant).sudo().write(
            {"network_platform_year_ids": [Command.link(cls.year.id)]}
        )
        # overdue road-map lines: one of the executor in the sub-project (direction D), one
        # of the applicant in the parent project
        cls.env["network.project.roadmap.line"].create(
            [
                {
                    "project_id": cls.subproject.id,
                    "name": "Seminar series",
                    "organization_id": cls.executor.id,
                    "date_deadline": date(1991, 1, 15),
                },
                {
                    "project_id": cls.project.id,
                    "name": "Monitoring",
                    "organization_id": cls.applicant.id,
                    "date_deadline": date(1991, 1, 20),
                },
                {
                    "project_id": cls.project.id,
                    "name": "Done already",
                    "organization_id": cls.applicant.id,
                    "date_deadline": date(1991, 1, 20),
                    "is_done": True,
                },
            ]
        )
        cls.env.flush_all()

    @classmethod
    def _run(cls, offer, requester, done=False, day=1):
        request = cls._create_request(
            offer=offer, requester=requester, date_request=date(1991, 2, day)
        )
        request.action_submit()
        request.action_accept()
        if done:
            event = request._schedule_events(date_begin=datetime(1991, 4, day, 9, 0))
            event._issue_tokens()
        return request

    def _row(self, project=None, **filters):
        Report = self.env["network.kpi.report"].with_context(**filters)
        row = Report.search(
            [
                ("school_year_id", "=", self.year.id),
                ("project_id", "=", project.id if project else False),
            ]
        )
        self.assertEqual(len(row), 1)
        return row

    def _counts(self, row):
        return {field: row[field] for field in COUNTS}

    def test_whole_network(self):
        row = self._row()
        self.assertEqual(
            self._counts(row),
            {
                "offers_published": 3,
                "offers_requested": 3,
                "requests_accepted": 3,
                "requests_done": 2,
                "teachers_active": 2,
                "certificates_issued": 1,
                "platforms_count": 2,
                "roadmap_overdue": 2,
            },
        )
        self.assertFalse(row.direction_filter_id or row.cluster_filter_id)

    def test_direction(self):
        row = self._row(network_direction_id=self.direction.id)
        self.assertEqual(row.direction_filter_id, self.direction)
        self.assertEqual(
            self._counts(row),
            {
                "offers_published": 1,
                "offers_requested": 1,
                "requests_accepted": 2,
                "requests_done": 1,
                "teachers_active": 1,
                "certificates_issued": 1,
                "platforms_count": 1,
                "roadmap_overdue": 1,
            },
        )
        self.assertEqual((row.demand_ratio, row.fulfilment_ratio), (100.0, 50.0))
        # schools of the network not involved in the direction: all but the two
        schools = self.env["res.partner"].search(
            [
                ("is_network_member", "=", True),
                ("is_company", "=", True),
                ("network_org_kind", "=", "school"),
            ]
        )
        self.assertEqual(row.organizations_uninvolved, len(schools) - 2)
        uninvolved = row._uninvolved_organizations()
        self.assertEqual(len(uninvolved), row.organizations_uninvolved)
        self.assertFalse(uninvolved & (self.executor | self.third_org | self.applicant))
        # the project of the direction
        project_row = self._row(self.subproject, network_direction_id=self.direction.id)
        self.assertEqual((project_row.offers_published, project_row.requests_accepted), (1, 2))
        # the direction's dashboard shows its school year only
        rows = (
            self.env["network.kpi.report"]
            .with_context(network_direction_id=self.direction.id)
            .search([])
        )
        self.assertEqual(rows.school_year_id, self.year)

    def test_cluster(self):
        row = self._row(network_cluster_id=self.executor.id)
        self.assertEqual(row.cluster_filter_id, self.executor)
        self.assertEqual(
            self._counts(row),
            {
                "offers_published": 2,
                "offers_requested": 2,
                "requests_accepted": 3,
                "requests_done": 2,
                "teachers_active": 2,
                "certificates_issued": 1,
                "platforms_count": 1,
                "roadmap_overdue": 1,
            },
        )
        self.assertEqual(row.organizations_uninvolved, 0)
        self.assertFalse(row._uninvolved_organizations())
        self.assertEqual(row._platform_organizations(), self.executor)

    def test_filters_cached_apart(self):
        """The same row read with and without a filter in one transaction."""
        Report = self.env["network.kpi.report"]
        whole = self._row()
        self.assertEqual(whole.offers_published, 3)
        same = Report.browse(whole.id).with_context(network_cluster_id=self.executor.id)
        self.assertEqual(same.offers_published, 2)
        self.assertEqual(whole.offers_published, 3)

    def test_drill_down_keeps_the_filter(self):
        row = self._row(network_direction_id=self.direction.id)
        offers = self.env[row.action_open_offers()["res_model"]].search(
            row.action_open_offers()["domain"]
        )
        self.assertEqual(offers, self.offer)
        requests = self.env["network.request"].search(row.action_open_requests()["domain"])
        self.assertEqual(requests, self.r1 | self.r2)
        overdue = self.env["network.project.roadmap.line"].search(
            row.action_open_roadmap_overdue()["domain"]
        )
        self.assertEqual(overdue.mapped("name"), ["Seminar series"])
        cluster_row = self._row(network_cluster_id=self.executor.id)
        requests = self.env["network.request"].search(cluster_row.action_open_requests()["domain"])
        self.assertEqual(requests, self.r1 | self.r2 | self.r3)
        certificates = self.env["network.certificate"].search(
            cluster_row.action_open_certificates()["domain"]
        )
        self.assertEqual(certificates, self.certificate)

    def test_grouped_figures_follow_the_filter(self):
        Report = self.env["network.kpi.report"].with_context(network_direction_id=self.direction.id)
        [(offers,)] = Report._read_group(
            [("school_year_id", "=", self.year.id), ("is_network_total", "=", True)],
            [],
            ["offers_published:sum"],
        )
        self.assertEqual(offers, 1)

    def test_filtered_dashboard_actions(self):
        action = self.direction.action_view_kpis()
        self.assertEqual(action["context"]["network_direction_id"], self.direction.id)
        self.assertEqual(action["res_model"], "network.kpi.report")
