from datetime import timedelta

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestAgreement(NetworkTestCommon):
    def _agreement_in_state(self, state):
        agreement = self._create_agreement()
        if state in ("signed", "terminated", "expired"):
            agreement.action_sign()
        if state == "terminated":
            agreement.action_terminate("Closed by the parties")
        if state == "expired":
            agreement.date_end = self.today - timedelta(days=1)
            agreement._cron_expire()
        self.assertEqual(agreement.state, state)
        return agreement

    def test_number_from_sequence(self):
        first, second = self._create_agreement(), self._create_agreement()
        self.assertTrue(first.name)
        self.assertNotIn(first.name, ("New", "Новый"))
        self.assertNotEqual(first.name, second.name)

    def test_sign_cooperation(self):
        agreement = self._create_agreement()
        self.assertEqual(agreement.party_ids, self.executor)
        self.assertIs(agreement.action_sign(), True)
        self.assertEqual(agreement.state, "signed")
        self.assertEqual(agreement.date_signed, self.today)

    def test_sign_interaction(self):
        agreement = self._create_agreement("interaction")
        self.assertEqual(agreement.party_ids, self.executor | self.applicant)
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")

    def test_sign_on_last_day_of_period(self):
        agreement = self._create_agreement(date_end=self.today)
        agreement.action_sign()
        self.assertEqual(agreement.state, "signed")

    def test_sign_refused_bad_input(self):
        cases = {
            "cooperation without organization": self._create_agreement(partner_id=False),
            "interaction without customer": self._create_agreement(
                "interaction", customer_id=False
            ),
            "interaction without executor": self._create_agreement(
                "interaction", executor_id=False
            ),
            "without start": self._create_agreement(date_start=False),
            "without end": self._create_agreement(date_end=False),
            "period ended": self._create_agreement(
                date_start=self.today - timedelta(days=400), date_end=self.today - timedelta(days=1)
            ),
        }
        for case, agreement in cases.items():
            with self.subTest(case=case):
                with self.assertRaises(ValidationError):
                    agreement.action_sign()
                self.assertEqual(agreement.state, "draft")
                self.assertFalse(agreement.date_signed)

    def test_sign_refused_when_not_draft(self):
        for state in ("signed", "terminated", "expired"):
            with self.subTest(state=state):
                agreement = self._agreement_in_state(state)
                with self.assertRaises(UserError):
                    agreement.action_sign()
                self.assertEqual(agreement.state, state)

    def test_sign_batch_is_all_or_nothing(self):
        good = self._create_agreement()
        bad = self._create_agreement(partner_id=False)
        with self.assertRaises(ValidationError):
            (good | bad).action_sign()
        self.assertEqual(good.state, "draft")

    def test_terminate(self):
        agreement = self._agreement_in_state("signed")
        self.assertIs(agreement.action_terminate("Organization closed"), True)
        self.assertEqual(agreement.state, "terminated")
        self.assertEqual(agreement.termination_reason, "Organization closed")

    def test_terminate_refused_when_not_signed(self):
        for state in ("draft", "terminated", "expired"):
            with self.subTest(state=state):
                agreement = self._agreement_in_state(state)
                with self.assertRaises(UserError):
                    agreement.action_terminate()
                self.assertEqual(agreement.state, state)

    def test_cron_expire(self):
        ended = self._agreement_in_state("signed")
        ended.date_end = self.today - timedelta(days=1)
        last_day = self._agreement_in_state("signed")
        last_day.date_end = self.today
        running = self._agreement_in_state("signed")
        draft_ended = self._create_agreement(
            date_start=self.today - timedelta(days=400), date_end=self.today - timedelta(days=1)
        )
        terminated = self._agreement_in_state("terminated")
        terminated.date_end = self.today - timedelta(days=1)

        expired = self.env["network.agreement"]._cron_expire()
        self.assertIn(ended, expired)
        self.assertNotIn(last_day | running | draft_ended | terminated, expired)
        self.assertEqual(ended.state, "expired")
        self.assertEqual(last_day.state, "signed")
        self.assertEqual(running.state, "signed")
        self.assertEqual(draft_ended.state, "draft")
        self.assertEqual(terminated.state, "terminated")
        # running it again changes nothing
        self.assertNotIn(ended, self.env["network.agreement"]._cron_expire())

    def test_cron_job_runs_expiry(self):
        agreement = self._agreement_in_state("signed")
        agreement.date_end = self.today - timedelta(days=1)
        self.env.ref("network_methodology.ir_cron_network_agreement_expire").method_direct_trigger()
        self.assertEqual(agreement.state, "expired")

    def test_unlink_only_drafts(self):
        draft = self._create_agreement()
        for state in ("signed", "terminated", "expired"):
            with self.subTest(state=state):
                agreement = self._agreement_in_state(state)
                with self.assertRaises(UserError):
                    agreement.unlink()
                self.assertTrue(agreement.exists())
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_interaction_same_executor_and_customer_refused_by_database(self):
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            self._create_agreement("interaction", customer_id=self.executor.id)
        agreement = self._create_agreement("interaction")
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            agreement.write({"customer_id": self.executor.id})

    def test_period_end_before_start_refused_by_database(self):
        with self.assertRaisesDatabase(psycopg2.errors.CheckViolation):
            self._create_agreement(date_start=self.today, date_end=self.today - timedelta(days=1))

    def test_records_of_two_companies_do_not_meet(self):
        """A district's documents name only organizations of its own company (or shared)."""
        other_company = self.env["res.company"].create({"name": "Other district"})
        foreign = self._create_org("Foreign district school", company_id=other_company.id)
        with self.assertRaises(UserError):
            self._create_agreement(partner_id=foreign.id)
        with self.assertRaises(UserError):
            self._create_offer(foreign, self._create_teacher(foreign))
        with self.assertRaises(UserError):
            self._create_request(requester=foreign)
