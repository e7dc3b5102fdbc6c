from datetime import date, timedelta

import psycopg2

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CommunityTestCommon


@tagged("post_install", "-at_install")
class TestMentoringPair(CommunityTestCommon):
    """The pair's workflow draft → active → done / cancelled with every refusal, its plan, the
    overdue steps and their activities."""

    def test_happy_path(self):
        pair = self._create_pair(steps=[("Observe lessons", date(1990, 10, 1))])
        self.assertEqual(pair.state, "draft")
        self.assertEqual(pair.name, f"{self.mentor.name} → {self.young.name}")
        self.assertEqual(pair.school_year_id, self.year)
        pair.action_start()
        self.assertEqual(pair.state, "active")
        pair.plan_line_ids.action_mark_done("Four lessons observed", self.young)
        self.assertEqual(pair.progress, 100.0)
        pair.outcome = "achieved"
        pair.action_done()
        self.assertEqual(pair.state, "done")
        self.assertEqual(pair.date_end, self._today())
        pair.action_rate("5")
        self.assertEqual(pair.mentee_rating, "5")
        self.assertTrue(self.Pair._fields["state"].tracking)

    def test_start_refusals(self):
        for state in ("active", "done", "cancelled"):
            pair = self._pair_in_state(state, mentee=self._create_teacher(self.third_org))
            with self.subTest(state=state), self.assertRaises(UserError):
                pair.action_start()
            self.assertEqual(pair.state, state)
        # a mentor who is not in the base of mentors
        pair = self._create_pair(mentor=self.presenter_2)
        with self.assertRaises(UserError):
            pair.action_start()
        # no goal
        pair = self._create_pair(goal="   ")
        with self.assertRaises(ValidationError):
            pair.action_start()
        self.assertEqual(pair.state, "draft")

    def test_one_active_pair_per_mentor_and_mentee(self):
        first = self._pair_in_state("active")
        second = self._create_pair()
        with self.assertRaises(UserError):
            second.action_start()
        self.assertEqual(second.state, "draft")
        # two drafts of the same mentor and mentee cannot start together either
        third = self._create_pair(mentee=self.young_other)
        fourth = self._create_pair(mentee=self.young_other)
        with self.assertRaises(UserError):
            (third | fourth).action_start()
        self.assertEqual(set((third | fourth).mapped("state")), {"draft"})
        # the database refuses it too
        with self.assertRaisesDatabase(psycopg2.errors.ExclusionViolation):
            second.write({"state": "active"})
        # another mentor for the same mentee is allowed, and a new pair once the first is over
        self.listener_2.is_mentor = True
        self._pair_in_state("active", mentor=self.listener_2)
        first.outcome = "partial"
        first.action_done()
        second.action_start()
        self.assertEqual(second.state, "active")

    def test_done_refusals(self):
        for state in ("draft", "done", "cancelled"):
            pair = self._pair_in_state(state, mentee=self._create_teacher(self.third_org))
            with self.subTest(state=state), self.assertRaises(UserError):
                pair.action_done()
            self.assertEqual(pair.state, state)
        pair = self._pair_in_state("active")
        with self.assertRaises(ValidationError):
            pair.action_done()  # no outcome
        self.assertEqual(pair.state, "active")

    def test_cancel(self):
        for state in ("draft", "active"):
            pair = self._pair_in_state(state, mentee=self._create_teacher(self.third_org))
            pair.action_cancel("The mentee moved to another region")
            self.assertEqual(
                (pair.state, pair.cancel_reason),
                ("cancelled", "The mentee moved to another region"),
            )
        for state in ("done", "cancelled"):
            pair = self._pair_in_state(state, mentee=self._create_teacher(self.third_org))
            with self.subTest(state=state), self.assertRaises(UserError):
                pair.action_cancel()
            self.assertEqual(pair.state, state)

    def test_cancel_through_the_reason_wizard(self):
        pair = self._pair_in_state("active")
        self.env["network.reason.wizard"].with_user(self.methodist).with_context(
            active_model=pair._name, active_ids=pair.ids
        ).create({"reason": "Long leave"}).action_confirm()
        self.assertEqual((pair.state, pair.cancel_reason), ("cancelled", "Long leave"))

    def test_bad_pairs(self):
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            self._create_pair(mentee=self.mentor)
        with self.assertRaises(ValidationError):
            self._create_pair(mentee=self.executor)
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            self._create_pair(date_start=date(1990, 9, 1), date_end=date(1990, 8, 1))

    def test_finished_pair_is_frozen(self):
        pair = self._pair_in_state("done", steps=[("Step", date(1990, 10, 1))])
        for values in ({"mentee_id": self.young_other.id}, {"goal": "Another"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                pair.write(values)
        with self.assertRaises(UserError):
            pair.plan_line_ids.name = "Changed"
        with self.assertRaises(UserError):
            self.Line.create(
                {"pair_id": pair.id, "name": "Late", "date_deadline": date(1991, 1, 1)}
            )
        with self.assertRaises(UserError):
            pair.plan_line_ids.unlink()
        with self.assertRaises(UserError):
            pair._add_plan_step({"name": "Late", "date_deadline": date(1991, 1, 1)})
        # the results may still be written down
        pair.outcome_note = "Certified for the first category"
        with self.assertRaises(UserError):
            pair.unlink()
        self._pair_in_state("cancelled").unlink()
        self._create_pair().unlink()

    def test_rating(self):
        pair = self._pair_in_state("active")
        with self.assertRaises(UserError):
            pair.action_rate("4")
        pair.outcome = "achieved"
        pair.action_done()
        for rating in ("0", "6", "", None, "five"):
            with self.subTest(rating=rating), self.assertRaises(ValidationError):
                pair.action_rate(rating)
        self.assertEqual(pair.mentee_rating, "0")
        self.assertEqual(
            pair._portal_prepare_rating({"mentee_rating": "3"}), ({"mentee_rating": "3"}, {})
        )
        self.assertIn("mentee_rating", pair._portal_prepare_rating({"mentee_rating": "0"})[1])

    # ------------------------------------------------------------------ plan
    def test_steps_ticked_while_active(self):
        pair = self._create_pair(steps=[("Step", date(1990, 10, 1))])
        step = pair.plan_line_ids
        with self.assertRaises(UserError):
            step.action_mark_done()
        pair.action_start()
        step.action_mark_done("Done well", self.young)
        self.assertEqual(
            (step.is_done, step.date_done, step.done_by_id, step.result),
            (True, self._today(), self.young, "Done well"),
        )
        with self.assertRaises(UserError):
            step.action_mark_done()
        step.action_mark_undone()
        self.assertFalse(step.is_done)
        with self.assertRaises(UserError):
            step.action_mark_undone()
        pair.action_cancel()
        with self.assertRaises(UserError):
            step.action_mark_undone()

    def test_ticking_in_the_backend_follows_the_same_rule(self):
        today = self._today()
        pair = self._create_pair(
            date_start=today - timedelta(days=20), steps=[("Late", today - timedelta(days=2))]
        )
        step = pair.plan_line_ids
        with self.assertRaises(UserError):
            step.with_user(self.methodist).is_done = True  # a draft pair
        pair.action_start()
        self.Line._cron_notify_overdue()
        self.assertTrue(step.activity_ids)
        step.with_user(self.methodist).write({"is_done": True})
        # the day in the methodist's time zone, as the step records it
        methodist_today = fields.Date.context_today(step.with_user(self.methodist))
        self.assertEqual(
            (step.date_done, step.done_by_id), (methodist_today, self.methodist.partner_id)
        )
        self.assertFalse(step.activity_ids)
        step.is_done = False
        self.assertEqual((step.date_done, step.done_by_id.id), (False, False))

    def test_step_rules_and_portal_values(self):
        pair = self._create_pair(date_start=date(1990, 9, 1), date_end=date(1991, 6, 30))
        with self.assertRaises(ValidationError):
            self.Line.create(
                {"pair_id": pair.id, "name": "Early", "date_deadline": date(1990, 8, 1)}
            )
        values, errors = self.Line._portal_prepare_values(
            {"name": " Open lesson ", "date_deadline": "1991-03-01"}, pair
        )
        self.assertEqual(
            (values, errors), ({"name": "Open lesson", "date_deadline": date(1991, 3, 1)}, {})
        )
        cases = {
            "no step": ({"name": ""}, "name"),
            "long step": ({"name": "x" * 256}, "name"),
            "no deadline": ({"date_deadline": ""}, "date_deadline"),
            "not a date": ({"date_deadline": "soon"}, "date_deadline"),
            "before the start": ({"date_deadline": "1990-08-31"}, "date_deadline"),
            "after the end": ({"date_deadline": "1991-07-01"}, "date_deadline"),
        }
        for case, (post, field) in cases.items():
            with self.subTest(case=case):
                _values, errors = self.Line._portal_prepare_values(
                    dict({"name": "Step", "date_deadline": "1991-03-01"}, **post), pair
                )
                self.assertIn(field, errors)
        result, errors = self.Line._portal_prepare_result({"result": "x" * 5001})
        self.assertIn("result", errors)
        step = pair._add_plan_step(values)
        self.assertEqual(step.pair_id, pair)

    def test_overdue_steps(self):
        today = self._today()
        pair = self._create_pair(
            date_start=today - timedelta(days=60),
            steps=[
                ("Late", today - timedelta(days=1)),
                ("Due today", today),
                ("Done late", today - timedelta(days=10)),
            ],
        )
        steps = {line.name: line for line in pair.plan_line_ids}
        late, due_today, done_late = steps["Late"], steps["Due today"], steps["Done late"]
        # a draft pair has nothing overdue yet
        self.assertFalse(pair.has_overdue_steps)
        pair.action_start()
        done_late.action_mark_done()
        pair.invalidate_recordset(["has_overdue_steps", "step_overdue_count"])
        self.assertEqual(pair.plan_line_ids.filtered("is_overdue"), late)
        self.assertEqual((pair.has_overdue_steps, pair.step_overdue_count), (True, 1))
        Pair = self.Pair
        self.assertIn(pair, Pair.search([("has_overdue_steps", "=", True)]))
        self.assertNotIn(pair, Pair.search([("has_overdue_steps", "=", False)]))
        self.assertEqual(
            self.Line.search([("pair_id", "=", pair.id), ("is_overdue", "=", True)]), late
        )
        self.assertEqual(
            self.Line.search([("pair_id", "=", pair.id), ("is_overdue", "=", False)]),
            due_today | done_late,
        )

    def test_overdue_activity(self):
        today = self._today()
        portal_mentor = self.env["res.users"].create(
            {
                "login": "mentor_portal",
                "partner_id": self.mentor.id,
                "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        pair = self._pair_in_state(
            "active",
            date_start=today - timedelta(days=60),
            steps=[("Late", today - timedelta(days=2)), ("Later", today + timedelta(days=5))],
        )
        self.listener_2.is_mentor = True
        without_user = self._pair_in_state(
            "active",
            mentor=self.listener_2,
            date_start=today - timedelta(days=60),
            steps=[("Forgotten", today - timedelta(days=1))],
        )
        Activity = self.env["mail.activity"]
        self.Line._cron_notify_overdue()
        activity = Activity.search([("res_model", "=", pair._name), ("res_id", "=", pair.id)])
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, portal_mentor)
        self.assertEqual(activity.date_deadline, today - timedelta(days=2))
        self.assertIn("Late", activity.summary)
        # the mentor without a user account: the methodist gets it
        other = Activity.search([("res_model", "=", pair._name), ("res_id", "=", without_user.id)])
        self.assertEqual(other.user_id, self.methodist)
        # once a day, not once per run
        self.Line._cron_notify_overdue()
        self.assertEqual(
            Activity.search_count(
                [("res_model", "=", pair._name), ("res_id", "in", (pair | without_user).ids)]
            ),
            2,
        )
        # a new deadline, missed again: a new reminder
        late = pair.plan_line_ids.filtered(lambda line: line.name == "Late")
        late.date_deadline = today - timedelta(days=1)
        self.assertFalse(late.overdue_notified)
        self.Line._cron_notify_overdue()
        self.assertEqual(len(late.activity_ids), 2)
        # ticking the step does its reminders
        late.action_mark_done("Done at last")
        self.assertFalse(late.activity_ids)
        # a pair that is over drops the reminders of its steps
        without_user.action_cancel()
        self.assertFalse(without_user.plan_line_ids.activity_ids)

    def test_overdue_cron_query_count(self):
        """The daily job costs the same number of queries for 2 and 20 overdue steps. (Odoo
        mails each assignee of an activity created for someone else: that mail is Odoo's own
        and left out of the measure.)"""
        today = self._today()

        def add_pairs(count):
            pairs = self.Pair
            for _i in range(count):
                mentee = self._create_teacher(self.third_org)
                pairs |= self._create_pair(
                    mentee=mentee,
                    date_start=today - timedelta(days=30),
                    steps=[("Late", today - timedelta(days=3))],
                )
            pairs.action_start()
            self.env.flush_all()

        def queries():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Line.with_context(mail_activity_quick_update=True)._cron_notify_overdue()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        add_pairs(1)
        queries()  # warm-up: Odoo's caches (activity type, subtypes, defaults) are filled
        add_pairs(2)
        small = queries()
        add_pairs(20)
        large = queries()
        self.assertEqual(large, small)
