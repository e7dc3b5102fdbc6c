from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovernanceTestCommon


@tagged("post_install", "-at_install")
class TestDirection(GovernanceTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.direction_all = cls._create_direction(name="For every organization")
        cls.direction_kindergartens = cls._create_direction(
            name="For kindergartens", kinds=["kindergarten"]
        )
        cls.year_1989 = cls._create_year(1989)
        cls.direction_other_year = cls._create_direction(cls.year_1989, name="Last year")

    def _refused(self, offer, direction, message):
        with self.assertRaisesRegex(ValidationError, message), self.env.cr.savepoint():
            offer.direction_id = direction
        offer.invalidate_recordset()

    def test_offer_in_a_direction_of_its_year_and_kind(self):
        self.offer.direction_id = self.direction_all
        self.assertEqual(self.direction_all.offer_count, 1)
        self._refused(self.offer, self.direction_other_year, "approved for 1989/1990")
        # the executor is a school
        self._refused(self.offer, self.direction_kindergartens, "not approved for organizations")
        kindergarten_offer = self._create_offer(self.applicant, self.listener)
        kindergarten_offer.direction_id = self.direction_kindergartens
        self.assertEqual(kindergarten_offer.direction_id, self.direction_kindergartens)

    def test_requests_and_events_follow_the_offer(self):
        self.offer.direction_id = self.direction_all
        request = self._create_request(offer=self.offer)
        self.assertEqual(request.direction_id, self.direction_all)
        request.action_submit()
        request.action_accept()
        event = request.action_schedule()
        self.assertEqual(event.direction_id, self.direction_all)
        # an event without an offer takes a direction by hand
        free = self._create_event()
        free.direction_id = self.direction_all
        self.assertEqual(free.direction_id, self.direction_all)

    def test_projects_link_directions(self):
        self.project.direction_ids = self.direction_all
        self.assertEqual(self.direction_all.project_ids, self.project)
        self.assertEqual(self.direction_all.project_count, 1)
        action = self.direction_all.action_view_projects()
        self.assertEqual(self.env["network.project"].search(action["domain"]), self.project)

    def test_directions_open_to_an_organization(self):
        Direction = self.env["network.innovation.direction"]
        self.assertEqual(Direction._for_organization(self.year, self.executor), self.direction_all)
        self.assertEqual(
            Direction._for_organization(self.year, self.applicant),
            self.direction_all | self.direction_kindergartens,
        )

    def test_one_name_per_year(self):
        with self.assertRaisesDatabase():
            self._create_direction(name="For every organization")
        self._create_direction(self.year_1989, name="For every organization")

    def test_matrix_of_a_direction(self):
        self.offer.direction_id = self.direction_all
        other_offer = self._create_offer(self.third_org, self._create_teacher(self.third_org))
        for offer in (self.offer, other_offer):
            request = self._create_request(offer=offer, date_request=date(1991, 2, 1))
            request.action_submit()
        Request = self.env["network.request"]
        whole = Request._get_matrix(self.year)
        self.assertEqual(whole["executors"], self.executor | self.third_org)
        narrowed = Request.with_context(network_direction_id=self.direction_all.id)._get_matrix(
            self.year
        )
        self.assertEqual(narrowed["executors"], self.executor)
        self.assertEqual(narrowed["total"]["requests"], 1)

    def test_portal_form_values(self):
        Offer = self.env["network.offer"]
        post = {
            "name": "Theme",
            "event_form": "seminar",
            "audience": "teachers",
            "duration_hours": "2",
            "presenter_ids": [str(self.presenter.id)],
        }
        current = self.env["network.school.year"]._get_current()
        if not current:
            current = self._create_year(
                self.today.year if self.today.month >= 9 else self.today.year - 1
            )
        open_direction = self._create_direction(current, name="Current direction")
        closed_direction = self._create_direction(
            current, name="Current, kindergartens", kinds=["kindergarten"]
        )
        values, errors = Offer._portal_prepare_values(
            dict(post, direction_id=str(open_direction.id)), self.executor
        )
        self.assertEqual(errors, {})
        self.assertEqual(values["direction_id"], open_direction.id)
        for bad in (str(closed_direction.id), str(self.direction_other_year.id), "abc", "0"):
            with self.subTest(direction=bad):
                _values, errors = Offer._portal_prepare_values(
                    dict(post, direction_id=bad), self.executor
                )
                self.assertIn("direction_id", errors)
        values, errors = Offer._portal_prepare_values(post, self.executor)
        self.assertEqual((values["direction_id"], errors), (False, {}))
