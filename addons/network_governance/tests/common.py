"""Shared set-up of the network_governance tests, on network_methodology's (school year
1990/1991, an executor school, an applicant kindergarten, a third school and their teachers):
a coordination council with a chair, a secretary and members, and factories for meetings,
orders, resources and directions. Dates of meetings lie in 1991, far from any real data."""

from datetime import datetime

from odoo import Command
from odoo.models import BaseModel

from odoo.addons.network_methodology.tests.common import NetworkTestCommon

MEETING_DAY = datetime(1991, 3, 20, 9, 0)


class GovernanceTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # refusals are read in English whatever the database's users speak
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        for name, value in list(vars(cls).items()):
            if isinstance(value, BaseModel):
                setattr(cls, name, value.with_env(cls.env))
        cls.methodist = cls._create_user("gov_methodist", "network_methodology.group_network_user")
        cls.manager = cls._create_user("gov_manager", "network_methodology.group_network_manager")
        cls.chair = cls.env["res.partner"].create(
            {"name": "Chair Sergei", "parent_id": cls.env.company.partner_id.id}
        )
        cls.council = cls._create_council(
            "Test coordination council",
            [
                (cls.chair, "chair"),
                (cls.methodist.partner_id, "secretary"),
                (cls.presenter, "member"),
                (cls.listener, "member"),
            ],
        )
        cls.members = cls.council.member_ids.partner_id

    @classmethod
    def _create_council(cls, name, members, **vals):
        return cls.env["network.council"].create(
            {
                "name": name,
                "council_kind": "coordination",
                "member_ids": [
                    Command.create({"partner_id": partner.id, "role": role})
                    for partner, role in members
                ],
                **vals,
            }
        )

    @classmethod
    def _create_meeting(cls, council=None, date=None, items=1, **vals):
        return cls.env["network.council.meeting"].create(
            {
                "council_id": (council or cls.council).id,
                "date": date or MEETING_DAY,
                "agenda_line_ids": [
                    Command.create({"name": f"Item {index + 1}", "sequence": index})
                    for index in range(items)
                ],
                **vals,
            }
        )

    @classmethod
    def _held_meeting(cls, council=None, **vals):
        """A meeting held with every member present."""
        council = council or cls.council
        meeting = cls._create_meeting(
            council, attendee_ids=[Command.set(council.member_ids.partner_id.ids)], **vals
        )
        meeting.action_hold()
        return meeting

    @classmethod
    def _ready_minutes(cls, meeting):
        """Minutes and every decision written: the minutes can be approved."""
        meeting.minutes = "<p>Heard and decided.</p>"
        meeting.agenda_line_ids.write({"decision": "Decided."})
        return meeting

    @classmethod
    def _create_order(cls, **vals):
        return cls.env["network.order"].create(
            {"subject": f"Order {cls._uid_str()}", "date": datetime(1991, 2, 1).date(), **vals}
        )

    @classmethod
    def _create_resource(cls, org=None, **vals):
        return cls.env["network.resource"].create(
            {
                "name": f"Resource {cls._uid_str()}",
                "organization_id": (org or cls.executor).id,
                "resource_kind": "material_technical",
                **vals,
            }
        )

    @classmethod
    def _create_direction(cls, year=None, kinds=None, **vals):
        return cls.env["network.innovation.direction"].create(
            {
                "name": f"Direction {cls._uid_str()}",
                "school_year_id": (year or cls.year).id,
                "org_kinds": [
                    Command.set(
                        cls.env["network.org.kind"].search([("code", "in", kinds or [])]).ids
                    )
                ],
                **vals,
            }
        )
