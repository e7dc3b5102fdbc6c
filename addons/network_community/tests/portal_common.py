"""Portal users and data of the community tests. Organizations of network_methodology's tests:
the executor school (coordinator Elena; teachers Irina, a mentor, Oleg and young Vera), the
applicant kindergarten (coordinator Pavel; teacher Anna, young Gleb) and a third school
(teacher Boris). Irina, Vera and Anna have portal logins (password = login)."""

from datetime import date, timedelta

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import CommunityTestCommon


class CommunityPortalCommon(CommunityTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor.email = "irina@example.com"
        cls.young.email = "vera@example.com"
        cls.mentor_user = cls._create_portal_user("mentor_irina", cls.mentor)
        cls.young_user = cls._create_portal_user("young_vera", cls.young)
        today = cls._today()
        # an open city association led by Irina: Irina, Vera, Anna
        cls.city = cls._create_community(leader=cls.mentor, name="Open city association")
        cls.city.action_join(cls.young | cls.listener)
        # a closed city team led by Boris (third school) with Oleg (executor)
        cls.closed_team = cls._create_community(
            "creative_team", leader=cls.listener_2, is_open=False, name="Closed creative team"
        )
        cls.closed_team.action_join(cls.presenter_2)
        # the executor's school association (by invitation): Oleg leads, Vera
        cls.school_exec = cls._create_community(
            "school_association",
            leader=cls.presenter_2,
            organization=cls.executor,
            is_open=False,
            name="Executor school association",
        )
        cls.school_exec.action_join(cls.young)
        # an open association of the third school: not for other schools' teachers
        cls.open_third = cls._create_community(
            "school_association",
            leader=cls.listener_2,
            organization=cls.third_org,
            name="Third school association",
        )
        # mentoring pairs
        start = today - timedelta(days=30)
        cls.pair_exec = cls._create_pair(
            date_start=start,
            steps=[
                ("Observe lessons", today - timedelta(days=3)),
                ("Open lesson", today + timedelta(days=20)),
            ],
        )
        cls.pair_exec.action_start()
        cls.pair_cross = cls._create_pair(mentee=cls.young_other, date_start=start)
        cls.pair_cross.action_start()
        cls.listener_2.is_mentor = True
        cls.third_teacher = cls._create_teacher(cls.third_org, "Third Dina")
        cls.pair_third = cls._create_pair(
            mentor=cls.listener_2,
            mentee=cls.third_teacher,
            date_start=start,
            steps=[("Secret step", today + timedelta(days=5))],
        )
        cls.pair_third.action_start()
        cls.far_date = date(1990, 9, 1)
