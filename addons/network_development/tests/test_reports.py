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
