"""Portal users and data of the pairing tests: coordinator Elena of S0 (the executor school),
coordinator Pavel of the applicant kindergarten (no results), teacher Anna; an assessment with
S0 high and S9 low paired (help logged, a joint event), and S1 → S8 paired with a help entry
Elena must never read."""

from odoo.addons.network_methodology.tests.portal_common import NetworkPortalCommon

from .common import PairingTestCommon


class PairingPortalCommon(PairingTestCommon, NetworkPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        s = cls.schools
        cls.assessment = cls._create_assessment(
            cls._scores(91.5, 85, 77, 70, 66, 60, 55, 48, 40, 33.25)
        )
        cls.assessment.action_classify()
        cls.pair_own = cls._create_pair(cls.assessment, s[0], s[9])
        cls.pair_other = cls._create_pair(cls.assessment, s[1], s[8])
        (cls.pair_own | cls.pair_other).action_activate()
        cls.help_own = cls.pair_own._log_help(
            {"help_kind": "consultation", "description": "Own consultation on fractions"}
        )
        cls.help_other = cls.pair_other._log_help(
            {"help_kind": "lesson_visit", "description": "Secret visit of another pair"}
        )
        cls.event_own = cls._create_event(
            host=s[0], school_pair_id=cls.pair_own.id, name="Joint seminar of the pair"
        )
        cls.result_own = cls.assessment.result_ids.filtered(lambda r: r.organization_id == s[0])
        cls.result_other = cls.assessment.result_ids.filtered(lambda r: r.organization_id == s[1])
