from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import NetworkTestCommon


@tagged("post_install", "-at_install")
class TestOffer(NetworkTestCommon):
    def test_publish(self):
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        self.assertEqual(offer.state, "draft")
        self.assertIs(offer.action_publish(), True)
        self.assertEqual(offer.state, "published")

    def test_submit_publish_or_return(self):
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        self.assertIs(offer.action_submit(), True)
        self.assertEqual(offer.state, "submitted")
        self.assertIs(offer.action_reset_to_draft(), True)
        self.assertEqual(offer.state, "draft")
        offer.action_submit()
        self.assertIs(offer.action_publish(), True)
        self.assertEqual(offer.state, "published")

    def test_submit_refused(self):
        no_presenter = self._create_offer(self.executor, self.env["res.partner"], publish=False)
        with self.assertRaises(ValidationError):
            no_presenter.action_submit()
        self.assertEqual(no_presenter.state, "draft")
        published = self._create_offer(self.executor, self.presenter)
        submitted = self._create_offer(self.executor, self.presenter, publish=False)
        submitted.action_submit()
        for offer in (published, submitted):
            with self.subTest(state=offer.state):
                state = offer.state
                with self.assertRaises(UserError):
                    offer.action_submit()
                self.assertEqual(offer.state, state)

    def test_portal_url(self):
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        self.assertEqual(offer.access_url, f"/my/network/offers/{offer.id}")

    def test_publish_needs_presenters(self):
        offer = self._create_offer(self.executor, self.env["res.partner"], publish=False)
        with self.assertRaises(ValidationError):
            offer.action_publish()
        self.assertEqual(offer.state, "draft")

    def test_publish_refused_when_not_draft(self):
        offer = self._create_offer(self.executor, self.presenter)
        with self.assertRaises(UserError):
            offer.action_publish()
        offer.action_archive_offer()
        with self.assertRaises(UserError):
            offer.action_publish()
        self.assertEqual(offer.state, "archived")

    def test_publish_batch_is_all_or_nothing(self):
        good = self._create_offer(self.executor, self.presenter, publish=False)
        bad = self._create_offer(self.executor, self.env["res.partner"], publish=False)
        with self.assertRaises(ValidationError):
            (good | bad).action_publish()
        self.assertEqual(good.state, "draft")

    def test_presenter_must_be_teacher_of_the_organization(self):
        non_teacher = self.env["res.partner"].create(
            {"name": "Accountant", "parent_id": self.executor.id}
        )
        for stranger in (self.listener, non_teacher, self.applicant):
            with self.subTest(stranger=stranger.name):
                with self.assertRaises(ValidationError):
                    self._create_offer(self.executor, stranger, publish=False)
                offer = self._create_offer(self.executor, self.presenter, publish=False)
                with self.assertRaises(ValidationError):
                    offer.write({"presenter_ids": [Command.link(stranger.id)]})
                self.assertEqual(offer.presenter_ids, self.presenter)
        # changing the executor makes the presenters strangers
        offer = self._create_offer(self.executor, self.presenter, publish=False)
        with self.assertRaises(ValidationError):
            offer.organization_id = self.applicant

    def test_archive_and_reset(self):
        offer = self._create_offer(self.executor, self.presenter)
        self.assertIs(offer.action_archive_offer(), True)
        self.assertEqual(offer.state, "archived")
        self.assertIs(offer.action_reset_to_draft(), True)
        self.assertEqual(offer.state, "draft")
        offer.action_publish()
        self.assertEqual(offer.state, "published")

    def test_archive_refused_when_not_published(self):
        draft = self._create_offer(self.executor, self.presenter, publish=False)
        archived = self._create_offer(self.executor, self.presenter)
        archived.action_archive_offer()
        for offer in (draft, archived):
            with self.subTest(state=offer.state):
                state = offer.state
                with self.assertRaises(UserError):
                    offer.action_archive_offer()
                self.assertEqual(offer.state, state)

    def test_reset_refused_when_draft_or_published(self):
        draft = self._create_offer(self.executor, self.presenter, publish=False)
        published = self._create_offer(self.executor, self.presenter)
        for offer in (draft, published):
            with self.subTest(state=offer.state):
                state = offer.state
                with self.assertRaises(UserError):
                    offer.action_reset_to_draft()
                self.assertEqual(offer.state, state)

    def test_unlink_only_drafts(self):
        published = self._create_offer(self.executor, self.presenter)
        archived = self._create_offer(self.executor, self.presenter)
        archived.action_archive_offer()
        for offer in (published, archived):
            with self.subTest(state=offer.state):
                with self.assertRaises(UserError):
                    offer.unlink()
                self.assertTrue(offer.exists())
        draft = self._create_offer(self.executor, self.presenter, publish=False)
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_request_count(self):
        offer = self._create_offer(self.executor, self.presenter)
        fourth_org = self._create_org("Test fourth school")
        self._create_request(offer)  # draft: not counted
        submitted = self._create_request(offer, requester=self.third_org)
        submitted.action_submit()
        cancelled = self._create_request(offer, requester=fourth_org)
        cancelled.action_cancel()
        self._create_request(offer, requester=fourth_org).action_submit()
        self.assertEqual(offer.request_count, 2)
        submitted.action_cancel()
        self.assertEqual(offer.request_count, 1)
