"""Shared set-up of the network_expertise tests: criteria of the test's own material type, a
submitted material of the executor school, experts of the other schools and a methodist."""

from odoo.addons.network_methodology.tests.common import NetworkTestCommon


class ExpertiseTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # network_methodology's common set-up lifts the approval minimum: restore the default
        cls.env.company.network_expertise_min_done = 2
        cls.Expertise = cls.env["network.expertise"]
        # only the tests' criteria apply to assessment materials
        cls.env["network.expertise.criterion"].search([]).active = False
        Criterion = cls.env["network.expertise.criterion"]
        cls.crit_general = Criterion.create({"name": "Relevance", "max_score": 5})
        cls.crit_assessment = Criterion.create(
            {"name": "Validity", "max_score": 3, "material_types": "assessment"}
        )
        cls.crit_video = Criterion.create(
            {"name": "Recording", "max_score": 3, "material_types": "lesson_video"}
        )
        cls.methodist = cls._create_user(
            "methodist_expert", "network_methodology.group_network_user"
        )
        cls.material = cls._submitted_material()
        # experts: teachers of the applicant and the third school, the methodist
        cls.expert_appl = cls.listener
        cls.expert_third = cls.listener_2

    @classmethod
    def _submitted_material(cls, **vals):
        material = cls._create_material(**{"material_type": "assessment", **vals})
        material.action_submit()
        return material

    @classmethod
    def _assign(cls, expert, material=None):
        return cls.Expertise.create(
            {"material_id": (material or cls.material).id, "expert_id": expert.id}
        )

    @classmethod
    def _score(cls, expertise, general=4, assessment=2, recommendation="publish"):
        expertise.write(
            {
                "score_ids": [
                    (0, 0, {"criterion_id": cls.crit_general.id, "score": general}),
                    (0, 0, {"criterion_id": cls.crit_assessment.id, "score": assessment}),
                ],
                "recommendation": recommendation,
                "comment": "Хороший материал",
            }
        )
        return expertise
