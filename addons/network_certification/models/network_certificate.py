import secrets
from collections import defaultdict

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

CERTIFICATE_KINDS = [
    ("teacher", "Participation in the network (professional development)"),
    ("network_teacher", "Network teacher"),
    ("platform", "Network platform"),
]
TEACHER_KINDS = ("teacher", "network_teacher")
# Issued, whether still valid or revoked since: the certificates that exist outside the centre
# (holder's portal, public verification page). Drafts are the centre's work in progress.
ISSUED_STATES = ("issued", "revoked")
VERIFY_PATH = "/network/certificate/verify/"
# What a certificate certifies: fixed once it is issued. Only the revocation (state, revoke_date,
# revoke_reason) and the internal mail_pending flag change afterwards.
CERTIFIED_FIELDS = frozenset(
    {
        "name",
        "certificate_kind",
        "partner_id",
        "organization_id",
        "school_year_id",
        "holder_name",
        "organization_name",
        "school_year_name",
        "token_ids",
        "green_token_count",
        "red_token_count",
        "issue_date",
        "verification_code",
        "company_id",
        "council_decision_id",
    }
)


def _new_verification_code():
    # 24 random bytes: 192 bits, URL-safe, 32 characters
    return secrets.token_urlsafe(24)


class NetworkCertificate(models.Model):
    _name = "network.certificate"
    _description = "Network Certificate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Given from a sequence when the certificate is issued.",
    )
    certificate_kind = fields.Selection(
        CERTIFICATE_KINDS,
        string="Kind",
        required=True,
        default="teacher",
        tracking=True,
        help="For teachers the kind is decided when the certificate is issued: «Network "
        "teacher» when enough of the exchanged tokens are red.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        check_company=True,
        help="The teacher, or the organization for a «Network platform» certificate.",
    )
    organization_id = fields.Many2one(
        "res.partner",
        compute="_compute_organization_id",
        store=True,
        index=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self.env["network.school.year"]._get_current(),
    )
    # The names as they were at issue: the certificate prints these, never the current names
    # (anybody may rename themselves, an organization may be renamed).
    holder_name = fields.Char(string="Holder (as Issued)", readonly=True, copy=False)
    organization_name = fields.Char(string="Organization (as Issued)", readonly=True, copy=False)
    school_year_name = fields.Char(string="School Year (as Issued)", readonly=True, copy=False)
    token_ids = fields.Many2many(
        "network.activity.token",
        "network_certificate_token_rel",
        "certificate_id",
        "token_id",
        string="Exchanged Tokens",
        readonly=True,
        copy=False,
    )
    green_token_count = fields.Integer(string="Green Tokens", readonly=True, copy=False)
    red_token_count = fields.Integer(string="Red Tokens", readonly=True, copy=False)
    issue_date = fields.Date(readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    revoke_date = fields.Date(readonly=True, copy=False)
    revoke_reason = fields.Text(readonly=True, copy=False, tracking=True)
    verification_code = fields.Char(
        readonly=True,
        copy=False,
        required=True,
        default=lambda self: _new_verification_code(),
        groups="network_methodology.group_network_user,network_methodology.group_network_department",
    )
    verification_url = fields.Char(
        compute="_compute_verification_url",
        groups="network_methodology.group_network_user,network_methodology.group_network_department",
    )
    council_decision_id = fields.Many2one(
        "network.council.decision",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    mail_pending = fields.Boolean(
        readonly=True,
        copy=False,
        help="The certificate is queued to be mailed to its holder with its PDF.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A certificate with this number already exists."),
        (
            "verification_code_uniq",
            "unique(verification_code)",
            "Verification codes must be unique.",
        ),
    ]

    def init(self):
        # Certificates issued before the names were stored take them once, on the update that
        # adds the columns: today's names are the best record left (their PDF, if printed, is
        # frozen with the names of its first print).
        self.env.cr.execute(
            SQL(
                """
                UPDATE network_certificate c
                   SET holder_name = (SELECT name FROM res_partner WHERE id = c.partner_id),
                       organization_name = (
                           SELECT name FROM res_partner WHERE id = c.organization_id
                       ),
                       school_year_name = (
                           SELECT name FROM network_school_year WHERE id = c.school_year_id
                       )
                 WHERE c.state != 'draft' AND c.holder_name IS NULL
                """
            )
        )

    # ------------------------------------------------------------------ computes

    def _creation_message(self):
        # the chatter's first line, in a Russian of the right gender (network.agreement's)
        return _("Certificate created")

    @api.depends("partner_id", "certificate_kind")
    def _compute_organization_id(self):
        for certificate in self:
            partner = certificate.partner_id
            certificate.organization_id = (
                partner if certificate.certificate_kind == "platform" else partner.parent_id
            )

    @api.depends("verification_code")
    def _compute_verification_url(self):
        for certificate in self:
            certificate.verification_url = (
                certificate.get_base_url() + VERIFY_PATH + certificate.verification_code
                if certificate.verification_code
                else False
            )

    @api.depends("name", "holder_name", "partner_id.name")
    def _compute_display_name(self):
        for certificate in self:
            certificate.display_name = (
                f"{certificate.name} — {certificate.holder_name}"
                if certificate.name
                else _("Draft certificate — %s", certificate.partner_id.name or "")
            )

    @api.constrains("partner_id", "certificate_kind")
    def _check_holder(self):
        for certificate in self:
            partner = certificate.partner_id
            if certificate.certificate_kind == "platform":
                if not partner.is_company:
                    raise ValidationError(
                        _("A «Network platform» certificate is issued to an organization.")
                    )
            elif not partner.is_teacher:
                raise ValidationError(
                    _(
                        "%s is not a teacher: teacher certificates are issued to teachers.",
                        partner.name,
                    )
                )

    def write(self, vals):
        changes_certificate = CERTIFIED_FIELDS.intersection(vals) or (
            # an issued certificate is only ever revoked, never made a draft again
            "state" in vals and vals["state"] != "revoked"
        )
        if changes_certificate and any(certificate.state in ISSUED_STATES for certificate in self):
            self.check_access("write")  # who may not write at all is told that first
            raise UserError(
                _(
                    "An issued certificate keeps what it certified: it cannot be changed, "
                    "only revoked."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(certificate.state != "draft" for certificate in self):
            raise UserError(
                _("Only draft certificates can be deleted; revoke an issued certificate.")
            )

    # ------------------------------------------------------------------ numbering
    @api.model
    def _next_numbers(self, count, company=None):
        """``count`` certificate numbers from the sequence (one query for the standard
        sequence shipped)."""
        numbers = (
            self.env["ir.sequence"]
            .sudo()
            ._next_batch_by_code("network.certificate", count, company or self.env.company)
        )
        if numbers is False:
            raise UserError(_("The sequence of certificate numbers is missing."))
        return numbers

    # ------------------------------------------------------------------ issuing
    @api.model
    def _issue_teacher_certificates(self, school_year, partner_ids=None, company=None):
        """Year-end batch: exchange the tokens of every eligible teacher of ``school_year``
        (of ``partner_ids`` only when given) for certificates. Returns the new certificates.

        The query count does not depend on the number of teachers: the tokens are locked and
        read in one query, certificates, their token links and the tokens' new state are
        written with one statement each."""
        self.check_access("create")
        company = company or self.env.company
        eligible = self.env["network.activity.token"]._certification_eligible(
            school_year, partner_ids, company, lock=True
        )
        if not eligible:
            return self.browse()
        partner_ids = sorted(eligible)
        numbers = self._next_numbers(len(partner_ids), company)
        today = fields.Date.context_today(self)
        self.env["res.partner"].flush_model(["name"])
        # the names at issue, as _names_at_issue() gives them to action_issue
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO network_certificate
                       (name, certificate_kind, partner_id, organization_id, school_year_id,
                        holder_name, organization_name, school_year_name, company_id,
                        issue_date, state, verification_code, green_token_count,
                        red_token_count, mail_pending, create_uid, create_date, write_uid,
                        write_date)
                SELECT m.name, m.kind, m.partner_id, m.organization_id, %(year)s,
                       holder.name, org.name, %(year_name)s, %(company)s,
                       %(today)s, 'issued', m.code, m.green, m.red, false,
                       %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                  FROM unnest(%(names)s::varchar[], %(kinds)s::varchar[], %(partners)s::int[],
                              %(orgs)s::int[], %(codes)s::varchar[], %(greens)s::int[],
                              %(reds)s::int[])
                       AS m(name, kind, partner_id, organization_id, code, green, red)
                  JOIN res_partner holder ON holder.id = m.partner_id
                  LEFT JOIN res_partner org ON org.id = m.organization_id
             RETURNING id, partner_id
                """,
                year=school_year.id,
                year_name=school_year.name,
                company=company.id,
                today=today,
                uid=self.env.uid,
                names=numbers,
                kinds=[eligible[p]["kind"] for p in partner_ids],
                partners=partner_ids,
                orgs=[eligible[p]["organization_id"] for p in partner_ids],
                codes=[_new_verification_code() for _p in partner_ids],
                greens=[eligible[p]["green"] for p in partner_ids],
                reds=[eligible[p]["red"] for p in partner_ids],
            )
        )
        certificate_of = dict((partner, cert) for cert, partner in self.env.cr.fetchall())
        token_ids, certificate_ids = [], []
        for partner_id in partner_ids:
            tokens = eligible[partner_id]["token_ids"]
            token_ids += tokens
            certificate_ids += [certificate_of[partner_id]] * len(tokens)
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO network_certificate_token_rel (certificate_id, token_id)
                SELECT * FROM unnest(%s::int[], %s::int[])
                """,
                certificate_ids,
                token_ids,
            )
        )
        self.env["network.activity.token"]._certification_use(token_ids, certificate_ids)
        self.env["res.partner"].invalidate_model(["network_certificate_ids"])
        return self.browse([certificate_of[p] for p in partner_ids])

    def action_issue(self):
        """Issue draft certificates: teachers exchange their valid tokens of the window (the
        kind follows from their colours); organizations get the «Network platform» status of
        the school year."""
        self.check_access("write")
        if any(certificate.state != "draft" for certificate in self):
            raise UserError(_("Only a draft certificate can be issued."))
        today = fields.Date.context_today(self)
        platform = self.filtered(lambda c: c.certificate_kind == "platform")
        platform._check_platform_unique()
        for certificate in self - platform:
            eligible = (
                self.env["network.activity.token"]
                ._certification_eligible(
                    certificate.school_year_id,
                    [certificate.partner_id.id],
                    certificate.company_id,
                    lock=True,
                )
                .get(certificate.partner_id.id)
            )
            if not eligible:
                raise UserError(
                    _(
                        "%(teacher)s does not hold the %(count)s valid tokens a certificate "
                        "for %(year)s needs.",
                        teacher=certificate.partner_id.name,
                        count=certificate.company_id.network_cert_min_tokens,
                        year=certificate.school_year_id.name,
                    )
                )
            certificate.write(
                {
                    "certificate_kind": eligible["kind"],
                    "token_ids": [Command.set(eligible["token_ids"])],
                    "green_token_count": eligible["green"],
                    "red_token_count": eligible["red"],
                }
            )
            self.env["network.activity.token"]._certification_use(
                eligible["token_ids"], [certificate.id] * len(eligible["token_ids"])
            )
        for certificate in self:
            certificate.write(
                {
                    "name": self._next_numbers(1, certificate.company_id)[0],
                    "state": "issued",
                    "issue_date": today,
                    **certificate._names_at_issue(),
                }
            )
        platform._apply_platform_status()
        return True

    def _names_at_issue(self):
        """The names the certificate states from its issue on."""
        self.ensure_one()
        return {
            "holder_name": self.partner_id.name,
            "organization_name": self.organization_id.name or False,
            "school_year_name": self.school_year_id.name,
        }

    def _issued_platform_certificates(self, organizations):
        return self.search(
            [
                ("certificate_kind", "=", "platform"),
                ("state", "=", "issued"),
                ("partner_id", "in", organizations.ids),
            ]
        )

    def _check_platform_unique(self):
        if not self:
            return
        existing = self._issued_platform_certificates(self.partner_id)
        taken = {(c.partner_id, c.school_year_id) for c in existing}
        for certificate in self:
            key = (certificate.partner_id, certificate.school_year_id)
            if key in taken:
                raise UserError(
                    _(
                        "%(org)s already holds the «Network platform» certificate for %(year)s.",
                        org=certificate.partner_id.name,
                        year=certificate.school_year_id.name,
                    )
                )
            taken.add(key)

    def _apply_platform_status(self):
        """Organizations holding an issued platform certificate of a year have the status of
        that year; the others lose it."""
        platform = self.filtered(lambda c: c.certificate_kind == "platform")
        if not platform:
            return
        holders = self._issued_platform_certificates(platform.partner_id)
        years_of = defaultdict(set)
        for certificate in holders:
            years_of[certificate.partner_id].add(certificate.school_year_id.id)
        for partner in platform.partner_id:
            partner.sudo().network_platform_year_ids = [Command.set(sorted(years_of[partner]))]

    def action_revoke(self, reason=None):
        """Revoke issued certificates: their tokens become valid again, the number stays."""
        self.check_access("write")
        if any(certificate.state != "issued" for certificate in self):
            raise UserError(_("Only an issued certificate can be revoked."))
        self.write(
            {
                "state": "revoked",
                "revoke_date": fields.Date.context_today(self),
                "revoke_reason": reason or False,
                "mail_pending": False,
            }
        )
        self.env["network.activity.token"]._certification_release(self.ids)
        self._apply_platform_status()
        return True

    # ------------------------------------------------------------------ printing, mail
    def _report_attachment_name(self):
        """Name of the frozen PDF: issued certificates are stored at their first print and
        reprinted from that file (``attachment_use``)."""
        self.ensure_one()
        if self.state != "issued":
            return False
        return "%s.pdf" % (self.name or "").replace("/", "-")

    def _get_report_base_filename(self):
        """Name of the PDF downloaded from the portal (portal's ``_show_report``)."""
        self.ensure_one()
        return _("Certificate %s", self.name or self.partner_id.name)

    def action_print(self):
        # a certificate has its own full-page layout: no «configure your document layout» first
        return self.env.ref(
            "network_certification.action_report_network_certificate"
        ).report_action(self, config=False)

    def action_view_tokens(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_methodology.network_activity_token_action"
        )
        action["domain"] = [("id", "in", self.token_ids.ids)]
        action["context"] = {}
        return action

    def _queue_mail(self):
        """Queue the certificates to be mailed with their PDF, by the mailing cron: PDFs are
        rendered there in small batches, never inline in the year-end batch."""
        to_mail = self.filtered(
            lambda c: c.state == "issued" and (c.partner_id.email or c.organization_id.email)
        )
        if to_mail:
            to_mail.write({"mail_pending": True})
            self.env.ref("network_certification.ir_cron_network_certificate_mail")._trigger()
        return to_mail

    def action_send_mail(self):
        """Button: open the composer with the certificate template and its PDF."""
        self.ensure_one()
        template = self.env.ref("network_certification.mail_template_network_certificate")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
            },
        }

    @api.model
    def _cron_send_pending_mail(self, batch_size=50):
        template = self.env.ref("network_certification.mail_template_network_certificate")
        pending = self.search([("mail_pending", "=", True)], limit=batch_size)
        for certificate in pending:
            certificate.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
        pending.write({"mail_pending": False})
        remaining = self.search_count([("mail_pending", "=", True)])
        self.env["ir.cron"]._notify_progress(done=len(pending), remaining=remaining)
        return pending

    def _get_mail_recipient(self):
        self.ensure_one()
        return self.partner_id if self.partner_id.email else self.organization_id
