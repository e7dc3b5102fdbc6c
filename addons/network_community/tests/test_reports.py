from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CommunityTestCommon

KPI_REPORT = "network_methodology.action_report_network_kpi_year"


@tagged("post_install", "-at_install")
class TestCommunityReports(CommunityTestCommon):
    """The SQL reports read live: members per community and kind, meetings held, the young
    teachers with and without a mentor, the pairs by state and outcome; the analytical report
    and its spreadsheet show the same figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.lang = "en_US"
        cls.city = cls._create_community(leader=cls.mentor, date_start=date(1989, 9, 1))
        cls.city.member_ids.date_join = date(1989, 9, 1)
        cls.env["network.community.member"].create(
            [
                # member all year, joined in the year, left before the year
                {
                    "community_id": cls.city.id,
                    "partner_id": cls.listener.id,
                    "date_join": date(1990, 10, 1),
                },
                {
                    "community_id": cls.city.id,
                    "partner_id": cls.listener_2.id,
                    "date_join": date(1989, 9, 1),
                    "date_leave": date(1990, 5, 1),
                },
            ]
        )
        cls.school = cls._create_community(
            "school_association",
            leader=cls.presenter_2,
            organization=cls.executor,
            date_start=date(1990, 9, 1),
        )
        cls.school.member_ids.date_join = date(1990, 9, 1)
        held = cls._create_meeting(cls.city, presenter_ids=[(6, 0, cls.mentor.ids)])
        cls._register(held, cls.listener)
        held._issue_tokens()
        cls._create_meeting(cls.city, date_begin=datetime(1991, 4, 1, 9, 0))
        cls._create_meeting(cls.school, date_begin=datetime.now() + timedelta(days=30))
        product = cls._create_material(community_id=cls.city.id, date=date(1991, 1, 10))
        product.action_submit()
        cls._create_material(community_id=cls.city.id, date=date(1991, 1, 11))  # a draft

    def _row(self, community, year=None):
        return self.env["network.community.report"].search(
            [("community_id", "=", community.id), ("school_year_id", "=", (year or self.year).id)]
        )

    def test_community_report(self):
        row = self._row(self.city)
        self.assertEqual(
            (
                row.members,
                row.members_joined,
                row.meetings_planned,
                row.meetings_held,
                row.teachers_with_tokens,
                row.tokens,
                row.products,
            ),
            (2, 1, 2, 2, 2, 2, 1),
        )
        self.assertTrue(row.is_city_level)
        # the school association was founded in 1990: no row for the year before
        previous = self._create_year(1989)
        self.assertFalse(self._row(self.school, previous))
        self.assertEqual(self._row(self.city, previous).members, 2)
        # live: a new member is counted at once
        self.city.action_join(self._create_teacher(self.third_org))
        self.assertEqual(self._row(self.city).members, 2)  # joined today, not in 1990/1991
        self.assertEqual(self._row(self.city, self._current_year()).members, 3)
        # closed before the year started: no row
        self.school.action_close()
        self.school.date_closed = date(1990, 8, 31)
        self.assertFalse(self._row(self.school))

    def _current_year(self):
        year = self.env["network.school.year"]._get_current()
        if not year:
            start = self.current_start
            year = self._create_year(start)
        return year

    def test_kind_rows(self):
        rows = {
            row["kind"]: row for row in self.env["network.community.report"]._kind_rows(self.year)
        }
        city = rows["City methodological association"]
        self.assertGreaterEqual(city["communities"], 1)
        mine = self.env["network.community.report"].search(
            [("school_year_id", "=", self.year.id), ("community_kind", "=", "city_association")]
        )
        self.assertEqual(city["members"], sum(mine.mapped("members")))
        self.assertEqual(city["meetings_held"], sum(mine.mapped("meetings_held")))

    def test_young_teacher_gap(self):
        Report = self.env["network.young.teacher.report"]
        row = Report.search([("organization_id", "=", self.executor.id)])
        self.assertEqual(
            (row.young_teachers, row.young_with_mentor, row.young_without_mentor), (1, 0, 1)
        )
        self.assertEqual(row.mentors, 1)
        before = Report._totals()
        self._pair_in_state("active")
        row.invalidate_recordset()
        row = Report.search([("organization_id", "=", self.executor.id)])
        self.assertEqual(
            (row.young_with_mentor, row.young_without_mentor, row.active_pairs, row.coverage),
            (1, 0, 1, 100.0),
        )
        after = Report._totals()
        self.assertEqual(after["with_mentor"], before["with_mentor"] + 1)
        self.assertEqual(after["without_mentor"], before["without_mentor"] - 1)
        self.assertEqual(after["young"], after["with_mentor"] + after["without_mentor"])
        # the same rule as the profile: at the turn of the school year Vera is no longer young
        # three years later
        with freeze_time(date(self.current_start + 2, 9, 1)):
            Report.invalidate_model()
            row = Report.search([("organization_id", "=", self.executor.id)])
            self.assertEqual(row.young_teachers, 0)

    def test_pairs_by_state_and_outcome(self):
        self._pair_in_state("draft")
        self._pair_in_state("active", mentee=self.young_other)
        done = self._pair_in_state("done", mentee=self.listener)
        done.action_rate("4")
        self._pair_in_state("cancelled", mentee=self.listener_2)
        rows = self.env["network.mentoring.report"]._state_outcome_rows(self.year)
        self.assertEqual(
            [(row["state"], row["outcome"], row["pairs"]) for row in rows],
            [
                ("Draft", "", 1),
                ("Active", "", 1),
                ("Finished", "Goal achieved", 1),
                ("Cancelled", "", 1),
            ],
        )
        self.assertEqual(rows[2]["rating"], 4.0)
        report_row = self.env["network.mentoring.report"].search([("pair_id", "=", done.id)])
        self.assertEqual(
            (report_row.state, report_row.outcome, report_row.pair_count), ("done", "achieved", 1)
        )

    def test_analytical_report(self):
        self.env = self.env(context=dict(self.env.context, lang="en_US"))
        self._pair_in_state("active")
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        html = Report._render_qweb_html(KPI_REPORT, self.year.ids)[0].decode()
        self.assertIn("Professional communities", html)
        self.assertIn("community_kinds", html)
        self.assertIn("Young teachers and mentoring", html)
        self.assertIn("Mentoring pairs started in the school year", html)
        doc = self.env["report.network_methodology.report_network_kpi_year"]._report_tables(
            self.year, self.env["network.project"]
        )
        sheets = {
            title: rows
            for title, _header, rows in self.env[
                "report.network_methodology.report_network_kpi_year"
            ]._report_sheets(doc)
        }
        self.assertIn("Communities", sheets)
        self.assertEqual(sheets["Mentoring pairs"], [["Active", "", 1, 0.0]])
        self.assertEqual(sheets["Young teachers"][-1][0], "Total")
        # a project's report leaves communities out: they belong to no project
        doc = self.env["report.network_methodology.report_network_kpi_year"]._report_tables(
            self.year, self.subproject
        )
        self.assertIsNone(doc["communities"])
        sheet_titles = [
            title
            for title, _header, _rows in self.env[
                "report.network_methodology.report_network_kpi_year"
            ]._report_sheets(doc)
        ]
        self.assertNotIn("Communities", sheet_titles)
