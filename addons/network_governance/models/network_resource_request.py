from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.network_methodology.models.network_portal_mixin import (
    LONG_TEXT_MAX,
    clean_text,
    to_int,
)
from odoo.addons.network_methodology.models.network_request import (
    PARTICIPANTS_MAX,
    WISHED_DATE_HORIZON,
)
from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN

# The states of an event request, without scheduling: a resource is used, not scheduled.
RESOURCE_REQUEST_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("done", "Used"),
    ("rejected", "Rejected"),
    ("cancelled", "Cancelled"),
]
UNFILED_RESOURCE_REQUEST_STATES = ("draft", "cancelled")
# One such request per applicant and resource (also in the database).
PENDING_RESOURCE_REQUEST_STATES = ("draft", "submitted", "accepted")
ACCEPTABLE_RESOURCE_REQUEST_STATES = ("submitted",)
REJECTABLE_RESOURCE_REQUEST_STATES = ("submitted", "accepted")
CANCELLABLE_RESOURCE_REQUEST_STATES = PENDING_RESOURCE_REQUEST_STATES
DONE_RESOURCE_REQUEST_STATES = ("accepted",)


class NetworkResourceRequest(models.Model):
    """A request of an organization to use another organization's resource, answered like a
    request for an event (network.request): filed, accepted or rejected with a reason by the
    provider, withdrawn by the applicant, discussed by both on its portal page; the provider
    records that the resource was used."""

    _name = "network.resource.request"
    _description = "Resource Request"
    _network_portal_path = "resource-requests"
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date_request"
    _order = "date_request desc, id desc"
    _check_company_auto = True
    _network_portal_discussion = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default=lambda self: _("New")
    )
    requester_id = fields.Many2one(
        "res.partner",
        string="Applicant",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    resource_id = fields.Many2one(
        "network.resource",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("is_available", "=", True)],
    )
    provider_id = fields.Many2one(
        related="resource_id.organization_id", store=True, index=True, string="Provider"
    )
    resource_kind = fields.Selection(related="resource_id.resource_kind", store=True)
    date_request = fields.Date(
        string="Request Date", required=True, default=fields.Date.context_today, copy=False
    )
    date_from = fields.Date(string="Wanted From")
    date_to = fields.Date(string="Wanted Until")
    participants = fields.Integer(string="Planned Participants", default=1)
    purpose = fields.Text(required=True, help="What the resource is needed for.")
    rejection_reason = fields.Text(readonly=True, copy=False)
    date_accepted = fields.Date(string="Acceptance Date", readonly=True, copy=False)
    state = fields.Selection(
        RESOURCE_REQUEST_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    _sql_constraints = [
        (
            "participants_check",
            "CHECK(participants > 0)",
            "A request plans at least one participant.",
        ),
        (
            "dates_check",
            "CHECK(date_from IS NULL OR date_to IS NULL OR date_from <= date_to)",
            "The wanted period ends before it starts.",
        ),
        (
            "one_pending_per_resource",
            "EXCLUDE USING btree (requester_id WITH =, resource_id WITH =) WHERE (state IN (%s))"
            % ", ".join(f"'{state}'" for state in PENDING_RESOURCE_REQUEST_STATES),
            "The applicant already has a pending request for this resource: follow that one, "
            "or cancel it before filing a new one.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        # the database checks one pending request per applicant and resource
        self.flush_model(["state"])
        new = _("New")
        missing = [vals for vals in vals_list if vals.get("name", new) == new]
        numbers = self.env["ir.sequence"]._next_batch_by_code(
            "network.resource.request", len(missing)
        )
        for vals, number in zip(missing, numbers or [], strict=True):
            vals["name"] = number
        return super().create(vals_list)

    @api.constrains("requester_id", "resource_id")
    def _check_requester(self):
        for request in self:
            if request.requester_id == request.resource_id.organization_id:
                raise ValidationError(
                    _("An organization does not request its own resource (%s).", request.name)
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unfiled(self):
        if self.filtered(lambda r: r.state not in UNFILED_RESOURCE_REQUEST_STATES):
            raise UserError(_("Only draft or cancelled requests can be deleted."))

    # ------------------------------------------------------------------ actions
    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                _(
                    "Request %(name)s is %(state)s and cannot be %(action)s.",
                    name=wrong[0].name,
                    state=states[wrong[0].state].lower(),
                    action=action,
                )
            )

    def action_submit(self):
        self._check_state(("draft",), _("submitted"))
        unavailable = self.filtered(lambda r: not r.resource_id.is_available)
        if unavailable:
            raise UserError(
                _("The resource “%s” is not available now.", unavailable[0].resource_id.name)
            )
        self.write({"state": "submitted"})
        return True

    def action_accept(self):
        self._check_state(ACCEPTABLE_RESOURCE_REQUEST_STATES, _("accepted"))
        self.write({"state": "accepted", "date_accepted": fields.Date.context_today(self)})
        return True

    def action_reject(self, reason=None):
        self._check_state(REJECTABLE_RESOURCE_REQUEST_STATES, _("rejected"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Give the reason for rejecting."))
        self.write({"state": "rejected", "rejection_reason": reason})
        return True

    def action_done(self):
        self._check_state(DONE_RESOURCE_REQUEST_STATES, _("marked as used"))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_state(CANCELLABLE_RESOURCE_REQUEST_STATES, _("cancelled"))
        self.write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.requester_id | self.provider_id

    @api.model
    def _portal_prepare_values(self, post, organization):
        """A request's values from the portal form of ``organization``'s coordinator for the
        resource ``post["resource_id"]``, and the errors by field."""
        errors = {}
        resource = self.env["network.resource"].browse(to_int(post.get("resource_id"))).exists()
        if not resource or not resource.is_available or resource.organization_id == organization:
            errors["resource_id"] = _("This resource cannot be requested.")
        participants = to_int(clean_text(post.get("participants")))
        if not 0 < participants <= PARTICIPANTS_MAX:
            errors["participants"] = _(
                "Planned participants: a whole number from 1 to %s.", PARTICIPANTS_MAX
            )
        today = fields.Date.context_today(self)
        dates = {}
        for field in ("date_from", "date_to"):
            text = clean_text(post.get(field))
            if not text:
                dates[field] = False
                continue
            try:
                day = fields.Date.to_date(text)
            except ValueError:
                day = None
            if not day or not today <= day <= today + WISHED_DATE_HORIZON:
                errors[field] = _("A date from today on, at most two years ahead.")
            dates[field] = day or False
        if dates["date_from"] and dates["date_to"] and dates["date_from"] > dates["date_to"]:
            errors["date_to"] = _("The period ends before it starts.")
        purpose = clean_text(post.get("purpose"))
        if not purpose:
            errors["purpose"] = _("Say what the resource is needed for.")
        elif len(purpose) > LONG_TEXT_MAX:
            errors["purpose"] = _("The text is longer than %s characters.", LONG_TEXT_MAX)
        if (
            resource
            and not errors.get("resource_id")
            and self.sudo().search_count(
                [
                    ("requester_id", "=", organization.id),
                    ("resource_id", "=", resource.id),
                    ("state", "in", PENDING_RESOURCE_REQUEST_STATES),
                ],
                limit=1,
            )
        ):
            errors["resource_id"] = _(
                "Your organization already has a pending request for this resource."
            )
        values = {
            "requester_id": organization.id,
            "resource_id": resource.id,
            "participants": participants,
            "date_from": dates["date_from"],
            "date_to": dates["date_to"],
            "purpose": purpose,
            "company_id": resource.company_id.id or self.env.company.id,
        }
        return values, errors
