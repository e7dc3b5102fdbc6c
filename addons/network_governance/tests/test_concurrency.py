import threading
from datetime import datetime

import psycopg2.errors

from odoo import SUPERUSER_ID, Command, api
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestConcurrentApproval(TransactionCase):
    """Minutes approved by two transactions at once: two meetings get two numbers; one
    meeting approved twice gets one. The data is committed (both transactions must see it)
    and deleted again afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            members = env["res.partner"].create(
                [{"name": f"Concurrency member {index}"} for index in range(3)]
            )
            council = env["network.council"].create(
                {
                    "name": "Concurrency council",
                    "member_ids": [Command.create({"partner_id": p.id}) for p in members],
                }
            )
            meetings = env["network.council.meeting"].create(
                [
                    {
                        "council_id": council.id,
                        "date": datetime(1961, 3, day, 9, 0),
                        "attendee_ids": [Command.set(members.ids)],
                        "minutes": "<p>Decided.</p>",
                        "agenda_line_ids": [Command.create({"name": "Item", "decision": "Yes"})],
                    }
                    for day in (1, 2)
                ]
            )
            meetings.action_hold()
            self.ids = {
                "members": members.ids,
                "council": council.id,
                "sequence": council.minutes_sequence_id.id,
                "meetings": meetings.ids,
            }
        self.addCleanup(self._delete_data)

    def _delete_data(self):
        with self.registry.cursor() as cr:
            ids = self.ids
            cr.execute(
                "DELETE FROM mail_activity WHERE res_model = 'network.council.meeting' "
                "AND res_id = ANY(%s)",
                [ids["meetings"]],
            )
            cr.execute("DELETE FROM network_council_meeting WHERE id = ANY(%s)", [ids["meetings"]])
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            env["network.council"].browse(ids["council"]).unlink()
            env["ir.sequence"].browse(ids["sequence"]).unlink()
            env["res.partner"].browse(ids["members"]).unlink()

    def _approve(self, env, meeting_id):
        meeting = env["network.council.meeting"].browse(meeting_id)
        meeting.action_approve()
        return meeting.minutes_number

    def _race(self, first_id, second_id):
        """Transaction 1 approves ``first_id``; transaction 2, started before 1 ends, approves
        ``second_id``; then transaction 1 commits. Returns the first number, what transaction
        2 got and whether it had to wait for transaction 1."""
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            env1 = api.Environment(cr1, SUPERUSER_ID, {"lang": "en_US"})
            env2 = api.Environment(cr2, SUPERUSER_ID, {"lang": "en_US"})
            # both transactions take their snapshot now
            cr1.execute("SELECT 1 FROM network_council_meeting LIMIT 1")
            cr2.execute("SELECT 1 FROM network_council_meeting LIMIT 1")
            first = self._approve(env1, first_id)
            outcome = {}

            def second_transaction():
                try:
                    with mute_logger("odoo.sql_db"):
                        outcome["number"] = self._approve(env2, second_id)
                    cr2.commit()
                except Exception as error:  # noqa: BLE001 - reported to the main thread
                    outcome["error"] = error
                    cr2.rollback()

            thread = threading.Thread(target=second_transaction)
            thread.start()
            thread.join(timeout=3)
            waited = thread.is_alive()
            cr1.commit()
            thread.join(timeout=60)
            self.assertFalse(thread.is_alive())
            return first, outcome, waited
        finally:
            cr1.close()
            cr2.close()

    def _numbers(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            meetings = env["network.council.meeting"].browse(self.ids["meetings"])
            return [(m.state, m.minutes_number) for m in meetings]

    def test_two_approvals_at_once_give_two_numbers(self):
        first_id, second_id = self.ids["meetings"]
        first, outcome, waited = self._race(first_id, second_id)
        # different meetings do not wait for each other
        self.assertFalse(waited)
        self.assertNotIn("error", outcome)
        self.assertTrue(first and outcome["number"])
        self.assertNotEqual(first, outcome["number"])
        states = self._numbers()
        self.assertEqual([state for state, _number in states], ["approved", "approved"])
        self.assertEqual(len({number for _state, number in states}), 2)

    def test_one_meeting_approved_twice_at_once_is_numbered_once(self):
        meeting_id = self.ids["meetings"][0]
        first, outcome, waited = self._race(meeting_id, meeting_id)
        # the second waits for the first, then finds the meeting changed under its snapshot
        self.assertTrue(waited)
        self.assertNotIn("number", outcome)
        self.assertIsInstance(outcome["error"], psycopg2.errors.SerializationFailure)
        self.assertEqual(self._numbers()[0], ("approved", first))
        # retried (as Odoo retries serialization failures), it is refused
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
            with self.assertRaisesRegex(Exception, "Only the minutes of a held meeting"):
                self._approve(env, meeting_id)
        self.assertEqual(self._numbers()[0], ("approved", first))
