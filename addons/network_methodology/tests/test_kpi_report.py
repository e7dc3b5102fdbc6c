"""KPIs of the network (network.kpi.report), participation of organizations and the
analytical report, on a small known dataset.

School years: 1989/1990 (P, the previous year), 1990/1991 (Y, the common's year) and
1991/1992 (E, empty). Projects: ``project`` with its ``subproject``.

Y: published offers ``offer`` (sub-project), ``offer_b`` (project), ``offer_c`` (no project),
``offer_e`` (sub-project, archived after publishing); ``offer_d`` stays a draft. Requests:
r1 on ``offer`` carried out; r2 on ``offer`` accepted then cancelled; r3 on ``offer_b``
submitted; r4 on ``offer_c`` a draft; r5 on ``offer_b`` rejected without being accepted.
Tokens: the presenter and the listener at r1's event (sub-project), ``listener_2`` at an event
without project, a revoked token of another teacher.
P: one offer in the sub-project, requested and carried out; the presenter's red token.
"""

import io
import logging
from datetime import date, datetime

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .access_matrix import GROUPS
from .common import NetworkTestCommon

_logger = logging.getLogger(__name__)

# the organizations expected to take part: members, but not the centre and the authority
MEMBER_DOMAIN = [
    ("is_network_member", "=", True),
    ("is_company", "=", True),
    ("network_org_kind", "not in", ("center", "authority")),
]


@tagged("post_install", "-at_install")
class TestKpiReport(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the report speaks the centre's language: the tests read the English source texts
        cls.env.company.partner_id.lang = "en_US"
        cls.year_prev = cls._create_year(1989)
        cls.year_empty = cls._create_year(1991)
        cls.silent = cls._create_org("Test silent school")
        cls.subproject.organization_ids = [
            Command.set((cls.executor | cls.applicant | cls.silent).ids)
        ]
        in_year = {"date_request": date(1991, 2, 1)}

        # ---- Y
        cls.offer_b = cls._create_offer(cls.executor, cls.presenter_2, project=cls.project)
        cls.offer_c = cls._create_offer(cls.third_org, cls._create_teacher(cls.third_org))
        cls.offer_d = cls._create_offer(cls.executor, cls.presenter, publish=False)
        cls.offer_e = cls._create_offer(
            cls.third_org, cls._create_teacher(cls.third_org), project=cls.subproject
        )
        cls.offer_e.action_archive_offer()

        cls.r1 = cls._create_request(cls.offer, cls.applicant, **in_year)
        cls.r1.action_submit()
        cls.r1.action_accept()
        cls.event_r1 = cls.r1._schedule_events(date_begin=cls.past_begin)
        cls._register(cls.event_r1, cls.listener)
        cls.event_r1._issue_tokens()
        cls.r2 = cls._create_request(cls.offer, cls.third_org, **in_year)
        cls.r2.action_submit()
        cls.r2.action_accept()
        cls.r2.action_cancel()
        cls.r3 = cls._create_request(cls.offer_b, cls.applicant, **in_year)
        cls.r3.action_submit()
        cls.r4 = cls._create_request(cls.offer_c, cls.applicant, **in_year)
        cls.r5 = cls._create_request(cls.offer_b, cls.third_org, **in_year)
        cls.r5.action_submit()
        cls.r5.action_reject("No room")

        event_no_project = cls._create_event(host=cls.third_org, presenters=cls.presenter_2)
        cls._create_token(cls.listener_2, event_no_project)
        revoked = cls._create_token(cls._create_teacher(cls.applicant), event_no_project)
        revoked.action_revoke("Test")

        # ---- P
        cls.offer_p = cls._create_offer(
            cls.executor, cls.presenter, project=cls.subproject, school_year_id=cls.year_prev.id
        )
        request_p = cls._create_request(cls.offer_p, cls.applicant, date_request=date(1990, 2, 1))
        request_p.action_submit()
        request_p.action_accept()
        request_p._schedule_events(date_begin=datetime(1990, 3, 10, 9, 0))._issue_tokens()

        cls.Report = cls.env["network.kpi.report"]
        cls.members = cls.env["res.partner"].search_count(MEMBER_DOMAIN)

    def _row(self, year, project=None):
        rows = self.Report.search(
            [
                ("school_year_id", "=", year.id),
                ("project_id", "=", project.id if project else False),
            ]
        )
        self.assertEqual(len(rows), 1)
        return rows

    def _assert_row(self, row, **expected):
        self.assertEqual({field: row[field] for field in expected}, expected)

    # ------------------------------------------------------------------ KPIs
    def test_whole_network_year(self):
        row = self._row(self.year)
        self.assertTrue(row.is_network_total)
        self._assert_row(
            row,
            offers_published=4,
            offers_requested=2,
            demand_ratio=50.0,
            demand_target=70.0,
            demand_met=False,
            requests_accepted=2,
            requests_done=1,
            fulfilment_ratio=50.0,
            fulfilment_target=100.0,
            fulfilment_met=False,
            teachers_active=3,
            # certificates and platforms: network_certification's tests
            organizations_uninvolved=self.members - 3,
            has_previous=True,
            prev_demand_ratio=100.0,
            prev_fulfilment_ratio=100.0,
            prev_teachers_active=1,
        )

    def test_previous_year_meets_targets(self):
        row = self._row(self.year_prev)
        self._assert_row(
            row,
            offers_published=1,
            offers_requested=1,
            demand_ratio=100.0,
            demand_met=True,
            requests_accepted=1,
            requests_done=1,
            fulfilment_ratio=100.0,
            fulfilment_met=True,
            teachers_active=1,
            organizations_uninvolved=self.members - 2,
            # the first school year of the database has nothing to compare with
            has_previous=False,
            prev_demand_ratio=0.0,
            prev_teachers_active=0,
            certification_met=False,
            platforms_met=False,
        )

    def test_targets_from_settings(self):
        """The targets come from Settings; the met flags follow them."""
        settings = self.env["res.config.settings"].create(
            {"network_kpi_demand_target": 50.0, "network_kpi_fulfilment_target": 40.5}
        )
        settings.execute()
        self._assert_row(
            self._row(self.year),
            demand_ratio=50.0,
            demand_target=50.0,
            demand_met=True,
            fulfilment_ratio=50.0,
            fulfilment_target=40.5,
            fulfilment_met=True,
        )
        # a hand-edited parameter that is not a percentage falls back to the plan's target
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("network_methodology.kpi_demand_target", "70; DROP TABLE x")
        params.set_param("network_methodology.kpi_fulfilment_target", "150")
        self.Report.invalidate_model()  # rows of a SQL view: the cache still holds the old ones
        self._assert_row(
            self._row(self.year),
            demand_target=70.0,
            demand_met=False,
            fulfilment_target=100.0,
            fulfilment_met=False,
        )

    def test_targets_settings_refuse_bad_input(self):
        params = self.env["ir.config_parameter"].sudo()
        for values in (
            {"network_kpi_demand_target": 100.5},
            {"network_kpi_fulfilment_target": -1.0},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(values)
        self.assertFalse(params.get_param("network_methodology.kpi_demand_target"))
        self.assertFalse(params.get_param("network_methodology.kpi_fulfilment_target"))

    def test_empty_year_divides_by_zero_as_zero(self):
        """No offers, no requests, no tokens: ratios are 0 and no target is met."""
        row = self._row(self.year_empty)
        self._assert_row(
            row,
            offers_published=0,
            offers_requested=0,
            demand_ratio=0.0,
            demand_met=False,
            requests_accepted=0,
            requests_done=0,
            fulfilment_ratio=0.0,
            fulfilment_met=False,
            teachers_active=0,
            certificates_issued=0,
            certification_ratio=0.0,
            certification_met=False,
            platforms_count=0,
            platforms_met=False,
            organizations_uninvolved=self.members,
            has_previous=True,
            prev_demand_ratio=50.0,
            prev_fulfilment_ratio=50.0,
            prev_teachers_active=3,
        )
        # an empty project row of an empty year
        self._assert_row(
            self._row(self.year_empty, self.subproject),
            offers_published=0,
            demand_ratio=0.0,
            fulfilment_ratio=0.0,
            organizations_uninvolved=3,
            prev_demand_ratio=50.0,
        )

    def test_subproject_row(self):
        row = self._row(self.year, self.subproject)
        self.assertFalse(row.is_network_total)
        self._assert_row(
            row,
            offers_published=2,
            offers_requested=1,
            demand_ratio=50.0,
            requests_accepted=2,
            requests_done=1,
            fulfilment_ratio=50.0,
            teachers_active=2,
            organizations_uninvolved=1,
            has_previous=True,
            prev_demand_ratio=100.0,
            prev_fulfilment_ratio=100.0,
            prev_teachers_active=1,
        )

    def test_project_counts_its_subprojects(self):
        row = self._row(self.year, self.project)
        self._assert_row(
            row,
            offers_published=3,
            offers_requested=2,
            demand_ratio=66.67,
            requests_accepted=2,
            requests_done=1,
            fulfilment_ratio=50.0,
            teachers_active=2,
            # the project lists no organization itself: its sub-project's count
            organizations_uninvolved=1,
        )

    def test_one_row_per_year_and_scope(self):
        years = self.year_prev | self.year | self.year_empty
        projects = self.env["network.project"].with_context(active_test=False).search_count([])
        rows = self.Report.search([("school_year_id", "in", years.ids)])
        self.assertEqual(len(rows), 3 * (1 + projects))
        self.assertEqual(len(set(rows.ids)), len(rows))
        self.assertEqual(
            rows[0].with_context(lang="en_US").display_name,
            f"{self.year_empty.name} — Whole network",
        )

    def test_one_query_per_read(self):
        """Each SQL report is one query, its composed parts and parameters included (the
        benchmark checks the same at region size)."""
        Activity = self.env["network.organization.activity.report"]
        domain = [("school_year_id", "=", self.year.id)]
        reads = {
            "kpi": lambda: self.Report.search_read(domain, list(self.Report._kpi_counts())),
            "activity": lambda: Activity._read_group(domain, ["is_uninvolved"], ["__count"]),
        }
        for report, read in reads.items():
            read()  # fills the caches: access rights, the KPI targets
            self.env.invalidate_all()
            with self.subTest(report=report), self.assertQueryCount(1):
                read()

    def test_later_changes_are_read_live(self):
        """A rejected request that had been accepted still counts as accepted."""
        row = self._row(self.year)
        self.r3.action_accept()
        self.r3.action_reject("Changed our mind")
        self.assertTrue(self.r3.date_accepted)
        self.env.invalidate_all()
        self._assert_row(row, requests_accepted=3, requests_done=1, fulfilment_ratio=33.33)

    def test_matrix_measure(self):
        self.assertEqual(self.r1.done_count, 1)
        self.assertEqual((self.r2 | self.r3 | self.r4 | self.r5).mapped("done_count"), [0] * 4)
        groups = self.env["network.request"]._read_group(
            [("school_year_id", "=", self.year.id), ("state", "not in", ("draft", "cancelled"))],
            ["requester_id", "executor_id"],
            ["__count", "done_count:sum"],
        )
        self.assertEqual(
            sorted((a.name, e.name, count, done) for a, e, count, done in groups),
            [
                (self.applicant.name, self.executor.name, 2, 1),
                (self.third_org.name, self.executor.name, 1, 0),
            ],
        )

    # ------------------------------------------------------------------ drill-down
    def test_drill_down_actions(self):
        row = self._row(self.year, self.subproject)
        offers = self.env["network.offer"].search(row.action_open_offers()["domain"])
        self.assertEqual(offers, self.offer | self.offer_e)
        requests = self.env["network.request"].search(row.action_open_requests()["domain"])
        self.assertEqual(requests, self.r1 | self.r2)
        tokens = self.env["network.activity.token"].search(row.action_open_tokens()["domain"])
        self.assertEqual(tokens.partner_id, self.presenter | self.listener)
        uninvolved = self.env["res.partner"].search(row.action_open_uninvolved()["domain"])
        self.assertEqual(uninvolved, self.silent)
        whole = self._row(self.year)
        self.assertEqual(len(whole._uninvolved_organizations()), whole.organizations_uninvolved)
        self.assertIn(self.silent, whole._uninvolved_organizations())

    def test_print_action(self):
        action = self._row(self.year).action_print_report()
        self.assertEqual(action["report_name"], "network_methodology.report_network_kpi_year")
        self.assertEqual(action["context"]["active_ids"], self.year.ids)
        action = self._row(self.year, self.subproject).action_print_report()
        self.assertEqual(action["report_name"], "network_methodology.report_network_kpi_project")
        self.assertEqual(action["data"], {"school_year_id": self.year.id})

    # ------------------------------------------------------------------ participation
    def test_organization_participation(self):
        Activity = self.env["network.organization.activity.report"]
        rows = Activity.search([("school_year_id", "=", self.year.id)])
        # every member has a row, the centre and the authority too (never «not involved»)
        self.assertEqual(len(rows), self.env["res.partner"].search_count(MEMBER_DOMAIN[:2]))
        by_org = {row.organization_id: row for row in rows}
        self._assert_row(
            by_org[self.executor],
            offers_published=2,
            requests_made=0,
            requests_received=3,
            requests_received_done=1,
            events_hosted=1,
            teachers_active=1,
            tokens_presenter=1,
            tokens_listener=0,
            is_uninvolved=False,
        )
        self._assert_row(
            by_org[self.applicant],
            offers_published=0,
            requests_made=2,
            requests_made_done=1,
            requests_received=0,
            teachers_active=1,
            tokens_listener=1,
            is_uninvolved=False,
        )
        self._assert_row(
            by_org[self.third_org],
            offers_published=2,
            requests_made=1,
            requests_made_done=0,
            requests_received=0,
            events_hosted=1,
            teachers_active=1,
            is_uninvolved=False,
        )
        self._assert_row(
            by_org[self.silent],
            offers_published=0,
            requests_made=0,
            events_hosted=0,
            teachers_active=0,
            is_uninvolved=True,
        )
        uninvolved = Activity.search_count(
            [("school_year_id", "=", self.year.id), ("is_uninvolved", "=", True)]
        )
        self.assertEqual(uninvolved, self._row(self.year).organizations_uninvolved)

    # ------------------------------------------------------------------ report values
    def _values(self, report, docids, data=None):
        return self.env[f"report.network_methodology.{report}"]._get_report_values(docids, data)

    def test_report_tables_whole_network(self):
        doc = self._values("report_network_kpi_year", self.year.ids)["docs"][0]
        self.assertEqual(doc["kpi"], self._row(self.year))
        self.assertEqual(doc["title"], "Final analytical report")
        lines = {line["name"]: line for line in doc["kpi_lines"]}
        demand = lines["Demand for offered experience (requested / published offers)"]
        self.assertEqual(
            (demand["number"], demand["counts"], demand["target_number"], demand["met"]),
            (50.0, (2, 4), 70.0, False),
        )
        # written in the report's language: «50,00 %» in Russian, «50.00 %» in English
        self.assertRegex(demand["value"], r"^50[.,]00 % \(2 / 4\)$")
        self.assertEqual(demand["target"], "≥ 70 %")
        self.assertRegex(demand["previous"], r"^100[.,]00 %$")
        teachers = lines["Teachers taking part (with tokens)"]
        self.assertEqual(
            (teachers["value"], teachers["previous"], teachers["met"]), ("3", "1", True)
        )
        self.assertEqual((teachers["number"], teachers["previous_number"]), (3, 1))
        orgs = {row["name"]: row for row in doc["organizations"]}
        self.assertNotIn(self.silent.name, orgs)
        self.assertEqual(
            orgs[self.executor.name],
            {
                "name": self.executor.name,
                "offers": 2,
                "made": 0,
                "made_done": 0,
                "received": 3,
                "received_done": 1,
                "events": 1,
                "teachers": 1,
                "tokens": 1,
            },
        )
        forms = doc["forms"]
        self.assertEqual(len(forms["months"]), 12)
        # r1's event (seminar, from the offer) and the workshop without project, both in March
        self.assertEqual(
            [(row["name"], row["counts"][6], row["total"]) for row in forms["rows"]],
            [("Seminar", 1, 1), ("Workshop", 1, 1)],
        )
        self.assertEqual(forms["total"], 2)
        self.assertEqual(
            doc["matrix"],
            [
                {
                    "applicant": self.applicant.name,
                    "executor": self.executor.name,
                    "requests": 2,
                    "done": 1,
                },
                {
                    "applicant": self.third_org.name,
                    "executor": self.executor.name,
                    "requests": 1,
                    "done": 0,
                },
            ],
        )
        self.assertIn(self.silent.name, doc["uninvolved"])

    def test_report_tables_subproject(self):
        values = self._values(
            "report_network_kpi_project", self.subproject.ids, {"school_year_id": self.year.id}
        )
        doc = values["docs"][0]
        self.assertEqual(doc["kpi"], self._row(self.year, self.subproject))
        self.assertEqual(doc["scope_name"], self.subproject.display_name)
        self.assertEqual(
            [(row["applicant"], row["requests"], row["done"]) for row in doc["matrix"]],
            [(self.applicant.name, 1, 1)],
        )
        self.assertEqual(
            [(row["name"], row["total"]) for row in doc["forms"]["rows"]], [("Seminar", 1)]
        )
        self.assertEqual(doc["uninvolved"], [self.silent.name])
        self.assertEqual(
            sorted(row["name"] for row in doc["organizations"]),
            sorted([self.executor.name, self.applicant.name, self.third_org.name]),
        )

    def test_report_tables_empty_year(self):
        doc = self._values("report_network_kpi_year", self.year_empty.ids)["docs"][0]
        self.assertEqual(doc["organizations"], [])
        self.assertEqual(doc["matrix"], [])
        self.assertEqual(doc["forms"]["rows"], [])
        self.assertEqual(doc["forms"]["total"], 0)
        met = [line["met"] for line in doc["kpi_lines"]]
        # the assessed KPIs, then counts without a target (materials published, and those
        # add-ons append): not assessed
        self.assertEqual(met[:7], [False, False, False, False, False, False, False])
        self.assertEqual(set(met[7:]), {None})
        lines = {line.get("code"): line for line in doc["kpi_lines"]}
        self.assertEqual(lines["materials_published"]["number"], 0)

    # ------------------------------------------------------------------ access, export
    def test_access(self):
        users = {key: self._create_user(f"kpi_{key}", groups) for key, groups in GROUPS.items()}
        for model in ("network.kpi.report", "network.organization.activity.report"):
            for key in ("department", "methodist", "manager"):
                with self.subTest(model=model, user=key):
                    self.assertTrue(self.env[model].with_user(users[key]).search_count([]))
            for key in ("internal", "portal"):
                with self.subTest(model=model, user=key), self.assertRaises(AccessError):
                    self.env[model].with_user(users[key]).search([])
            with self.subTest(model=model, operation="write"), self.assertRaises(AccessError):
                self.env[model].with_user(users["manager"]).search([], limit=1).write(
                    {"demand_ratio": 1.0}
                )
        # the department prints the report and opens the underlying records
        Report = self.env["ir.actions.report"].with_user(users["department"])
        html = Report._render_qweb_html(
            "network_methodology.action_report_network_kpi_year", self.year.ids
        )[0]
        self.assertIn(self.executor.name, html.decode())
        row = self._row(self.year).with_user(users["department"])
        action = row.action_open_requests()
        self.assertEqual(
            self.env["network.request"].with_user(users["department"]).search(action["domain"]),
            self.r1 | self.r2,
        )

    def test_export(self):
        """The list's own export gives the dashboard's numbers."""
        department = self._create_user("kpi_export", GROUPS["department"])
        row = self._row(self.year, self.subproject).with_user(department)
        data = row.export_data(
            ["school_year_id", "project_id", "demand_ratio", "requests_done", "teachers_active"]
        )["datas"]
        self.assertEqual(data, [[self.year.name, self.subproject.display_name, 50.0, 1, 2]])

    def test_spreadsheet(self):
        """The XLSX holds the report's tables with the same figures."""
        report = self.env["report.network_methodology.report_network_kpi_year"]
        content, filename = report._xlsx_report(self.year, self.subproject)
        self.assertEqual(filename, "Final analytical report Test sub-project 1990-1991.xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            book.sheetnames[:5],
            ["KPIs", "Organizations", "Forms and months", "Matrix", "Not involved"],
        )
        kpis = list(book["KPIs"].iter_rows(min_row=4, values_only=True))
        self.assertEqual(
            kpis[0],
            (
                "Demand for offered experience (requested / published offers)",
                50,  # numbers, for a spreadsheet to compute with
                70,
                100,
                "no",
                1,
                2,
            ),
        )
        matrix = list(book["Matrix"].iter_rows(min_row=3, values_only=True))
        self.assertEqual(
            matrix,
            [
                ("Applicant", "Executor", "Requests", "Carried out"),
                (self.applicant.name, self.executor.name, 1, 1),
            ],
        )
        forms = list(book["Forms and months"].iter_rows(min_row=4, values_only=True))
        self.assertEqual(forms[0][0], "Seminar")
        self.assertEqual(forms[0][7], 1)  # March
        self.assertEqual(forms[-1][-1], 1)  # total
        self.assertEqual(
            [row[0] for row in book["Not involved"].iter_rows(min_row=4, values_only=True)],
            [self.silent.name],
        )


@tagged("post_install", "-at_install")
class TestKpiBrowser(HttpCase):
    def test_download_rights(self):
        year = self.env["network.school.year"].create(
            {"name": "1970/1971", "date_start": date(1970, 9, 1), "date_end": date(1971, 8, 31)}
        )
        for key in ("department", "portal"):
            new_test_user(self.env, login=f"kpi_xlsx_{key}", groups=GROUPS[key])
        row = self.env["network.kpi.report"].search(
            [("school_year_id", "=", year.id), ("project_id", "=", False)]
        )
        url = row.action_export_xlsx()["url"]
        self.assertEqual(url, f"/network/kpi/xlsx/{year.id}")
        self.authenticate("kpi_xlsx_department", "kpi_xlsx_department")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertIn("1970-1971.xlsx", response.headers["Content-Disposition"])
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        # sheets in the centre's language: the report's five (and certification's two)
        self.assertGreaterEqual(len(book.sheetnames), 5)
        self.authenticate("kpi_xlsx_portal", "kpi_xlsx_portal")
        self.assertEqual(self.url_open(url).status_code, 403)

    def test_dashboard_in_the_browser(self):
        """The department's dashboard renders its tiles (the kanban compiles in the client)."""
        new_test_user(self.env, login="kpi_browser", groups=GROUPS["department"])
        code = """
            const deadline = Date.now() + 20000;
            (function check() {
                const tiles = document.querySelectorAll(".o_kanban_record [name=tile_demand]");
                if (tiles.length) {
                    console.log("test successful");
                } else if (Date.now() > deadline) {
                    console.error("no KPI tiles on the dashboard");
                } else {
                    setTimeout(check, 200);
                }
            })();
        """
        url = "/odoo/action-network_methodology.network_kpi_report_action"
        try:
            self.browser_js(url, code, login="kpi_browser")
        except AssertionError as error:
            # One CI run got an HTML error page where the web client's start-up expected JSON
            # (before any of our code ran); 30 local runs, some under CPU load, never did. Such a
            # start-up gets one more try; any other failure, or a second one, fails the test.
            if "is not valid JSON" not in str(error):
                raise
            _logger.warning("web client start-up failed, opening the dashboard again: %s", error)
            self.browser_js(url, code, login="kpi_browser")
