"""Shared set-up of the pairing tests: two school years (1990/1991 from network_methodology's
tests and 1991/1992), ten schools of the test network, factories of assessments with results
and of pairs. Nothing assumes an empty table (demo data may be loaded)."""

from odoo.addons.network_methodology.tests.common import NetworkTestCommon


class PairingTestCommon(NetworkTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Assessment = cls.env["network.assessment"]
        cls.Result = cls.env["network.assessment.result"]
        cls.Pair = cls.env["network.school.pair"]
        cls.Help = cls.env["network.help.record"]
        cls.next_year = cls._create_year(1991)
        cls.subject = cls.env["network.subject"].create({"name": "Test mathematics"})
        cls.methodist = cls._create_user(
            "methodist_of_pairs", "network_methodology.group_network_user"
        )
        cls.department = cls._create_user(
            "department_of_pairs", "network_methodology.group_network_department"
        )
        # schools S0 … S9; the executor and the third school of the base tests are S0, S1
        cls.schools = cls.executor | cls.third_org
        cls.schools |= cls.env["res.partner"].create(
            [
                {
                    "name": f"Test school S{index}",
                    "is_company": True,
                    "is_network_member": True,
                    "network_org_kind": "school",
                }
                for index in range(2, 10)
            ]
        )

    @classmethod
    def _create_assessment(cls, scores, year=None, procedure="vpr", grade=5, **vals):
        """An assessment with the results ``scores`` ({school: score})."""
        return cls.Assessment.create(
            {
                "procedure": procedure,
                "subject_id": cls.subject.id,
                "grade": grade,
                "school_year_id": (year or cls.year).id,
                "result_ids": [
                    (0, 0, {"organization_id": school.id, "participants": 20, "score": score})
                    for school, score in scores.items()
                ],
                **vals,
            }
        )

    @classmethod
    def _scores(cls, *values):
        """{S0: values[0], S1: values[1], …}."""
        return dict(zip(cls.schools, values, strict=False))

    @staticmethod
    def _levels(assessment):
        return {r.organization_id: r.level for r in assessment.result_ids}

    def _level_names(self, assessment, level):
        return {r.organization_id for r in assessment.result_ids if r.level == level}

    @classmethod
    def _create_pair(cls, assessment, strong, weak, **vals):
        return cls.Pair.create(
            {"assessment_id": assessment.id, "strong_id": strong.id, "weak_id": weak.id, **vals}
        )
