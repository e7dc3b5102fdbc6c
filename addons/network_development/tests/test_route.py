from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError

from .common import DevelopmentTestCommon


class TestRoute(DevelopmentTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now().replace(microsecond=0)
        # offers developing A (with two upcoming events), B (none), C (a community)
        cls.offer_a = cls._create_offer(cls.executor, cls.presenter)
        cls.offer_a.competence_ids = cls.comp_a
        cls.offer_b = cls._create_offer(cls.executor, cls.presenter, name="Offer B")
        cls.offer_b.competence_ids = cls.comp_b
        cls.event_a_late = cls._create_event(
            date_begin=now + timedelta(days=20), offer_id=cls.offer_a.id
        )
        cls.event_a_soon = cls._create_event(
            date_begin=now + timedelta(days=5), offer_id=cls.offer_a.id
        )
        cls.community_c = cls._create_community(name="Digital city association")
        cls.community_c.competence_ids = cls.comp_c

    def _routes(self, diagnostic):
        return {route.partner_id: route for route in diagnostic.route_ids}

    def test_routes_only_for_teachers_with_deficits(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        self._answer(diagnostic, self.presenter, q1=2, q2=(0, 2), q3=1, q4=10)  # A deficit
        self._answer(diagnostic, self.listener, q1=2, q2=(0, 1), q3=0, q4=3)  # B, C deficits
        self._answer(diagnostic, self.presenter_2, q1=2, q2=(0, 1), q3=2, q4=10)  # none
        diagnostic.action_close()
        routes = diagnostic.action_generate_routes()
        self.assertEqual(routes.partner_id, self.presenter | self.listener)
        by_partner = self._routes(diagnostic)
        irina = by_partner[self.presenter]
        self.assertEqual(irina.state, "draft")
        self.assertEqual(irina.school_year_id, self.year)
        self.assertEqual(irina.line_ids.competence_id, self.comp_a)
        # the nearest upcoming event of an offer developing A
        self.assertEqual(irina.line_ids.event_id, self.event_a_soon)
        self.assertEqual(irina.line_ids.date_planned, self.event_a_soon.date_begin.date())
        anna = by_partner[self.listener]
        steps = {line.competence_id: line for line in anna.line_ids}
        self.assertEqual(set(steps), {self.comp_b, self.comp_c})
        self.assertEqual(steps[self.comp_b].offer_id, self.offer_b)  # no event: the offer
        self.assertEqual(steps[self.comp_b].step_kind, "offer")
        self.assertEqual(steps[self.comp_c].community_id, self.community_c)
        # generating again adds nothing
        self.assertFalse(diagnostic.action_generate_routes())
        self.assertEqual(len(diagnostic.route_ids), 2)

    def test_generate_refused_before_close(self):
        diagnostic = self._create_diagnostic()
        diagnostic.action_start()
        with self.assertRaises(UserError):
            diagnostic.action_generate_routes()
        self.assertFalse(diagnostic.route_ids)

    def test_step_without_option_waits_for_the_methodist(self):
        self.offer_b.competence_ids = False
        diagnostic = self._closed_diagnostic()
        diagnostic.action_generate_routes()
        anna = self._routes(diagnostic)[self.listener]
        step_b = anna.line_ids.filtered(lambda line: line.competence_id == self.comp_b)
        self.assertEqual(step_b.step_kind, "none")

    def test_agree_and_swap(self):
        diagnostic = self._closed_diagnostic()
        diagnostic.action_generate_routes()
        route = self._routes(diagnostic)[self.presenter]
        line = route.line_ids
        options = [key for key, _label, _vals in line._swap_options()]
        self.assertEqual(
            options, [f"event_id:{self.event_a_late.id}", f"offer_id:{self.offer_a.id}"]
        )
        line.action_swap(f"offer_id:{self.offer_a.id}")
        self.assertEqual(line.offer_id, self.offer_a)
        self.assertFalse(line.event_id)
        self.assertFalse(line.date_planned)
        # a step developing another competence is refused, nothing changes
        with self.assertRaises(UserError):
            line.action_swap(f"offer_id:{self.offer_b.id}")
        with self.assertRaises(UserError):
            line.action_swap("garbage")
        self.assertEqual(line.offer_id, self.offer_a)
        route.action_agree()
        self.assertEqual(route.state, "agreed")
        self.assertEqual(route.date_agreed, fields.Date.context_today(route))
        with self.assertRaises(UserError):
            route.action_agree()
        route.action_reset_draft()
        self.assertEqual(route.state, "draft")
        with self.assertRaises(UserError):
            route.action_reset_draft()

    def test_agree_refused_without_steps(self):
        self.offer_b.competence_ids = False
        self.community_c.competence_ids = False
        diagnostic = self._closed_diagnostic()
        diagnostic.action_generate_routes()
        anna = self._routes(diagnostic)[self.listener]
        with self.assertRaises(UserError):
            anna.action_agree()
        self.assertEqual(anna.state, "draft")

    def test_step_done_by_token(self):
        """A token at the step's event, at an event of its offer or at a meeting of its
        community does the step; the route is done with its last step."""
        diagnostic = self._closed_diagnostic()
        diagnostic.action_generate_routes()
        anna = self._routes(diagnostic)[self.listener]
        anna.action_agree()
        steps = {line.competence_id: line for line in anna.line_ids}
        # a held event of offer B, Anna attends
        held = self._create_event(offer_id=self.offer_b.id)
        other = self._create_event()
        self._register(held, self.listener)
        self._register(other, self.listener)
        (held | other)._issue_tokens()
        self.assertEqual(steps[self.comp_b].state, "done")
        self.assertEqual(steps[self.comp_b].token_id.event_id, held)
        self.assertEqual(steps[self.comp_c].state, "planned")
        self.assertEqual(anna.state, "agreed")
        self.assertEqual(anna.progress, 50.0)
        # a meeting of the community
        meeting = self._create_meeting(self.community_c, date_begin=datetime(1991, 4, 1, 15, 0))
        self._register(meeting, self.listener)
        meeting._issue_tokens()
        self.assertEqual(steps[self.comp_c].state, "done")
        self.assertEqual(anna.state, "done")

    def test_event_step_done_only_for_its_teacher(self):
        diagnostic = self._closed_diagnostic()
        diagnostic.action_generate_routes()
        irina = self._routes(diagnostic)[self.presenter]
        held = self._create_event(presenters=self.presenter_2)
        irina.line_ids.write({"event_id": held.id, "date_planned": False})
        self._register(held, self.listener)  # another teacher attends
        held._issue_tokens()
        self.assertEqual(irina.line_ids.state, "planned")
        self._register(held, self.presenter)
        held._issue_tokens()
        self.assertEqual(irina.line_ids.state, "done")
        # the route was not agreed yet: it stays proposed
        self.assertEqual(irina.state, "draft")
