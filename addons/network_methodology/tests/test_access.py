from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .access_matrix import ALL, NONE, READ, RWC, AccessMatrixMixin
from .common import NetworkTestCommon

# Expected rights per group and model: the letters of read, write, create, unlink allowed.
# Methodists delete what is still a draft (the models refuse the rest); tokens are a ledger.
NETWORK_DATA = {
    "department": READ,
    "methodist": ALL,
    "manager": ALL,
    "internal": NONE,
    "portal": NONE,
}
LEDGER = dict(NETWORK_DATA, methodist=RWC)
EVENTS = dict(NETWORK_DATA, methodist=RWC)
REFERENCE_DATA = {
    "department": READ,
    "methodist": READ,
    "manager": ALL,
    "internal": READ,
    "portal": NONE,
}
# The portal user of this matrix belongs to no member organization: they read nothing of the
# network (a stranger who signed up). Portal coordinators and teachers are tested in
# test_portal_rules.
EXPECTED = {
    "network.school.year": REFERENCE_DATA,
    "network.innovation.status": REFERENCE_DATA,
    "network.project": NETWORK_DATA,
    "network.project.roadmap.line": NETWORK_DATA,
    "network.agreement": NETWORK_DATA,
    "network.offer": NETWORK_DATA,
    "network.request": NETWORK_DATA,
    "network.activity.token": LEDGER,
    "network.material": NETWORK_DATA,
    # events: the department reads them; methodists and managers get the event app's rights
    "event.event": EVENTS,
}


@tagged("post_install", "-at_install")
class TestAccessRights(AccessMatrixMixin, NetworkTestCommon):
    EXPECTED = EXPECTED

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._create_access_users("netmeth")
        cls._next_year = 1800

    # values of a fresh record of each model; called for every cell, so each is unique
    def _values(self, model):
        tag = self._uid_str()
        if model == "network.school.year":
            self.__class__._next_year += 1
            start = self._next_year
            return {
                "name": f"{start}/{start + 1}",
                "date_start": date(start, 9, 1),
                "date_end": date(start + 1, 8, 31),
            }
        if model == "network.innovation.status":
            return {"name": f"Status {tag}", "code": f"TST{tag}"}
        if model == "network.project":
            return {"name": f"Project {tag}"}
        if model == "network.project.roadmap.line":
            return {"project_id": self.project.id, "name": f"Step {tag}"}
        if model == "network.agreement":
            return {
                "partner_id": self.executor.id,
                "date_start": self.today,
                "date_end": self.today + timedelta(days=300),
            }
        if model == "network.offer":
            return {
                "name": f"Offer {tag}",
                "organization_id": self.executor.id,
                "school_year_id": self.year.id,
                "event_form": "lecture",
                "presenter_ids": [(6, 0, self.presenter.ids)],
            }
        if model == "network.request":
            # a new offer each time: an applicant has one request waiting per offer
            offer = self._create_offer(self.executor, self.presenter)
            return {"requester_id": self.applicant.id, "offer_id": offer.id}
        if model == "network.activity.token":
            teacher = self._create_teacher(self.applicant)
            return {
                "partner_id": teacher.id,
                "organization_id": self.applicant.id,
                "event_id": self.access_event.id,
                "role": "listener",
                "date": date(1991, 3, 15),
            }
        if model == "network.material":
            return {"name": f"Material {tag}", "organization_id": self.executor.id}
        if model == "event.event":
            return {
                "name": f"Event {tag}",
                "date_begin": datetime(2091, 3, 1, 10, 0),
                "date_end": datetime(2091, 3, 1, 12, 0),
            }
        raise AssertionError(model)

    # a field to write on each model, with a value different from the one set at creation
    WRITES = {
        "network.school.year": ("state", "closed"),
        "network.innovation.status": ("description", "Changed"),
        "network.project": ("goal", "Changed"),
        "network.project.roadmap.line": ("note", "Changed"),
        "network.agreement": ("subject", "Changed"),
        "network.offer": ("duration_hours", 7.0),
        "network.request": ("comment", "Changed"),
        "network.activity.token": ("revoke_reason", "Changed"),
        "network.material": ("material_type", "other"),
        "event.event": ("seats_max", 77),
    }

    @property
    def access_event(self):
        if not hasattr(self, "_access_event"):
            self._access_event = self._create_event()
        return self._access_event

    def test_department_cannot_run_actions(self):
        user = self.users["department"]
        agreement = self._create_agreement()
        signed = self._create_agreement()
        signed.action_sign()
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        request = self._create_request()
        submitted = self._request_in_state("submitted")
        accepted = self._request_in_state("accepted")
        event = self._create_event()
        self._register(event, self.listener)
        token = self._create_token()
        material = self._create_material()
        year = self._create_year(1850)
        cases = [
            (agreement, "action_sign", "draft"),
            (signed, "action_terminate", "signed"),
            (offer, "action_publish", "draft"),
            (self.offer, "action_archive_offer", "published"),
            (request, "action_submit", "draft"),
            (request, "action_cancel", "draft"),
            (submitted, "action_accept", "submitted"),
            (submitted, "action_reject", "submitted"),
            (accepted, "action_schedule", "accepted"),
            (token, "action_revoke", "valid"),
            (material, "action_submit", "draft"),
            (year, "action_close", "open"),
        ]
        for record, method, state in cases:
            with self.subTest(model=record._name, method=method):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    getattr(record.with_user(user), method)()
                    self.env.flush_all()
                record.invalidate_recordset()
                self.assertEqual(record.state, state)
        with self.subTest(model="event.event", method="action_issue_tokens"):
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                event.with_user(user)._issue_tokens()
                self.env.flush_all()
            self.assertFalse(event.token_ids)
            self.assertFalse(event.tokens_issued)
        with self.subTest(model="network.agreement", method="_cron_expire"):
            signed.date_end = self.today - timedelta(days=1)
            with self.assertRaises(AccessError), self.env.cr.savepoint():
                self.env["network.agreement"].with_user(user)._cron_expire()
                self.env.flush_all()
            self.assertEqual(signed.state, "signed")
