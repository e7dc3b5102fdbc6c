from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import MockEmail

from .portal_common import NetworkPortalCommon


@tagged("post_install", "-at_install")
class TestPortalRules(NetworkPortalCommon):
    """What each portal user reads through the ORM, whatever page they use; and that they
    change nothing directly (portal changes go through the controllers' checked actions)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement_exec = cls._create_agreement()
        cls.agreement_pair = cls._create_agreement("interaction")
        cls.draft_offer = cls._create_offer(cls.executor, cls.presenter, publish=False)
        cls.request_appl = cls._create_request()
        cls.request_appl.action_submit()  # a draft stays with its author
        cls.request_third = cls._create_request(
            offer=cls._create_offer(cls.third_org, cls._create_teacher(cls.third_org)),
            requester=cls.executor,
        )
        cls.material_exec = cls._create_material()
        cls.network_event = cls._create_event()
        cls.other_event = cls._create_event(network=False)
        cls.registration_anna, cls.registration_boris = cls._register(
            cls.network_event, cls.listener | cls.listener_2
        )
        cls.token_anna = cls._create_token(cls.listener, cls.network_event)
        cls.token_boris = cls._create_token(cls.listener_2, cls.network_event)

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_coordinator_reads_own_organization(self):
        user = self.coordinator_exec
        cases = [
            (self.agreement_exec | self.agreement_pair, self.agreement_exec | self.agreement_pair),
            (self.offer | self.draft_offer, self.offer | self.draft_offer),
            (self.request_appl | self.request_third, self.request_appl | self.request_third),
            (self.material_exec, self.material_exec),
            (self.network_event | self.other_event, self.network_event),
            # the host's coordinator marks its event's attendance: it reads the attendees
            (
                self.registration_anna | self.registration_boris,
                self.registration_anna | self.registration_boris,
            ),
            (self.token_anna | self.token_boris, self.env["network.activity.token"]),
        ]
        for records, expected in cases:
            with self.subTest(model=records._name):
                self.assertEqual(self._visible(user, records), expected)

    def test_other_coordinator_reads_only_what_concerns_them(self):
        user = self.coordinator_appl
        self.assertEqual(
            self._visible(user, self.agreement_exec | self.agreement_pair), self.agreement_pair
        )
        # published offers of everybody, not another organization's drafts
        self.assertEqual(self._visible(user, self.offer | self.draft_offer), self.offer)
        self.assertEqual(
            self._visible(user, self.request_appl | self.request_third), self.request_appl
        )
        self.assertFalse(self._visible(user, self.material_exec))
        self.assertEqual(
            self._visible(user, self.registration_anna | self.registration_boris),
            self.registration_anna,
        )
        for record in (
            self.agreement_exec,
            self.draft_offer,
            self.request_third,
            self.material_exec,
        ):
            with self.subTest(model=record._name), self.assertRaises(AccessError):
                record.with_user(user).read(["name"])
        # other organizations' contacts and teachers stay hidden
        with self.assertRaises(AccessError):
            self.presenter.with_user(user).read(["email"])

    def test_teacher_reads_own_card_only(self):
        user = self.teacher_user
        self.assertEqual(self._visible(user, self.token_anna | self.token_boris), self.token_anna)
        self.assertEqual(
            self._visible(user, self.registration_anna | self.registration_boris),
            self.registration_anna,
        )
        # a teacher does not act for the organization
        self.assertFalse(self._visible(user, self.agreement_pair))
        self.assertFalse(self._visible(user, self.request_appl))
        self.assertEqual(self._visible(user, self.offer | self.draft_offer), self.offer)

    def test_portal_changes_nothing_directly(self):
        for user in (self.coordinator_exec, self.teacher_user):
            for record, values in (
                (self.draft_offer, {"name": "Changed"}),
                (self.request_appl, {"participants_planned": 99}),
                (self.agreement_exec, {"subject": "Changed"}),
                (self.token_anna, {"role": "presenter"}),
            ):
                with self.subTest(user=user.login, model=record._name):
                    with self.assertRaises(AccessError):
                        record.with_user(user).write(values)
            with self.assertRaises(AccessError):
                self.env["network.request"].with_user(user).create(
                    {"requester_id": self.applicant.id, "offer_id": self.offer.id}
                )

    def test_becoming_a_teacher_changes_what_is_read(self):
        # the rules read is_teacher; their cached domains follow the change
        partner = self.coordinator_appl.partner_id
        self.assertTrue(self._visible(self.coordinator_appl, self.request_appl))
        partner.is_teacher = True
        self.assertFalse(self._visible(self.coordinator_appl, self.request_appl))
        self.assertEqual(self.coordinator_appl._network_portal_role()[0], "teacher")
        partner.is_teacher = False
        self.assertTrue(self._visible(self.coordinator_appl, self.request_appl))
        self.assertEqual(
            self.coordinator_appl._network_portal_role(), ("coordinator", self.applicant)
        )

    def test_register_and_unregister_rules(self):
        event = self._create_event(date_begin=fields.Datetime.now() + timedelta(days=5))
        registrations = event._register_teachers(self.listener | self.presenter)
        self.assertEqual(registrations.partner_id, self.listener | self.presenter)
        self.assertFalse(event._register_teachers(self.listener))  # already there
        with self.assertRaises(ValidationError):
            event._register_teachers(self.coordinator_appl.partner_id)
        self.assertIs(event._unregister_teachers(self.listener), True)
        self.assertEqual(
            registrations.filtered(lambda r: r.state == "cancel").partner_id, self.listener
        )
        with self.assertRaises(UserError):
            event._unregister_teachers(self.listener)  # no longer registered
        with self.assertRaises(UserError):
            self.other_event._register_teachers(self.listener)  # not a network event
        with self.assertRaises(UserError):
            self.network_event._unregister_teachers(self.listener)  # has taken place
        full = self._create_event(
            date_begin=fields.Datetime.now() + timedelta(days=5), seats_limited=True, seats_max=1
        )
        full._register_teachers(self.listener)
        with self.assertRaises(UserError):
            full._register_teachers(self.presenter)  # closed: no seat left


@tagged("post_install", "-at_install")
class TestPortalInvitation(NetworkPortalCommon, MockEmail):
    def test_grant_portal_access_to_a_teacher_in_russian(self):
        """Centre staff use Odoo's own portal wizard; the invitation goes in Russian."""
        if not self.env["res.lang"]._lang_get("ru_RU"):
            self.skipTest("Russian is not installed in this database")
        teacher = self._create_teacher(
            self.executor, "Presenter Nina", email="nina@example.com", lang="ru_RU"
        )
        methodist = self._create_user("portal_methodist", "network_methodology.group_network_user")
        wizard = (
            self.env["portal.wizard"]
            .with_user(methodist)
            .with_context(active_ids=teacher.ids)
            .create({})
        )
        with self.mock_mail_gateway():
            wizard.user_ids.action_grant_access()
        user = teacher.user_ids
        self.assertTrue(user._is_portal())
        self.assertEqual(user._network_portal_role(), ("teacher", self.executor))
        invitation = [mail for mail in self._mails if "nina@example.com" in str(mail["email_to"])]
        self.assertEqual(len(invitation), 1)
        self.assertIn("Ваша учетная запись", invitation[0]["subject"])
