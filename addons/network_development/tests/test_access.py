from odoo.exceptions import AccessError
from odoo.tests import tagged

from .portal_common import DevelopmentPortalCommon


@tagged("post_install", "-at_install")
class TestAccess(DevelopmentPortalCommon):
    def _readable(self, user, model):
        return self.env[model].with_user(user).search([("id", "in", self._ids(model))])

    def _ids(self, model):
        if model == "network.diagnostic.result":
            return self.diagnostic.result_ids.ids
        if model == "network.route":
            return self.diagnostic.route_ids.ids
        return self.diagnostic.route_ids.line_ids.ids

    def test_teacher_reads_own_results_and_route(self):
        results = self._readable(self.teacher_user, "network.diagnostic.result")
        self.assertEqual(results.partner_id, self.listener)
        self.assertEqual(len(results), 3)
        self.assertEqual(self._readable(self.teacher_user, "network.route"), self.route_anna)
        self.assertEqual(
            self._readable(self.teacher_user, "network.route.line"), self.route_anna.line_ids
        )
        other = self.diagnostic.result_ids.filtered(lambda r: r.partner_id == self.presenter)
        with self.assertRaises(AccessError):
            other.with_user(self.teacher_user).read(["score_percent"])
        with self.assertRaises(AccessError):
            self.route_irina.with_user(self.teacher_user).read(["name"])
        # the campaign they were invited to, not another one
        self.assertEqual(self.diagnostic.with_user(self.teacher_user).name, self.diagnostic.name)
        other_campaign = self._create_diagnostic(organizations=self.executor)
        other_campaign.action_start()
        self.assertFalse(
            self.Diagnostic.with_user(self.teacher_user).search([("id", "=", other_campaign.id)])
        )
        # reading only
        with self.assertRaises(AccessError):
            self.route_anna.with_user(self.teacher_user).write({"state": "done"})
        self.assertEqual(self.route_anna.state, "draft")

    def test_coordinator_reads_own_school(self):
        results = self._readable(self.coordinator_exec, "network.diagnostic.result")
        self.assertEqual(results.partner_id, self.presenter)
        self.assertEqual(self._readable(self.coordinator_exec, "network.route"), self.route_irina)
        self.assertEqual(
            self.Diagnostic.with_user(self.coordinator_exec).search(
                [("id", "=", self.diagnostic.id)]
            ),
            self.diagnostic,
        )
        third = self._create_coordinator("coord_third_dev", self.third_org, "Third")
        self.assertFalse(self._readable(third, "network.diagnostic.result"))
        self.assertFalse(self.Diagnostic.with_user(third).search([("id", "=", self.diagnostic.id)]))

    def test_department_reads_only_aggregates(self):
        for model in ("network.diagnostic.result", "network.route", "network.route.line"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.department).search([])
        with self.assertRaises(AccessError):
            self.diagnostic.answer_ids.with_user(self.department).read(["partner_id"])
        heatmap = (
            self.env["network.diagnostic.heatmap"]
            .with_user(self.department)
            .search([("diagnostic_id", "=", self.diagnostic.id)])
        )
        cells = {
            (cell.organization_id, cell.competence_id): (
                cell.teacher_count,
                cell.deficit_count,
                cell.score_percent,
            )
            for cell in heatmap
        }
        self.assertEqual(
            cells,
            {
                (self.executor, self.comp_a): (1, 1, 50.0),
                (self.executor, self.comp_b): (1, 0, 60.0),
                (self.executor, self.comp_c): (1, 0, 100.0),
                (self.applicant, self.comp_a): (1, 0, 100.0),
                (self.applicant, self.comp_b): (1, 1, 0.0),
                (self.applicant, self.comp_c): (1, 1, 0.0),
            },
        )
        self.assertNotIn("partner_id", self.env["network.diagnostic.heatmap"]._fields)
        # the campaign itself (no names) is readable
        self.assertEqual(self.diagnostic.with_user(self.department).name, self.diagnostic.name)

    def test_methodist_reads_everything(self):
        self.assertEqual(
            len(self._readable(self.methodist, "network.diagnostic.result")),
            len(self.diagnostic.result_ids),
        )
        self.assertTrue(self.diagnostic.answer_ids.with_user(self.methodist).read(["partner_id"]))
