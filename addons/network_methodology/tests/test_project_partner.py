from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestProject(NetworkTestCommon):
    def test_complete_name(self):
        self.assertEqual(self.subproject.complete_name, "Test network project / Test sub-project")
        self.assertEqual(self.subproject.display_name, self.subproject.complete_name)
        leaf = self.env["network.project"].create({"name": "Leaf", "parent_id": self.subproject.id})
        self.assertEqual(leaf.complete_name, "Test network project / Test sub-project / Leaf")
        self.project.name = "Renamed"
        self.assertEqual(leaf.complete_name, "Renamed / Test sub-project / Leaf")

    def test_cycle_refused(self):
        leaf = self.env["network.project"].create({"name": "Leaf", "parent_id": self.subproject.id})
        # core's parent store may refuse it first ("Recursion detected"): a UserError too
        with self.assertRaises(UserError):
            self.project.parent_id = leaf
        with self.assertRaises(UserError):
            self.project.parent_id = self.project
        self.assertFalse(self.project.parent_id)

    def test_dates(self):
        with self.assertRaises(ValidationError):
            self.env["network.project"].create(
                {"name": "Backwards", "date_start": date(2026, 1, 1), "date_end": date(2025, 1, 1)}
            )

    def test_roadmap_progress(self):
        project = self.env["network.project"].create({"name": "Road map"})
        self.assertEqual(project.roadmap_progress, 0.0)
        lines = self.env["network.project.roadmap.line"].create(
            [{"project_id": project.id, "name": f"Step {i}"} for i in range(4)]
        )
        self.assertEqual(project.roadmap_progress, 0.0)
        lines[0].is_done = True
        self.assertEqual(project.roadmap_progress, 25.0)
        lines[1:3].write({"is_done": True})
        self.assertEqual(project.roadmap_progress, 75.0)
        lines[3].unlink()
        self.assertEqual(project.roadmap_progress, 100.0)

    def test_roadmap_lines_deleted_with_project(self):
        project = self.env["network.project"].create({"name": "Short-lived"})
        line = self.env["network.project.roadmap.line"].create(
            {"project_id": project.id, "name": "x"}
        )
        project.unlink()
        self.assertFalse(line.exists())


@tagged("post_install", "-at_install")
class TestPartner(NetworkTestCommon):
    def test_teacher_must_be_a_person_of_an_organization(self):
        Partner = self.env["res.partner"]
        with self.assertRaises(ValidationError):
            Partner.create({"name": "Lonely teacher", "is_teacher": True})
        with self.assertRaises(ValidationError):
            Partner.create(
                {
                    "name": "School as teacher",
                    "is_teacher": True,
                    "is_company": True,
                    "parent_id": self.executor.id,
                }
            )
        with self.assertRaises(ValidationError):
            self.listener.parent_id = False
        with self.assertRaises(ValidationError):
            self.listener.is_company = True
        person = Partner.create({"name": "Future teacher"})
        with self.assertRaises(ValidationError):
            person.is_teacher = True
        person.write({"parent_id": self.executor.id, "is_teacher": True})
        self.assertIn(person, self.executor.teacher_ids)

    def test_smart_button_counts(self):
        org = self._create_org("Counted school")
        teachers = self._create_teachers(org, 2)
        self.env["res.partner"].create({"name": "Not a teacher", "parent_id": org.id})
        self.assertEqual(org.teacher_ids, teachers)

        self._create_agreement(partner_id=org.id)
        self._create_agreement("interaction", executor_id=org.id, customer_id=self.applicant.id)
        self._create_agreement("interaction", executor_id=self.executor.id, customer_id=org.id)
        offer = self._create_offer(org, teachers[0])
        self._create_offer(org, teachers[1], publish=False)
        self._create_request(offer)  # received, from the applicant
        self._create_request(offer, requester=self.third_org)
        self._create_request(self.offer, requester=org)  # made
        event = self._create_event(host=org, presenters=teachers[0])
        self._create_token(teachers[0], event, role="presenter")
        self._create_token(teachers[1], event)
        self._create_token(self.listener, event)  # another organization's token

        org.invalidate_recordset()
        # with the cooperation agreement _create_org signed
        self.assertEqual(org.network_agreement_count, 4)
        self.assertEqual(org.network_offer_count, 2)
        self.assertEqual(org.network_request_made_count, 1)
        self.assertEqual(org.network_request_received_count, 2)
        self.assertEqual(org.network_event_hosted_count, 1)
        self.assertEqual(org.network_teacher_count, 2)
        self.assertEqual(org.network_token_count, 2)
        # a fresh organization counts nothing
        empty = self._create_org("Empty school")
        for field in (
            "network_agreement_count",
            "network_offer_count",
            "network_request_made_count",
            "network_request_received_count",
            "network_event_hosted_count",
            "network_teacher_count",
            "network_token_count",
        ):
            self.assertEqual(empty[field], 0, field)

    def test_smart_button_actions(self):
        for method, field in (
            ("action_view_network_agreements", "party_ids"),
            ("action_view_network_offers", "organization_id"),
            ("action_view_network_requests_made", "requester_id"),
            ("action_view_network_requests_received", "executor_id"),
            ("action_view_network_events", "host_organization_id"),
            ("action_view_network_teachers", "parent_id"),
            ("action_view_network_tokens", "organization_id"),
        ):
            with self.subTest(method=method):
                action = getattr(self.executor, method)()
                self.assertEqual(action["domain"], [(field, "=", self.executor.id)])

    def test_teacher_reads_as_a_person_first(self):
        """Lists, tags and previews cut long names at the end: a teacher's name comes first,
        the organization after it (core writes «organization, person»)."""
        self.assertEqual(self.presenter.display_name, "Presenter Irina, Test executor school")
        self.assertEqual(self.presenter.complete_name, self.presenter.display_name)
        self.executor.name = "Test executor lyceum"
        self.assertEqual(self.presenter.complete_name, "Presenter Irina, Test executor lyceum")
        found = self.env["res.partner"].name_search("Presenter Irina")
        self.assertIn(self.presenter.id, [partner_id for partner_id, _name in found])
        # other contacts keep Odoo's form
        contact = self.env["res.partner"].create(
            {"name": "Accountant", "parent_id": self.executor.id}
        )
        self.assertEqual(contact.display_name, "Test executor lyceum, Accountant")
