from datetime import timedelta

from markupsafe import escape

from .common import DevelopmentTestCommon


class TestReports(DevelopmentTestCommon):
    def _kpi(self):
        report = self.env["network.kpi.report"]
        self.env.flush_all()
        report.invalidate_model()
        return report.search([("school_year_id", "=", self.year.id), ("project_id", "=", False)])

    def test_kpi_empty_year(self):
        row = self._kpi()
        self.assertEqual(len(row), 1)
        self.assertEqual(
            (row.teachers_diagnosed, row.teachers_with_deficits, row.routes_done), (0, 0, 0)
        )

    def test_kpi_counts_diagnostics_and_routes(self):
        diagnostic = self._closed_diagnostic()
        # a running campaign counts nothing yet
        running = self._create_diagnostic(organizations=self.third_org)
        running.action_start()
        row = self._kpi()
        self.assertEqual((row.teachers_diagnosed, row.teachers_with_deficits), (2, 2))
        self.assertEqual(row.routes_done, 0)
        offer = self._create_offer(self.executor, self.presenter)
        offer.competence_ids = self.comp_a
        diagnostic.action_generate_routes()
        route = diagnostic.route_ids.filtered(lambda r: r.partner_id == self.presenter)
        route.action_agree()
        held = self._create_event(offer_id=offer.id, presenters=self.presenter_2)
        self._register(held, self.presenter)
        held._issue_tokens()
        self.assertEqual(route.state, "done")
        self.assertEqual(self._kpi().routes_done, 1)

    def test_heatmap_by_area(self):
        diagnostic = self._closed_diagnostic()
        groups = self.env["network.diagnostic.heatmap"]._read_group(
            [("diagnostic_id", "=", diagnostic.id)],
            ["organization_id", "area_id"],
            ["teacher_count:sum", "deficit_count:sum"],
        )
        self.assertEqual(
            {(org, area): (teachers, deficits) for org, area, teachers, deficits in groups},
            {
                (self.executor, self.area): (2, 1),  # Irina: A deficit, B not
                (self.executor, self.comp_c): (1, 0),
                (self.applicant, self.area): (2, 1),  # Anna: B deficit, A not
                (self.applicant, self.comp_c): (1, 1),
            },
        )

    def test_kpi_deficits_closed_at_the_next_diagnostic(self):
        self._closed_diagnostic()  # Irina: A deficit; Anna: B and C deficits
        row = self._kpi()
        self.assertEqual((row.teachers_rediagnosed, row.teachers_deficits_closed), (0, 0))
        later = self._create_diagnostic(deadline=self.deadline + timedelta(days=1))
        later.action_start()
        self._answer(later, self.presenter, q1=2, q2=(0, 1), q3=1, q4=10)  # A closed
        self._answer(later, self.listener, q1=2, q2=(0, 1), q3=2, q4=3)  # B closed, C not
        later.action_close()
        row = self._kpi()
        self.assertEqual((row.teachers_rediagnosed, row.teachers_deficits_closed), (2, 1))
        lines = {
            line["code"]: line
            for line in self.env["report.network_methodology.report_network_kpi_year"]._kpi_lines(
                row
            )
            if line.get("code")
        }
        self.assertEqual(lines["deficits_closed"]["number"], 50.0)
        self.assertEqual(lines["deficits_closed"]["counts"], (1, 2))
        self.assertEqual(lines["teachers_diagnosed"]["number"], 2)
        self.assertEqual(lines["routes_done"]["number"], 0)

    def test_kpi_report_prints_the_diagnostic_lines(self):
        self._closed_diagnostic()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("network_methodology.action_report_network_kpi_year", self.year.ids)[
                0
            ]
            .decode()
        )
        lines = self.env["report.network_methodology.report_network_kpi_year"]._kpi_lines(
            self._kpi()
        )
        printed = {line["code"]: line for line in lines if line.get("code")}
        self.assertEqual(printed["teachers_with_deficits"]["number"], 2)
        for code in ("teachers_diagnosed", "teachers_with_deficits", "deficits_closed"):
            self.assertIn(escape(printed[code]["name"]), html)
