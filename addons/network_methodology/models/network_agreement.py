import base64
import os

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .network_portal_mixin import LONG_TEXT_MAX, clean_text
from .res_partner import COORDINATING_ORG_KINDS, ORG_KINDS

# The signed scan of an application to join the network.
SCAN_EXTENSIONS = (".pdf", ".jpg", ".jpeg", ".png")
SCAN_MAX_BYTES = 10 * 1024 * 1024
# How far an applicant may date the agreement: from a month back to a year ahead, for at most
# five years.
APPLICATION_MAX_YEARS = 5


class NetworkAgreement(models.Model):
    _name = "network.agreement"
    _description = "Network Agreement"
    _network_portal_path = "agreements"
    _inherit = ["network.portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default=lambda self: _("New")
    )
    agreement_kind = fields.Selection(
        [
            ("cooperation", "Cooperation agreement with the centre"),
            ("interaction", "Network interaction agreement"),
        ],
        string="Kind",
        required=True,
        default="cooperation",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Organization",
        tracking=True,
        check_company=True,
        index=True,
        domain=[("is_company", "=", True)],
        help="The organization that signs a cooperation agreement with the centre.",
    )
    executor_id = fields.Many2one(
        "res.partner",
        tracking=True,
        check_company=True,
        index=True,
        domain=[("is_company", "=", True)],
        help="The organization passing on its experience.",
    )
    customer_id = fields.Many2one(
        "res.partner",
        tracking=True,
        check_company=True,
        index=True,
        domain=[("is_company", "=", True)],
        help="The organization ordering network events.",
    )
    party_ids = fields.Many2many(
        "res.partner",
        "network_agreement_party_rel",
        "agreement_id",
        "partner_id",
        string="Parties",
        compute="_compute_party_ids",
        store=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_start = fields.Date(string="Valid From", tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True)
    subject = fields.Text(help="Goals, tasks and content of the cooperation.")
    financing_terms = fields.Text()
    signed_scan = fields.Binary(attachment=True, copy=False)
    signed_scan_filename = fields.Char(copy=False)
    date_signed = fields.Date(readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "dates_check",
            "CHECK(date_start IS NULL OR date_end IS NULL OR date_start <= date_end)",
            "An agreement must end after it starts.",
        ),
        (
            "interaction_parties_check",
            "CHECK(executor_id IS NULL OR customer_id IS NULL OR executor_id != customer_id)",
            "The executor and the customer must be different organizations.",
        ),
    ]

    def _creation_message(self):
        # Core writes «<model name> created»: its Russian is of the wrong gender, and the
        # model's name is not translated yet while the add-on installs its demo data.
        return _("Agreement created")

    @api.depends("agreement_kind", "partner_id", "executor_id", "customer_id")
    def _compute_party_ids(self):
        for agreement in self:
            if agreement.agreement_kind == "interaction":
                agreement.party_ids = agreement.executor_id | agreement.customer_id
            else:
                agreement.party_ids = agreement.partner_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("network.agreement")
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(_("Only draft agreements can be deleted."))

    def _network_portal_parties(self):
        return self.party_ids

    def _check_ready_to_sign(self):
        for agreement in self:
            if agreement.state != "draft":
                raise UserError(
                    _("Agreement %s is not a draft and cannot be signed.", agreement.name)
                )
            if agreement.agreement_kind == "cooperation" and not agreement.partner_id:
                raise ValidationError(
                    _("Agreement %s has no organization to sign it with.", agreement.name)
                )
            if agreement.agreement_kind == "interaction" and not (
                agreement.executor_id and agreement.customer_id
            ):
                raise ValidationError(
                    _("Agreement %s needs both an executor and a customer.", agreement.name)
                )
            if not (agreement.date_start and agreement.date_end):
                raise ValidationError(
                    _("Agreement %s needs a period (start and end dates).", agreement.name)
                )
            if agreement.date_end < fields.Date.context_today(self):
                raise ValidationError(
                    _("The period of agreement %s has already ended.", agreement.name)
                )

    @api.model
    def _in_force_domain(self, day=None):
        """Signed cooperation agreements whose period covers ``day`` (today)."""
        day = day or fields.Date.context_today(self)
        return [
            ("agreement_kind", "=", "cooperation"),
            ("state", "=", "signed"),
            ("date_start", "<=", day),
            ("date_end", ">=", day),
        ]

    def action_sign(self):
        self._check_ready_to_sign()
        today = fields.Date.context_today(self)
        self.write({"state": "signed", "date_signed": today})
        # rulebook 1.8: the cooperation agreement makes the organization a member
        cooperation = self.filtered(lambda a: a.agreement_kind == "cooperation")
        cooperation.partner_id.invalidate_recordset(["network_cooperation_agreement_id"])
        cooperation.partner_id._network_join(today)
        return True

    def action_terminate(self, reason=None):
        if self.filtered(lambda a: a.state != "signed"):
            raise UserError(_("Only a signed agreement can be terminated."))
        self.write({"state": "terminated", "termination_reason": reason or False})
        self._network_leave()
        return True

    def _network_leave(self):
        """Parties of ended cooperation agreements without another one in force leave."""
        cooperation = self.filtered(lambda a: a.agreement_kind == "cooperation")
        parties = cooperation.partner_id
        parties.invalidate_recordset(["network_cooperation_agreement_id"])
        return parties._network_leave_without_agreement(fields.Date.context_today(self))

    @api.model
    def _cron_expire(self):
        expired = self.search(
            [("state", "=", "signed"), ("date_end", "<", fields.Date.context_today(self))]
        )
        expired.write({"state": "expired"})
        expired._network_leave()
        return expired

    # ------------------------------------------------------------------ joining from the portal
    @api.model
    def _portal_prepare_application(self, post, organization):
        """Values of the draft cooperation agreement with which ``organization`` applies to
        join the network from the portal (``post``: the form's text, ``scan``: the uploaded
        ``(file name, content)`` read up to one byte over the limit), and the errors by
        field. The kind of organization goes to the organization (``org_kind``)."""
        errors = {}
        if (
            post.get("org_kind") not in dict(ORG_KINDS)
            or post["org_kind"] in COORDINATING_ORG_KINDS
        ):
            errors["org_kind"] = _("Choose the kind of your organization.")
        today = fields.Date.context_today(self)
        dates = {}
        for field in ("date_start", "date_end"):
            try:
                dates[field] = fields.Date.to_date(clean_text(post.get(field)) or None)
            except ValueError:
                dates[field] = None
        start, end = dates["date_start"], dates["date_end"]
        if not start or not today - relativedelta(months=1) <= start <= today + relativedelta(
            years=1
        ):
            errors["date_start"] = _("Start: a date from a month ago to a year ahead.")
        elif not end or not start < end <= start + relativedelta(years=APPLICATION_MAX_YEARS):
            errors["date_end"] = _(
                "End: after the start, at most %s years later.", APPLICATION_MAX_YEARS
            )
        subject = clean_text(post.get("subject"))
        if len(subject) > LONG_TEXT_MAX:
            errors["subject"] = _("The text is longer than %s characters.", LONG_TEXT_MAX)
        name, content = post.get("scan") or ("", b"")
        if not name or not content:
            errors["scan"] = _("Attach the agreement signed by your organization.")
        elif os.path.splitext(name)[1].lower() not in SCAN_EXTENSIONS:
            errors["scan"] = _("The signed agreement must be a PDF, JPEG or PNG file.")
        elif len(content) > SCAN_MAX_BYTES:
            errors["scan"] = _("The file is larger than %s MB.", SCAN_MAX_BYTES >> 20)
        values = {
            "agreement_kind": "cooperation",
            "partner_id": organization.id,
            "date_start": start,
            "date_end": end,
            "subject": subject or _("Cooperation within the network of educational organizations."),
            "signed_scan": base64.b64encode(content) if content else False,
            "signed_scan_filename": os.path.basename(name),
            "org_kind": post.get("org_kind"),
        }
        return values, errors

    @api.model
    def _portal_apply(self, values, organization):
        """File the application of ``organization`` (values from
        ``_portal_prepare_application``): its kind is recorded and a draft cooperation
        agreement waits for the centre's signature. Refused while one is pending or when it
        is a member already."""
        if organization.is_network_member:
            raise UserError(_("%s is a member of the network already.", organization.name))
        if self.search_count(self._application_domain(organization)):
            raise UserError(_("The application of %s waits for the centre.", organization.name))
        values = dict(values)
        organization.network_org_kind = values.pop("org_kind")
        agreement = self.create(values)
        agreement.message_post(
            body=_("Application to join the network filed in the portal."),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return agreement

    @api.model
    def _application_domain(self, organization):
        """The organization's cooperation agreements waiting for the centre's signature."""
        return [
            ("partner_id", "=", organization.id),
            ("agreement_kind", "=", "cooperation"),
            ("state", "=", "draft"),
        ]
