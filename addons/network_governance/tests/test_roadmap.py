from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ..models.network_project_roadmap_line import ROADMAP_ACTIVITY, ROADMAP_REMINDER_DAYS
from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestRoadmapCalendar(GovernanceTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["network.project.roadmap.line"])
        cls.Line = cls.env["network.project.roadmap.line"]

    def _line(self, days, **vals):
        return self.Line.create(
            {
                "project_id": self.project.id,
                "name": f"Activity {self._uid_str()}",
                "date_deadline": self.today + timedelta(days=days) if days is not None else False,
                "user_id": self.methodist.id,
                **vals,
            }
        )

    def _reminders(self, lines):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "network.project.roadmap.line"),
                ("res_id", "in", lines.ids),
                ("activity_type_id", "=", self.env.ref(ROADMAP_ACTIVITY).id),
            ]
        )

    def test_status(self):
        cases = {
            "overdue": self._line(-1),
            "due_soon": self._line(ROADMAP_REMINDER_DAYS),
            "planned": self._line(ROADMAP_REMINDER_DAYS + 1),
            "undated": self._line(None),
            "done": self._line(-5, is_done=True),
        }
        for status, line in cases.items():
            with self.subTest(status=status):
                self.assertEqual(line.status, status)
        lines = self.Line.browse([line.id for line in cases.values()])
        self.assertEqual(lines.filtered_domain([("is_overdue", "=", True)]), cases["overdue"])
        self.assertEqual(
            self.Line.search([("id", "in", lines.ids), ("is_overdue", "=", True)]), cases["overdue"]
        )
        self.assertEqual(
            self.Line.search([("id", "in", lines.ids), ("is_overdue", "=", False)]),
            lines - cases["overdue"],
        )

    def test_daily_job_reminds_before_the_deadline(self):
        soon = self._line(3)
        late = self._line(-2)
        far = self._line(ROADMAP_REMINDER_DAYS + 5)
        done = self._line(1, is_done=True)
        undated = self._line(None)
        leader_only = self._line(2, user_id=False)
        self.project.leader_id = self.manager
        activities = self.Line._cron_deadline_reminders()
        reminded = self._reminders(soon | late | far | done | undated | leader_only)
        self.assertEqual(set(reminded.mapped("res_id")), {soon.id, late.id, leader_only.id})
        self.assertLessEqual(reminded, activities)
        by_line = {a.res_id: a for a in reminded}
        self.assertEqual(by_line[soon.id].date_deadline, soon.date_deadline)
        self.assertEqual(by_line[soon.id].user_id, self.methodist)
        # nobody named on the line: the project's leader
        self.assertEqual(by_line[leader_only.id].user_id, self.manager)
        # once a day, once per line
        self.Line._cron_deadline_reminders()
        self.assertEqual(len(self._reminders(soon | late | leader_only)), 3)

    def test_reminder_follows_the_line(self):
        line = self._line(2)
        self.Line._cron_deadline_reminders()
        reminder = self._reminders(line)
        line.write({"date_deadline": self.today + timedelta(days=1), "user_id": self.manager.id})
        self.assertEqual(
            (reminder.date_deadline, reminder.user_id), (line.date_deadline, self.manager)
        )
        # moved far away: no longer due, the reminder goes (the job brings it back in time)
        line.date_deadline = self.today + timedelta(days=60)
        self.assertFalse(self._reminders(line))
        line.date_deadline = self.today + timedelta(days=1)
        self.Line._cron_deadline_reminders()
        self.assertTrue(self._reminders(line))
        # done: the reminder is marked done
        line.is_done = True
        self.assertFalse(self._reminders(line))
        self.assertTrue(any("Done." in body for body in line.message_ids.mapped("body")))

    def test_links_to_events_and_offers(self):
        event = self._create_event()
        line = self._line(
            10,
            organization_id=self.executor.id,
            event_ids=[(6, 0, event.ids)],
            offer_ids=[(6, 0, self.offer.ids)],
        )
        self.assertEqual((line.event_ids, line.offer_ids), (event, self.offer))
        self.assertIn(self.project.name, line.display_name)
