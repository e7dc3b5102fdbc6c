import threading
from datetime import date, datetime

import psycopg2.errors

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentIssue(TransactionCase):
    """Two transactions issuing for the same teacher at once end with one certificate.

    The data is committed (both transactions must see it) in school year 1960/1961, far from
    any other, and deleted again afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            year = env["network.school.year"].create(
                {"name": "1960/1961", "date_start": date(1960, 9, 1), "date_end": date(1961, 8, 31)}
            )
            org = env["res.partner"].create(
                {"name": "Concurrency school", "is_company": True, "is_network_member": True}
            )
            teacher = env["res.partner"].create(
                {"name": "Concurrency teacher", "parent_id": org.id, "is_teacher": True}
            )
            events = env["event.event"].create(
                [
                    {
                        "name": f"Concurrency event {day}",
                        "is_network_event": True,
                        "host_organization_id": org.id,
                        "date_begin": datetime(1961, 3, day, 9, 0),
                        "date_end": datetime(1961, 3, day, 11, 0),
                    }
                    for day in (1, 2, 3)
                ]
            )
            tokens = env["network.activity.token"].create(
                [
                    {
                        "partner_id": teacher.id,
                        "organization_id": org.id,
                        "event_id": event.id,
                        "role": "presenter",
                        "date": event.date_begin.date(),
                    }
                    for event in events
                ]
            )
            self.ids = {
                "year": year.id,
                "org": org.id,
                "teacher": teacher.id,
                "events": events.ids,
                "tokens": tokens.ids,
            }
        self.addCleanup(self._delete_data)

    def _delete_data(self):
        with self.registry.cursor() as cr:
            ids = self.ids
            cr.execute("SELECT id FROM network_certificate WHERE partner_id = %s", [ids["teacher"]])
            certificate_ids = [row[0] for row in cr.fetchall()]
            cr.execute("DELETE FROM network_activity_token WHERE id = ANY(%s)", [ids["tokens"]])
            cr.execute("DELETE FROM network_certificate WHERE id = ANY(%s)", [certificate_ids])
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["event.event"].browse(ids["events"]).unlink()
            env["res.partner"].browse([ids["teacher"], ids["org"]]).unlink()
            env["network.school.year"].browse(ids["year"]).unlink()

    def _issue(self, env):
        return env["network.certificate"]._issue_teacher_certificates(
            env["network.school.year"].browse(self.ids["year"]), [self.ids["teacher"]]
        )

    def _race(self, first_ends_with):
        """Transaction 1 issues; transaction 2, started before 1 ends, issues for the same
        teacher and must wait on the tokens' lock. Transaction 1 then ends with
        ``first_ends_with`` ('commit' or 'rollback'). Returns what transaction 2 got."""
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, SUPERUSER_ID, {})
            env2 = api.Environment(cr2, SUPERUSER_ID, {})
            # both transactions take their snapshot now
            cr1.execute("SELECT 1 FROM network_activity_token LIMIT 1")
            cr2.execute("SELECT 1 FROM network_activity_token LIMIT 1")
            first = self._issue(env1)
            self.assertEqual(len(first), 1)
            outcome = {}

            def second_transaction():
                try:
                    with mute_logger("odoo.sql_db"):
                        outcome["certificates"] = self._issue(env2).ids
                    cr2.commit()
                except Exception as error:  # noqa: BLE001 - reported to the main thread
                    outcome["error"] = error
                    cr2.rollback()

            thread = threading.Thread(target=second_transaction)
            thread.start()
            thread.join(timeout=3)
            self.assertTrue(thread.is_alive(), "the second transaction must wait for the lock")
            getattr(cr1, first_ends_with)()
            thread.join(timeout=60)
            self.assertFalse(thread.is_alive())
            return outcome
        finally:
            cr1.close()
            cr2.close()

    def _certificates(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            certificates = env["network.certificate"].search(
                [("partner_id", "=", self.ids["teacher"])]
            )
            tokens = env["network.activity.token"].browse(self.ids["tokens"])
            return (
                certificates.ids,
                set(tokens.mapped("state")),
                tokens.certificate_id.ids,
            )

    def test_concurrent_issue_ends_with_one_certificate(self):
        outcome = self._race("commit")
        # the second transaction saw the tokens change under its snapshot: it fails
        self.assertNotIn("certificates", outcome)
        self.assertIsInstance(outcome["error"], psycopg2.errors.SerializationFailure)
        certificate_ids, states, token_certificates = self._certificates()
        self.assertEqual(len(certificate_ids), 1)
        self.assertEqual(states, {"used"})
        self.assertEqual(token_certificates, certificate_ids)
        # retried (as Odoo retries serialization failures), it finds nothing left to issue
        with self.registry.cursor() as cr:
            self.assertFalse(self._issue(api.Environment(cr, SUPERUSER_ID, {})))
        self.assertEqual(len(self._certificates()[0]), 1)

    def test_waiting_transaction_issues_when_the_first_rolls_back(self):
        outcome = self._race("rollback")
        self.assertNotIn("error", outcome)
        self.assertEqual(len(outcome["certificates"]), 1)
        certificate_ids, states, token_certificates = self._certificates()
        self.assertEqual(certificate_ids, outcome["certificates"])
        self.assertEqual(states, {"used"})
        self.assertEqual(token_certificates, certificate_ids)
