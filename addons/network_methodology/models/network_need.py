from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import plaintext2html

from .network_offer import AUDIENCES, EVENT_FORMS
from .network_portal_mixin import LONG_TEXT_MAX, TEXT_MAX, clean_text
from .network_request import PENDING_REQUEST_STATES
from .res_partner import NETWORK_ORGANIZATION_DOMAIN


class NetworkNeed(models.Model):
    """A school's need for experience that no published offer covers: the centre looks for
    an organization that can share it and, once an offer answers it, files a draft request
    for the school (the matrix is built from requests for *declared* experience, rulebook 3.3;
    needs show what the network still lacks)."""

    _name = "network.need"
    _description = "Need for Network Experience"
    _network_portal_path = "needs"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date_filed"
    _order = "date_filed desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Theme", required=True, tracking=True)
    requester_id = fields.Many2one(
        "res.partner",
        string="Organization",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    date_filed = fields.Date(required=True, default=fields.Date.context_today, copy=False)
    event_form = fields.Selection(EVENT_FORMS, string="Preferred Form")
    audience = fields.Selection(AUDIENCES, default="teachers")
    description = fields.Html(sanitize_attributes=True)
    offer_id = fields.Many2one(
        "network.offer",
        string="Answering Offer",
        tracking=True,
        check_company=True,
        domain=[("state", "=", "published")],
        help="The published offer that answers the need.",
    )
    request_id = fields.Many2one("network.request", readonly=True, copy=False, check_company=True)
    state = fields.Selection(
        [("open", "Open"), ("answered", "Answered"), ("closed", "Closed")],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)

    def _creation_message(self):
        return _("Need filed")

    def _network_portal_parties(self):
        return self.requester_id

    def action_answer(self, offer=None):
        """Link the published ``offer`` (else the one chosen on the form) that answers the
        open needs and file a draft request of each requester for it; return the requests."""
        if isinstance(offer, int):  # an id, from RPC or data files
            offer = self.env["network.offer"].browse(offer).exists()
        offer = offer or self.offer_id
        if not offer:
            raise UserError(_("Choose the published offer that answers the need."))
        offer.ensure_one()
        if self.filtered(lambda n: n.state != "open"):
            raise UserError(_("Only an open need can be answered."))
        if offer.state != "published":
            raise UserError(_("Offer “%s” is not published.", offer.name))
        own = self.filtered(lambda n: n.requester_id == offer.organization_id)
        if own:
            raise UserError(
                _("%s cannot answer its own need with its own offer.", own[0].requester_id.name)
            )
        Request = self.env["network.request"]
        pending = Request.search(
            [
                ("offer_id", "=", offer.id),
                ("requester_id", "in", self.requester_id.ids),
                ("state", "in", PENDING_REQUEST_STATES),
            ]
        )
        pending_of = {r.requester_id: r for r in pending}
        vals_list, filing = [], set()
        for need in self:  # not a comprehension: _() finds the language in this frame
            if need.requester_id not in pending_of and need.requester_id not in filing:
                filing.add(need.requester_id)
                vals_list.append(
                    {
                        "requester_id": need.requester_id.id,
                        "offer_id": offer.id,
                        "comment": _("Answers the need «%s».", need.name),
                    }
                )
        requests = Request.create(vals_list)
        for request in requests:
            pending_of[request.requester_id] = request
        for requester, needs in self.grouped("requester_id").items():
            needs.write(
                {"state": "answered", "offer_id": offer.id, "request_id": pending_of[requester].id}
            )
        return requests | pending

    def action_answer_offer(self):
        """Button: answer with the offer chosen on the form."""
        self.action_answer()
        return True

    def action_close(self):
        if self.filtered(lambda n: n.state == "closed"):
            raise UserError(_("The need is closed already."))
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        if self.filtered(lambda n: n.state != "closed" or n.request_id):
            raise UserError(_("Only a closed need without a request can be reopened."))
        self.write({"state": "open"})
        return True

    # ------------------------------------------------------------------ portal
    @api.model
    def _portal_prepare_values(self, post, organization):
        """A need's values from the portal form of ``organization``'s coordinator, and the
        errors by field."""
        errors = {}
        name = clean_text(post.get("name"))
        if not name:
            errors["name"] = _("Enter the theme.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The theme is longer than %s characters.", TEXT_MAX)
        event_form = post.get("event_form") or False
        if event_form and event_form not in dict(EVENT_FORMS):
            errors["event_form"] = _("Choose the form of the event.")
        if post.get("audience") not in dict(AUDIENCES):
            errors["audience"] = _("Choose the audience.")
        description = clean_text(post.get("description"))
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        values = {
            "name": name,
            "requester_id": organization.id,
            "event_form": event_form,
            "audience": post.get("audience"),
            "description": plaintext2html(description) if description else False,
        }
        return values, errors
