"""Shared set-up of the network_community tests: subjects, teachers with profiles, factories of
communities, meetings and mentoring pairs. Like network_methodology's tests they never assume an
empty table (demo data may be loaded) and use dates far from any real school year where the
date does not matter."""

from datetime import date, datetime, timedelta

from odoo import Command, fields

from odoo.addons.network_methodology.tests.common import NetworkTestCommon


class CommunityTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Community = cls.env["network.community"]
        cls.Pair = cls.env["network.mentoring.pair"]
        cls.Line = cls.env["network.mentoring.plan.line"]
        cls.methodist = cls._create_user(
            "methodist_of_communities", "network_methodology.group_network_user"
        )
        cls.subject_math = cls.env["network.subject"].create({"name": "Test mathematics"})
        cls.current_start = cls.env["res.partner"]._network_current_start_year()
        # executor school: a mentor and a young teacher; applicant kindergarten: a young one
        cls.mentor = cls.presenter
        cls.mentor.write(
            {
                "is_mentor": True,
                "teacher_career_start": cls.current_start - 20,
                "teacher_category": "highest",
                "teacher_subject_ids": [Command.set(cls.subject_math.ids)],
            }
        )
        cls.young = cls._create_teacher(
            cls.executor, "Young Vera", teacher_career_start=cls.current_start - 1
        )
        cls.young_other = cls._create_teacher(
            cls.applicant, "Young Gleb", teacher_career_start=cls.current_start
        )

    # ------------------------------------------------------------------ factories
    @classmethod
    def _create_community(cls, kind="city_association", leader=None, organization=None, **vals):
        return cls.Community.create(
            {
                "name": f"Community {cls._uid_str()}",
                "community_kind": kind,
                "organization_id": organization.id if organization else False,
                "leader_id": leader.id if leader else False,
                "methodist_id": cls.methodist.id,
                **vals,
            }
        )

    @classmethod
    def _create_meeting(cls, community, date_begin=None, **vals):
        date_begin = date_begin or cls.past_begin
        return cls.env["event.event"].create(
            {
                "name": f"Meeting {cls._uid_str()}",
                "community_id": community.id,
                "is_network_event": True,
                "event_form": "seminar",
                "host_organization_id": (
                    community.organization_id or community.leader_id.parent_id or cls.executor
                ).id,
                "date_begin": date_begin,
                "date_end": date_begin + timedelta(hours=2),
                **vals,
            }
        )

    @classmethod
    def _create_pair(cls, mentor=None, mentee=None, steps=(), **vals):
        """A draft pair; ``steps`` are ``(name, deadline)`` pairs."""
        start = vals.pop("date_start", date(1990, 9, 1))
        return cls.Pair.create(
            {
                "mentor_id": (mentor or cls.mentor).id,
                "mentee_id": (mentee or cls.young).id,
                "date_start": start,
                "goal": "Master formative assessment",
                "methodist_id": cls.methodist.id,
                "plan_line_ids": [
                    Command.create({"name": name, "date_deadline": deadline})
                    for name, deadline in steps
                ],
                **vals,
            }
        )

    def _pair_in_state(self, state, **vals):
        """A fresh pair brought to ``state`` through the public actions only."""
        pair = self._create_pair(**vals)
        if state == "draft":
            return pair
        if state == "cancelled":
            pair.action_cancel("Test")
            return pair
        pair.action_start()
        if state == "active":
            return pair
        pair.outcome = "achieved"
        pair.action_done()
        return pair

    @staticmethod
    def _at(day, hour=12):
        return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)

    @classmethod
    def _today(cls):
        return fields.Date.context_today(cls.env["res.partner"])
