from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CertificationTestCommon


@tagged("post_install", "-at_install")
class TestUsedToken(CertificationTestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._create_event()
        cls.token = cls._create_token(cls.listener, cls.event)
        cls.other_tokens = cls._give_tokens(cls.listener, (1990, "listener"), (1989, "listener"))
        cls.certificate = cls._issue(cls.listener)

    def test_marked_used_by_certification(self):
        self.assertEqual(self.token.state, "used")
        self.assertEqual(self.token.certificate_id, self.certificate)
        self.assertIn(self.token, self.certificate.token_ids)

    def test_used_token_cannot_be_written(self):
        for vals in (
            {"revoke_reason": "Typo"},
            {"state": "valid"},
            {"state": "revoked"},
            {"role": "presenter"},
            {"date": "1991-03-16"},
            {"certificate_id": False},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    self.token.write(vals)
                self.assertEqual(self.token.state, "used")
                self.assertEqual(self.token.role, "listener")
                self.assertEqual(self.token.certificate_id, self.certificate)
        # no context key opens the lock (the old mechanism's flag included)
        with self.assertRaises(UserError):
            self.token.with_context(network_certification=True).write({"state": "valid"})
        self.assertEqual(self.token.state, "used")

    def test_only_certification_marks_tokens_used(self):
        valid = self._create_token(self.listener_2, self.event)
        for vals in (
            {"state": "used"},
            {"certificate_id": self.certificate.id},
            {"state": "used", "certificate_id": self.certificate.id},
        ):
            with self.subTest(vals=vals):
                with self.assertRaises(UserError):
                    valid.with_context(network_certification=True).write(vals)
                self.assertEqual(valid.state, "valid")
                self.assertFalse(valid.certificate_id)
        with self.assertRaises(UserError):
            self.env["network.activity.token"].create(
                {
                    "partner_id": self.listener_2.id,
                    "organization_id": self.third_org.id,
                    "event_id": self._create_event().id,
                    "role": "listener",
                    "state": "used",
                }
            )

    def test_used_token_cannot_be_revoked_or_deleted(self):
        with self.assertRaises(UserError):
            self.token.action_revoke()
        with self.assertRaises(UserError):
            self.token.unlink()
        with self.assertRaises(UserError):
            (self.token | self._create_token(self.listener_2, self.event)).unlink()
        self.assertTrue(self.token.exists())
        self.assertEqual(self.token.state, "used")

    def test_certification_releases_the_token(self):
        """Revoking a certificate makes its tokens valid again."""
        self.certificate.action_revoke("Wrong event")
        self.assertEqual(self.token.state, "valid")
        self.assertFalse(self.token.certificate_id)
        self.token.action_revoke("Wrong event")
        self.assertEqual(self.token.state, "revoked")
        self.token.unlink()
        self.assertFalse(self.token.exists())

    def test_valid_tokens_stay_editable(self):
        other = self._create_token(self.listener_2, self.event)
        other.write({"revoke_reason": "note"})
        other.action_revoke("Left early")
        self.assertEqual(other.state, "revoked")
        other.unlink()
        self.assertFalse(other.exists())

    def test_reissuing_tokens_keeps_used_ones(self):
        self._register(self.event, self.listener)
        tokens = self.event._issue_tokens()
        self.assertNotIn(self.listener, tokens.filtered(lambda t: t.role == "listener").partner_id)
        self.assertEqual(self.token.state, "used")
