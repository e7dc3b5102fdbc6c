"""Portal users and data of the tests of projects for students: coordinator Elena of the
executor school (an organizer), coordinator Pavel of the applicant kindergarten (registers
students, organizes nothing), teacher Anna of the applicant (supervises, judges nothing), jury
member Irina (a teacher of the executor school) and a coordinator of school D. The open
contest has students of the applicant, of school D and of the executor; the judged contest
has students of the applicant and of school D; a contest Irina does not judge has a student of
school D."""

from odoo import Command

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import StudentProjectTestCommon


class StudentPortalCommon(StudentProjectTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.jury_user = cls._create_portal_user("jury_irina", cls.presenter)
        cls.coordinator_d = cls._create_coordinator("coord_d", cls.school_d, "Denis")
        cls.open_project = cls._create_project(state="open", max_per_school=2)
        cls.own_student = cls._register(
            cls.open_project, cls.applicant, "Own Student Masha", grade=6, supervisor=cls.listener
        )
        cls.other_student = cls._register(
            cls.open_project, cls.school_d, "Foreign Student Fedor", grade=8
        )
        cls.organizer_student = cls._register(
            cls.open_project, cls.executor, "Organizer Student Olga", grade=7
        )
        cls.judged_project = cls._create_project(state="open")
        cls.judged_own = cls._register(cls.judged_project, cls.applicant, "Judged Own Ivan")
        cls.judged_other = cls._register(cls.judged_project, cls.school_d, "Judged Other Gleb")
        cls.judged_project.action_judge()
        cls.foreign_project = cls._create_project(
            state="open", jury_ids=[Command.set(cls.jury_d.ids)]
        )
        cls.foreign_student = cls._register(
            cls.foreign_project, cls.school_d, "Unjudged Student Yana"
        )
        cls.draft_project = cls._create_project()
