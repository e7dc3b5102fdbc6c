from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CertificationTestCommon


@tagged("post_install", "-at_install")
class TestCouncilDecision(CertificationTestCommon):
    """A known dataset for the «Network platform» rule (rulebook 3.3) in 1990/1991:

    - ``org_a`` published an offer, carried out events on request, 3 network teachers: candidate
    - ``org_b`` like ``org_a`` but only 2 network teachers
    - ``org_c`` 3 network teachers and events on request, but its offer is of 1989/1990
    - ``org_d`` a published offer and 3 network teachers, but its events had no request
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.org_a = cls._create_org("Platform school A")
        cls.org_b = cls._create_org("School B")
        cls.org_c = cls._create_org("School C")
        cls.org_d = cls._create_org("School D")
        cls.teachers = {}
        for org, network_teachers in (
            (cls.org_a, 3),
            (cls.org_b, 2),
            (cls.org_c, 3),
            (cls.org_d, 3),
        ):
            presenters = cls._create_teachers(org, network_teachers)
            cls.teachers[org] = presenters
            if org == cls.org_d:
                cls._create_offer(org, presenters)
                # events without requests: not carried out on request
                for day in range(3):
                    event = cls._create_event(
                        host=org, presenters=presenters, date_begin=datetime(1991, 5, 1 + day, 9, 0)
                    )
                    event._issue_tokens()
                continue
            offer = cls._create_offer(org, presenters)
            cls._run_requests(offer, cls.applicant, 3)
            if org == cls.org_c:
                offer.school_year_id = cls.year_1989
        # an organization with a listener only: never a candidate
        cls.listener_org = cls.applicant
        cls.certificates = cls._issue()
        cls.decision = cls.env["network.council.decision"].create(
            {"school_year_id": cls.year.id, "decision_date": date(1991, 8, 28)}
        )

    def test_network_teachers_issued(self):
        kinds = {
            org: self.certificates.filtered(lambda c, o=org: c.organization_id == o)
            for org in self.teachers
        }
        for org, teachers in self.teachers.items():
            with self.subTest(org=org.name):
                self.assertEqual(kinds[org].partner_id, teachers)
                self.assertEqual(set(kinds[org].mapped("certificate_kind")), {"network_teacher"})

    def test_platform_candidates(self):
        facts = self.env["network.council.decision"]._get_platform_facts(self.year)
        self.assertEqual(
            facts[self.org_a.id],
            {"offer_count": 1, "event_count": 3, "network_teacher_count": 3},
        )
        self.assertEqual(facts[self.org_b.id]["network_teacher_count"], 2)
        self.assertEqual(facts[self.org_c.id]["offer_count"], 0)
        self.assertEqual(facts[self.org_d.id]["event_count"], 0)
        self.decision.action_load_candidates()
        self.assertEqual(self.decision.line_ids.organization_id, self.org_a)
        line = self.decision.line_ids
        self.assertTrue(line.is_candidate)
        self.assertTrue(line.included)
        self.assertEqual(
            (line.offer_count, line.event_count, line.network_teacher_count), (1, 3, 3)
        )
        # loading again adds nothing
        self.decision.action_load_candidates()
        self.assertEqual(len(self.decision.line_ids), 1)
        # the threshold is a setting
        self.company.network_platform_min_teachers = 2
        self.decision.action_load_candidates()
        self.assertEqual(self.decision.line_ids.organization_id, self.org_a | self.org_b)

    def test_approve_issues_platform_certificates(self):
        self.decision.action_load_candidates()
        with self.assertRaises(UserError):
            self.decision.action_approve()  # no order yet
        self.decision.write({"order_number": "15-од", "order_date": date(1991, 8, 30)})
        # including a non-candidate needs a reason, excluding a candidate too
        line_b = self.env["network.council.decision.line"].create(
            {"decision_id": self.decision.id, "organization_id": self.org_b.id}
        )
        self.assertFalse(line_b.is_candidate)
        self.assertEqual(line_b.network_teacher_count, 2)
        with self.assertRaises(UserError):
            self.decision.action_approve()
        line_b.reason = "Third network teacher certified in June by the council"
        line_a = self.decision.line_ids.filtered(lambda line: line.organization_id == self.org_a)
        line_a.included = False
        with self.assertRaises(UserError):
            self.decision.action_approve()
        self.assertEqual(self.decision.state, "draft")
        line_a.included = True
        self.decision.action_approve()
        self.assertEqual(self.decision.state, "approved")
        platform = self.decision.certificate_ids
        self.assertEqual(platform.partner_id, self.org_a | self.org_b)
        self.assertEqual(set(platform.mapped("certificate_kind")), {"platform"})
        self.assertEqual(set(platform.mapped("state")), {"issued"})
        self.assertEqual(line_a.certificate_id.partner_id, self.org_a)
        self.assertEqual(self.org_a.network_platform_year_ids, self.year)
        self.assertFalse(self.org_c.network_platform_year_ids)
        # the matrix shows the executor's status of the request's year
        requests = self.env["network.request"].search([("executor_id", "=", self.org_a.id)])
        self.assertTrue(requests)
        self.assertTrue(all(requests.mapped("executor_is_platform")))
        # an approved decision is frozen
        with self.assertRaises(UserError):
            line_a.included = False
        with self.assertRaises(UserError):
            self.decision.action_approve()
        with self.assertRaises(UserError):
            self.decision.unlink()
        # a second decision cannot give the same status twice
        second = self.env["network.council.decision"].create(
            {"school_year_id": self.year.id, "order_number": "16", "order_date": date(1991, 8, 31)}
        )
        second.action_load_candidates()
        with self.assertRaises(UserError):
            second.action_approve()
        # revoking the platform certificate withdraws the status
        line_a.certificate_id.action_revoke("Wrong order")
        self.assertFalse(self.org_a.network_platform_year_ids)
        self.assertFalse(any(requests.mapped("executor_is_platform")))

    def test_only_managers_approve(self):
        methodist = self._create_user(
            "cert_council_methodist", "network_methodology.group_network_user"
        )
        self.decision.write({"order_number": "15", "order_date": date(1991, 8, 30)})
        self.decision.action_load_candidates()
        with self.assertRaises(AccessError):
            self.decision.with_user(methodist).action_approve()
        self.assertEqual(self.decision.state, "draft")
        self.assertFalse(self.org_a.network_platform_year_ids)
