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

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # Following a network document is taking part in it: the read-only department does not.
        if not self.env.su and self.env.user._is_internal():
            self.check_access("write")
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
