"""Shared set-up of the network_methodology tests.

The tests must pass with or without demo data, so they never assume an empty table: every
record a test looks at is created here or in the test itself. School years used by the tests lie
in the 20th century, far away from any year demo data or a real database would hold.
"""

import base64
import itertools
import subprocess
import tempfile
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import psycopg2

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import mute_logger

from ..models.network_request import PENDING_REQUEST_STATES


def pdf_text(data):
    """Text of a PDF, extracted by poppler's pdftotext."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(data)
        pdf.flush()
        return subprocess.run(
            ["pdftotext", "-layout", pdf.name, "-"], capture_output=True, check=True, text=True
        ).stdout


_counter = itertools.count(1)


class NetworkTestCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["network.school.year"])
        # network_expertise, when installed, refuses approval before finished expertises: the
        # review workflow is tested here without them (network_expertise tests the minimum)
        if "network_expertise_min_done" in cls.env.company._fields:
            cls.env.company.network_expertise_min_done = 0
        # The school year of most tests: 1990/1991. Events in it lie in the past, so
        # tokens can be issued for them.
        cls.year = cls._create_year(1990)
        cls.past_begin = datetime(1991, 3, 15, 9, 0)
        cls.project = cls.env["network.project"].create({"name": "Test network project"})
        cls.subproject = cls.env["network.project"].create(
            {"name": "Test sub-project", "parent_id": cls.project.id}
        )
        cls.executor = cls._create_org("Test executor school")
        cls.applicant = cls._create_org(
            "Test applicant kindergarten", network_org_kind="kindergarten"
        )
        cls.third_org = cls._create_org("Test third school")
        cls.presenter = cls._create_teacher(cls.executor, "Presenter Irina")
        cls.presenter_2 = cls._create_teacher(cls.executor, "Presenter Oleg")
        cls.listener = cls._create_teacher(cls.applicant, "Listener Anna")
        cls.listener_2 = cls._create_teacher(cls.third_org, "Listener Boris")
        cls.offer = cls._create_offer(cls.executor, cls.presenter, project=cls.subproject)

    # ------------------------------------------------------------------ factories
    @classmethod
    def _uid_str(cls):
        return str(next(_counter))

    @classmethod
    def _create_year(cls, start_year, **vals):
        """School year 1 September ``start_year`` – 31 August of the next year."""
        return cls.env["network.school.year"].create(
            {
                "name": f"{start_year}/{start_year + 1}",
                "date_start": date(start_year, 9, 1),
                "date_end": date(start_year + 1, 8, 31),
                **vals,
            }
        )

    @classmethod
    def _create_org(cls, name, agreement=True, **vals):
        """A member school; with ``agreement``, its cooperation agreement with the centre is
        signed and in force (rulebook 1.8: what lets it publish and request)."""
        org = cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "is_network_member": True,
                "network_org_kind": "school",
                **vals,
            }
        )
        if agreement:
            cls._sign_cooperation(org)
        return org

    @classmethod
    def _sign_cooperation(cls, organizations):
        """Signed cooperation agreements in force for ``organizations``, in one batch."""
        Agreement = cls.env["network.agreement"]
        agreements = Agreement.create(
            [
                {
                    "agreement_kind": "cooperation",
                    "partner_id": org.id,
                    "date_start": cls.today - timedelta(days=30),
                    "date_end": cls.today + timedelta(days=335),
                    **({"company_id": org.company_id.id} if org.company_id else {}),
                }
                for org in organizations
            ]
        )
        agreements.action_sign()
        return agreements

    @classmethod
    def _create_teacher(cls, org, name=None, **vals):
        return cls.env["res.partner"].create(
            {
                "name": name or f"Teacher {cls._uid_str()}",
                "parent_id": org.id,
                "is_teacher": True,
                **vals,
            }
        )

    @classmethod
    def _create_teachers(cls, org, count):
        return cls.env["res.partner"].create(
            [
                {"name": f"Teacher {cls._uid_str()}", "parent_id": org.id, "is_teacher": True}
                for _i in range(count)
            ]
        )

    @classmethod
    def _create_offer(cls, org, presenters, publish=True, project=None, **vals):
        offer = cls.env["network.offer"].create(
            {
                "name": f"Offer {cls._uid_str()}",
                "organization_id": org.id,
                "school_year_id": cls.year.id,
                "project_id": project.id if project else False,
                "event_form": "seminar",
                "duration_hours": 3.0,
                "presenter_ids": [Command.set(presenters.ids)],
                **vals,
            }
        )
        if publish:
            offer.action_publish()
        return offer

    @classmethod
    def _create_request(cls, offer=None, requester=None, **vals):
        """A draft request of ``requester`` (the applicant) for ``offer``. Without an offer:
        ``cls.offer``, unless the requester already has a request waiting for it (one per
        applicant and offer), then a new published offer like it."""
        requester = requester or cls.applicant
        if offer is None:
            offer = cls.offer
            if cls.env["network.request"].search_count(
                [
                    ("requester_id", "=", requester.id),
                    ("offer_id", "=", offer.id),
                    ("state", "in", PENDING_REQUEST_STATES),
                ]
            ):
                offer = cls._create_offer(offer.organization_id, offer.presenter_ids)
        return cls.env["network.request"].create(
            {
                "requester_id": requester.id,
                "offer_id": offer.id,
                "participants_planned": 5,
                **vals,
            }
        )

    @classmethod
    def _create_event(cls, host=None, presenters=None, date_begin=None, network=True, **vals):
        host = cls.executor if host is None else host
        presenters = cls.presenter if presenters is None else presenters
        date_begin = date_begin or cls.past_begin
        return cls.env["event.event"].create(
            {
                "name": f"Event {cls._uid_str()}",
                "is_network_event": network,
                "event_form": "workshop" if network else False,
                "host_organization_id": host.id if network else False,
                "presenter_ids": [Command.set(presenters.ids)] if network else [],
                "date_begin": date_begin,
                "date_end": date_begin + timedelta(hours=2),
                **vals,
            }
        )

    @classmethod
    def _register(cls, event, partners, state="done"):
        return cls.env["event.registration"].create(
            [
                {
                    "event_id": event.id,
                    "partner_id": partner.id,
                    "name": partner.name,
                    "state": state,
                }
                for partner in partners
            ]
        )

    @classmethod
    def _create_token(cls, teacher=None, event=None, role="listener", **vals):
        teacher = teacher or cls.listener
        event = event or cls._create_event()
        return cls.env["network.activity.token"].create(
            {
                "partner_id": teacher.id,
                "organization_id": teacher.parent_id.id,
                "event_id": event.id,
                "role": role,
                "date": event.date_begin.date(),
                **vals,
            }
        )

    @classmethod
    def _create_attachment(cls, name="material.txt"):
        return cls.env["ir.attachment"].create(
            {"name": name, "datas": base64.b64encode(b"network material")}
        )

    @classmethod
    def _create_material(cls, with_file=True, authors=None, **vals):
        authors = cls.presenter if authors is None else authors
        return cls.env["network.material"].create(
            {
                "name": f"Material {cls._uid_str()}",
                "organization_id": cls.executor.id,
                "author_ids": [Command.set(authors.ids)],
                "attachment_ids": [Command.set(cls._create_attachment().ids)] if with_file else [],
                "date": date(1991, 3, 15),
                **vals,
            }
        )

    @classmethod
    def _create_agreement(cls, kind="cooperation", **vals):
        values = {
            "agreement_kind": kind,
            "date_start": cls.today - timedelta(days=30),
            "date_end": cls.today + timedelta(days=335),
        }
        if kind == "cooperation":
            values["partner_id"] = vals.get("partner_id") or cls.executor.id
        else:
            values.update(
                executor_id=vals.get("executor_id") or cls.executor.id,
                customer_id=vals.get("customer_id") or cls.applicant.id,
            )
        values.update(vals)
        return cls.env["network.agreement"].create(values)

    @classmethod
    def _create_user(cls, login, groups):
        return new_test_user(cls.env, login=login, groups=groups, tz="Europe/Moscow")

    @contextmanager
    def assertRaisesDatabase(self, exception=psycopg2.IntegrityError):
        """The database refuses what the block does: ``exception`` is raised (at the latest
        when the savepoint flushes) and the block's changes are rolled back."""
        with mute_logger("odoo.sql_db"), self.assertRaises(exception), self.env.cr.savepoint():
            yield
            self.env.flush_all()

    # ------------------------------------------------------------------ request states
    def _request_in_state(self, state):
        """A fresh request brought to ``state`` through the public actions only."""
        request = self._create_request()
        if state == "draft":
            return request
        if state == "cancelled":
            request.action_cancel()
            return request
        request.action_submit()
        if state == "submitted":
            return request
        if state == "rejected":
            request.action_reject("No room")
            return request
        request.action_accept()
        if state == "accepted":
            return request
        event = request._schedule_events(date_begin=self.past_begin)
        if state == "scheduled":
            return request
        event._issue_tokens()
        self.assertEqual(request.state, "done")
        return request
