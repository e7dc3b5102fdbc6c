"""Portal users of the development tests: the coordinators Elena (executor school) and Pavel
(applicant kindergarten), the teachers Anna (applicant) and Irina (executor) with portal logins
(password = login), a closed campaign with both teachers' results and their routes."""

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import DevelopmentTestCommon


class DevelopmentPortalCommon(DevelopmentTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.presenter.email = "irina@example.com"
        cls.irina_user = cls._create_portal_user("teacher_irina", cls.presenter)
        cls.department = cls._create_user(
            "department_dev", "network_methodology.group_network_department"
        )
        cls.offer.competence_ids = cls.comp_a | cls.comp_b | cls.comp_c
        cls.offer_2 = cls._create_offer(cls.executor, cls.presenter, name="Another offer")
        cls.offer_2.competence_ids = cls.comp_a | cls.comp_b | cls.comp_c
        cls.diagnostic = cls._create_diagnostic()
        cls.diagnostic.action_start()
        for teacher, answers in (
            (cls.presenter, {"q1": 2, "q2": (0, 2), "q3": 1, "q4": 10}),
            (cls.listener, {"q1": 2, "q2": (0, 1), "q3": 0, "q4": 3}),
        ):
            user_input = cls.diagnostic.answer_ids.filtered(lambda a, t=teacher: a.partner_id == t)
            user_input._save_lines(cls.q1, cls._choice(cls.q1, answers["q1"]).id)
            user_input._save_lines(cls.q2, [cls._choice(cls.q2, i).id for i in answers["q2"]])
            user_input._save_lines(cls.q3, cls._choice(cls.q3, answers["q3"]).id)
            user_input._save_lines(cls.q4, answers["q4"])
            user_input._mark_done()
        cls.diagnostic.action_close()
        cls.diagnostic.action_generate_routes()
        cls.route_irina = cls.diagnostic.route_ids.filtered(lambda r: r.partner_id == cls.presenter)
        cls.route_anna = cls.diagnostic.route_ids.filtered(lambda r: r.partner_id == cls.listener)
