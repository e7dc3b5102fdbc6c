from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

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
        rule = ("offer_count", "event_count", "network_teacher_count", "has_agreement")
        self.assertEqual(
            {key: facts[self.org_a.id][key] for key in rule},  # add-ons add other facts
            {
                "offer_count": 1,
                "event_count": 3,
                "network_teacher_count": 3,
                "has_agreement": True,
            },
        )
        self.assertEqual(facts[self.org_b.id]["network_teacher_count"], 2)
        self.assertEqual(facts[self.org_c.id]["offer_count"], 0)
        self.assertEqual(facts[self.org_d.id]["event_count"], 0)
        # rule 3.3.2: org_d's network teachers presented only at events held without request
        self.assertEqual(facts[self.org_d.id]["network_teacher_count"], 0)
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

    def test_rule_332_presenters_of_its_own_events_on_request(self):
        """Network teachers count for the organization whose events carried out on request they
        presented at, hosted or co-hosted by it; the co-host's events count too."""
        Decision = self.env["network.council.decision"]
        event = self.env["event.event"].search(
            [("host_organization_id", "=", self.org_a.id), ("request_ids.state", "=", "done")],
            limit=1,
        )
        # org_d co-hosts org_a's event, its network teachers present there
        event.write(
            {
                "cohost_organization_ids": [Command.link(self.org_d.id)],
                "presenter_ids": [Command.link(t.id) for t in self.teachers[self.org_d]],
            }
        )
        self.env["network.activity.token"].create(
            [
                {"partner_id": teacher.id, "event_id": event.id, "role": "presenter"}
                for teacher in self.teachers[self.org_d]
            ]
        )
        facts = Decision._get_platform_facts(self.year, [self.org_a.id, self.org_d.id])
        self.assertEqual(facts[self.org_d.id]["event_count"], 1)
        self.assertEqual(facts[self.org_d.id]["network_teacher_count"], 3)
        self.assertTrue(Decision._is_platform_candidate(facts[self.org_d.id]))
        # the host keeps its own presenters only
        self.assertEqual(facts[self.org_a.id]["network_teacher_count"], 3)
        # a revoked presenter token does not count
        event.token_ids.filtered(
            lambda t: t.partner_id == self.teachers[self.org_d][0]
        ).state = "revoked"
        facts = Decision._get_platform_facts(self.year, [self.org_d.id])
        self.assertEqual(facts[self.org_d.id]["network_teacher_count"], 2)

    def test_agreement_in_force_is_required(self):
        self.org_a.network_cooperation_agreement_id.action_terminate("Closed")
        self.assertFalse(self.org_a.network_cooperation_agreement_id)
        self.assertFalse(self.org_a.is_network_member)
        self.assertEqual(self.org_a.network_leave_date, date.today())
        result = self.decision.action_load_candidates()
        self.assertFalse(self.decision.line_ids)
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn(self.year.name, result["params"]["message"])
        # including it anyway is refused at approval, with or without a reason
        line = self.env["network.council.decision.line"].create(
            {"decision_id": self.decision.id, "organization_id": self.org_a.id, "reason": "x"}
        )
        self.assertFalse(line.has_agreement)
        self.assertFalse(line.is_candidate)
        self.decision.write({"order_number": "15", "order_date": date(1991, 8, 30)})
        with self.assertRaises(UserError):
            self.decision.action_approve()
        self.assertEqual(self.decision.state, "draft")
        # the company may lift the requirement
        self.company.network_require_agreement = False
        self.decision.action_refresh_facts()
        self.assertTrue(line.is_candidate)
        self.decision.action_approve()
        self.assertEqual(self.decision.state, "approved")

    def test_load_candidates_says_what_it_found(self):
        result = self.decision.action_load_candidates()
        self.assertEqual(result["params"]["type"], "success")
        self.assertIn("1", result["params"]["message"])
        again = self.decision.action_load_candidates()
        self.assertEqual(again["params"]["type"], "warning")

    def test_line_facts_before_saving(self):
        with Form(self.decision) as form, form.line_ids.new() as line:
            line.organization_id = self.org_a
            self.assertEqual(line.network_teacher_count, 3)
            self.assertTrue(line.is_candidate)

    def test_platform_status_lasts_until_next_decision(self):
        """A status approved in August lasts through the following school year, until the
        decision of the next school year."""
        self.decision.action_load_candidates()
        self.decision.write({"order_number": "15", "order_date": date(1991, 8, 30)})
        self.decision.action_approve()
        Partner = self.env["res.partner"]
        # the status's year on a day (the demo database has decisions of recent years)
        self.assertFalse(Partner._network_platform_year(date(1991, 8, 29)))
        self.assertEqual(Partner._network_platform_year(date(1991, 8, 30)), self.year)
        self.assertEqual(Partner._network_platform_year(date(1992, 5, 1)), self.year)
        self.assertEqual(self.org_a.network_platform_year_ids, self.year)
        # the next year's decision without org_a ends its status
        next_year = self._create_year(1991)
        following = self.env["network.council.decision"].create(
            {
                "school_year_id": next_year.id,
                "order_number": "20",
                "order_date": date(1992, 8, 30),
                "line_ids": [
                    Command.create(
                        {"organization_id": self.org_b.id, "reason": "Council's decision"}
                    )
                ],
            }
        )
        following.action_approve()
        self.assertEqual(Partner._network_platform_year(date(1992, 8, 29)), self.year)
        self.assertEqual(Partner._network_platform_year(date(1992, 8, 30)), next_year)
        # today: the field follows the latest decision approved by now
        current = Partner._network_platform_year()
        for org in self.org_a | self.org_b:
            with self.subTest(org=org.name):
                holds = bool(current) and current in org.network_platform_year_ids
                self.assertEqual(org.is_network_platform, holds)
                self.assertEqual(org in Partner.search([("is_network_platform", "=", True)]), holds)
                self.assertEqual(
                    org in Partner.search([("is_network_platform", "=", False)]), not holds
                )

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
