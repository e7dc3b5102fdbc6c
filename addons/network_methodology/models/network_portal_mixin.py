import re

from odoo import _, api, models
from odoo.exceptions import AccessError

# Lengths of what the portal accepts in one line and in a text box.
TEXT_MAX = 255
LONG_TEXT_MAX = 5000
# Control characters never come from a person typing (PostgreSQL refuses NUL outright); tabs
# and line breaks stay.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value):
    """Text typed into a portal form or search box: a string, stripped, without control
    characters. It stays text: whatever looks like HTML in it is shown as typed."""
    return CONTROL_CHARACTERS.sub("", value if isinstance(value, str) else "").strip()


def to_int(value):
    """The integer a form sent, or 0."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class NetworkPortalMixin(models.AbstractModel):
    """A network document in the portal: its page is ``/my/network/<_network_portal_path>/<id>``;
    with ``_network_portal_discussion`` its parties (``_network_portal_parties``) discuss it
    on that page."""

    _name = "network.portal.mixin"
    _inherit = ["portal.mixin"]
    _description = "Network Portal Document"
    _network_portal_path = None
    _network_portal_discussion = False

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for record in self.filtered("id"):
            record.access_url = f"/my/network/{self._network_portal_path}/{record.id}"

    def _network_portal_parties(self):
        """The organizations whose people deal with the document in the portal."""
        return self.env["res.partner"]

    @property
    def _mail_post_access(self):
        # Portal parties post on a discussed document they may read; internal users need
        # write access, so the read-only education department stays out of the discussion.
        if self._network_portal_discussion and self.env.user.share:
            return "read"
        return "write"

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        # A portal user notifies only the followers and the people of the document's parties,
        # never any contact of the database.
        partner_ids = kwargs.get("partner_ids")
        if partner_ids and self.env.user.share:
            allowed = self.env["res.partner"].sudo()
            for record in self:
                allowed |= record.sudo().message_partner_ids
                allowed |= allowed.search(
                    [("id", "child_of", record._network_portal_parties().ids)]
                )
            if set(partner_ids) - set(allowed.ids):
                raise AccessError(
                    _("You can notify only the people of the organizations this document concerns.")
                )
        return super().message_post(**kwargs)

    # ------------------------------------------------------------------ followers
    # XML ids of the subtypes a document mails its followers about (documents with mail.thread).
    _network_mail_subtypes = ()

    def _network_subscribe(self, partners_of, subtype_xmlids):
        """Make ``partners_of(record)`` followers of each document for ``subtype_xmlids``.
        Those already following keep the subtypes they chose; those who unfollowed are asked
        again only by the next step that concerns them."""
        subtype_ids = [self.env.ref(xmlid).id for xmlid in subtype_xmlids]
        for record in self:
            partners = partners_of(record) - record.message_partner_ids
            if partners:
                record._message_subscribe(partners.ids, subtype_ids)

    def _network_followers(self, subtype_xmlid):
        """``{record id: partners}`` following the documents for ``subtype_xmlid``: the
        recipients of the workflow's mails, so that following, unfollowing and the subtypes
        ticked in the chatter decide who gets them, as for any Odoo document."""
        followers = (
            self.env["mail.followers"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("subtype_ids", "=", self.env.ref(subtype_xmlid).id),
                ]
            )
        )
        partners = {}
        for follower in followers:
            partners[follower.res_id] = partners.get(follower.res_id, follower.partner_id.browse())
            partners[follower.res_id] |= follower.partner_id
        return partners

    def action_network_follow(self):
        """The current user follows the documents for their workflow's mails (read access is
        enough, as for any Odoo document)."""
        self.check_access("read")
        subtype_ids = [self.env.ref(xmlid).id for xmlid in self._network_mail_subtypes]
        self.message_subscribe([self.env.user.partner_id.id], subtype_ids)
        return True

    def action_network_unfollow(self):
        self.message_unsubscribe([self.env.user.partner_id.id])
        return True

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Following a network document is taking part in it: the read-only department does not.
        if not self.env.su and self.env.user._is_internal():
            self.check_access("write")
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
