import base64
import io
import json
import secrets
import struct
import zlib
from collections import defaultdict
from datetime import datetime, time, timezone

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
CREDENTIAL_PATH = "/network/certificate/%s/credential"
OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
# the registered claims of the VC-JWT around the credential (not part of the JSON-LD form)
JWT_CLAIMS = ("iss", "jti", "nbf", "iat", "sub", "exp")
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


def jwt_payload(token):
    """The payload of a compact JWS, decoded (not verified: for tokens we signed)."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def bake_png(png, credential):
    """``png`` with ``credential`` (a compact JWT) embedded as Open Badges 3.0 describes (baking):
    one ``iTXt`` chunk, keyword ``openbadgecredential``, uncompressed, before ``IEND``."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or png[-12:-8] != b"\x00\x00\x00\x00":
        raise ValueError("not a PNG image")
    data = b"openbadgecredential\x00\x00\x00\x00\x00" + credential.encode()
    chunk = b"iTXt" + data
    chunk = struct.pack(">I", len(data)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return png[:-12] + chunk + png[-12:]


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
    # Open Badges 3.0: the signed credential (VC-JWT), made once at issue
    credential_jwt = fields.Text(
        string="Signed Credential",
        readonly=True,
        copy=False,
        help="The certificate as an Open Badges 3.0 credential, signed with the company's key "
        "when the certificate was issued (VC-JWT).",
    )
    status_list_id = fields.Many2one(
        "network.credential.status.list",
        string="Revocation List",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="network_methodology.group_network_user,network_methodology.group_network_department",
    )
    status_list_index = fields.Integer(
        string="Revocation List Index",
        readonly=True,
        copy=False,
        groups="network_methodology.group_network_user,network_methodology.group_network_department",
    )
    credential_name_shown = fields.Boolean(
        string="Name on the Verification Page",
        default=True,
        help="The holder decides in the portal whether the public verification page shows "
        "their name. The credential itself always carries it.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A certificate with this number already exists."),
        (
            "verification_code_uniq",
            "unique(verification_code)",
            "Verification codes must be unique.",
        ),
        (
            "status_list_entry_uniq",
            "unique(status_list_id, status_list_index)",
            "Two credentials cannot share an entry of a revocation list.",
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
                        red_token_count, mail_pending, credential_name_shown, create_uid,
                        create_date, write_uid, write_date)
                SELECT m.name, m.kind, m.partner_id, m.organization_id, %(year)s,
                       holder.name, org.name, %(year_name)s, %(company)s,
                       %(today)s, 'issued', m.code, m.green, m.red, false, true,
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
        certificates = self.browse([certificate_of[p] for p in partner_ids])
        certificates._credential_issue()
        return certificates

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
        self._credential_issue()
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
        # the revocation lists say so from now on: their bits are set and they are signed again
        self.sudo().status_list_id._sign_list()
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

    # ------------------------------------------------------------------ Open Badges 3.0
    # The credential is built here and only here (_credential_payloads), signed at issue in
    # batch (_credential_issue), stored, and served as stored.

    def _credential_url(self):
        self.ensure_one()
        return self.get_base_url() + CREDENTIAL_PATH % self.sudo().verification_code

    def _credential_issue(self):
        """Sign the Open Badges credentials of issued certificates that have none yet: one
        revocation list entry each, one signature each, one UPDATE for the whole batch."""
        certificates = self.sudo().filtered(lambda c: c.state == "issued" and not c.credential_jwt)
        if not certificates:
            return self.browse()
        Key = self.env["network.credential.key"]
        StatusList = self.env["network.credential.status.list"]
        ids, tokens, lists, indexes = [], [], [], []
        for company, batch in certificates.grouped("company_id").items():
            key = Key._get_signing_key(company)
            slots = StatusList._allocate(company, len(batch))
            payloads = batch._credential_payloads(Key._issuer_did(company), slots)
            ids += batch.ids
            tokens += key._sign(payloads)
            lists += [list_id for list_id, _index in slots]
            indexes += [index for _list_id, index in slots]
        self.flush_model(["credential_jwt", "status_list_id", "status_list_index"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE network_certificate c
                   SET credential_jwt = m.jwt, status_list_id = m.list_id,
                       status_list_index = m.idx
                  FROM unnest(%s::int[], %s::text[], %s::int[], %s::int[])
                       AS m(id, jwt, list_id, idx)
                 WHERE c.id = m.id AND c.credential_jwt IS NULL
                """,
                ids,
                tokens,
                lists,
                indexes,
            )
        )
        self.invalidate_model(["credential_jwt", "status_list_id", "status_list_index"])
        return certificates

    @api.model
    def _credential_sign_missing(self, batch_size=5000):
        """Issued certificates without a credential (issued before the credentials existed):
        signed on module update and by the cron, in batches."""
        certificates = self.sudo().search(
            [("state", "=", "issued"), ("credential_jwt", "=", False)], limit=batch_size
        )
        certificates._credential_issue()
        return certificates

    def _credential_token_rows(self):
        """The exchanged tokens of the certificates, for the evidence: one query."""
        lang = self.env.lang or "en_US"
        self.env["network.activity.token"].flush_model(["role", "date", "event_id"])
        self.env["event.event"].flush_model(["name"])
        self.env.cr.execute(
            SQL(
                """
                SELECT rel.certificate_id, t.role, t.date,
                       COALESCE(e.name->>%s, e.name->>'en_US')
                  FROM network_certificate_token_rel rel
                  JOIN network_activity_token t ON t.id = rel.token_id
                  LEFT JOIN event_event e ON e.id = t.event_id
                 WHERE rel.certificate_id IN %s
              ORDER BY rel.certificate_id, t.date, t.id
                """,
                lang,
                tuple(self.ids),
            )
        )
        rows = defaultdict(list)
        for certificate_id, role, date, event_name in self.env.cr.fetchall():
            rows[certificate_id].append((role, date, event_name))
        return rows

    def _credential_criteria(self, company):
        """The rulebook's criteria of each kind, with the company's thresholds, in the
        language of the environment."""
        return {
            "teacher": _(
                "Active participation in the network events of the municipal network: at "
                "least %(tokens)s activity tokens (green for a listener, red for a presenter "
                "of experience) earned within %(years)s school years and exchanged for the "
                "certificate at the end of the school year (regulation on network "
                "interaction, rules 3.6–3.7).",
                tokens=company.network_cert_min_tokens,
                years=company.network_cert_window_years,
            ),
            "network_teacher": _(
                "Presenting one's own experience at the network events of the municipal "
                "network: at least %(tokens)s activity tokens earned within %(years)s school "
                "years, of which at least %(red)s red tokens (presenter of experience), "
                "exchanged at the end of the school year (regulation on network interaction, "
                "rules 3.6–3.7).",
                tokens=company.network_cert_min_tokens,
                years=company.network_cert_window_years,
                red=company.network_cert_min_red_tokens,
            ),
            "platform": _(
                "An executor organization that declared its innovative experience in the "
                "matrix of network interaction, held network events on request and has at "
                "least %(teachers)s teachers certified «Network teacher» in the school year; "
                "the status is granted by the decision of the scientific-methodological "
                "council approved by an order of the centre (regulation on network "
                "interaction, rule 3.3.2).",
                teachers=company.network_platform_min_teachers,
            ),
        }

    def _credential_payloads(self, issuer_did, slots):
        """The Open Badges 3.0 ``OpenBadgeCredential`` of each certificate (in the order of
        ``self``), with the registered claims of its VC-JWT. ``slots``: the (list id, index)
        of each one's revocation list entry. What the credential states is what the
        certificate states: the names frozen at issue, never today's."""
        if not self:
            return []
        self.company_id.ensure_one()
        lang = self.company_id.partner_id.lang or self.env.lang
        return self.with_context(lang=lang)._credential_payloads_in_lang(issuer_did, slots)

    def _credential_payloads_in_lang(self, issuer_did, slots):
        company = self.company_id
        base_url = company.get_base_url()
        kinds = dict(self._fields["certificate_kind"]._description_selection(self.env))
        roles = dict(
            self.env["network.activity.token"]._fields["role"]._description_selection(self.env)
        )
        criteria = self._credential_criteria(company)
        descriptions = {
            "teacher": _(
                "Certificate of professional development by participation in the network "
                "of the municipal methodological centre."
            ),
            "network_teacher": _(
                "Certificate of a teacher who passes their experience on to the network of "
                "the municipal methodological centre."
            ),
            "platform": _(
                "Status of an organization that passes its innovative experience on to the "
                "network of the municipal methodological centre, for a school year."
            ),
        }
        issuer = {
            "id": issuer_did,
            "type": ["Profile"],
            "name": company.name,
            "url": company.website or base_url,
            "image": {"id": f"{base_url}/logo.png?company={company.id}", "type": "Image"},
        }
        if company.email:
            issuer["email"] = company.email
        lists = (
            self.env["network.credential.status.list"]
            .sudo()
            .browse(sorted({list_id for list_id, _index in slots}))
        )
        list_urls = {status_list.id: status_list._url() for status_list in lists}
        token_rows = self._credential_token_rows()
        now = datetime.now(timezone.utc).replace(microsecond=0)
        network_event = _("Network event")
        payloads = []
        for certificate, (list_id, index) in zip(self, slots, strict=True):
            kind = certificate.certificate_kind
            credential_id = base_url + CREDENTIAL_PATH % certificate.sudo().verification_code
            # the issue date at midnight UTC; never later than the signing (the issue date is
            # the issuer's local date, which may be ahead of UTC's)
            valid_from = min(datetime.combine(certificate.issue_date, time.min, timezone.utc), now)
            identifiers = [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": certificate.holder_name or "",
                }
            ]
            if kind != "platform" and certificate.organization_name:
                identifiers.append(
                    {
                        "type": "IdentityObject",
                        "identityType": "ext:organizationName",
                        "hashed": False,
                        "identityHash": certificate.organization_name,
                    }
                )
            if kind == "platform":
                decision = certificate.council_decision_id
                evidence = [
                    {
                        "type": ["Evidence"],
                        "name": _("Council decision, school year %s", certificate.school_year_name),
                        "narrative": _(
                            "Approved by order No. %(number)s of %(date)s.",
                            number=decision.order_number or "",
                            date=decision.order_date.strftime("%d.%m.%Y")
                            if decision.order_date
                            else "",
                        ),
                    }
                ]
            else:
                evidence = [
                    {
                        "type": ["Evidence"],
                        "name": _("Activity card, school year %s", certificate.school_year_name),
                        "narrative": _(
                            "Tokens exchanged: %(green)s green (listener), %(red)s red "
                            "(presenter of experience).",
                            green=certificate.green_token_count,
                            red=certificate.red_token_count,
                        ),
                    }
                ]
                # a loop, not a comprehension: _() reads the language from this frame
                for role, date, event_name in token_rows.get(certificate.id, []):
                    evidence.append(
                        {
                            "type": ["Evidence"],
                            "name": event_name or network_event,
                            "description": f"{roles.get(role, role)}, {date:%d.%m.%Y}",
                        }
                    )
            name = _("%(kind)s No. %(number)s", kind=kinds[kind], number=certificate.name or "")
            list_url = list_urls[list_id]
            payload = {
                "@context": OB3_CONTEXT,
                "id": credential_id,
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "name": name,
                "issuer": issuer,
                "validFrom": valid_from.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "credentialSubject": {
                    "type": ["AchievementSubject"],
                    "identifier": identifiers,
                    "licenseNumber": certificate.name or "",
                    "term": certificate.school_year_name or "",
                    "achievement": {
                        "id": f"{base_url}/network/credentials/achievements/{company.id}/{kind}",
                        "type": ["Achievement"],
                        "achievementType": "Award" if kind == "platform" else "Certificate",
                        "name": kinds[kind],
                        "description": descriptions[kind],
                        "criteria": {"narrative": criteria[kind]},
                        "inLanguage": (company.partner_id.lang or "ru_RU").replace("_", "-"),
                    },
                },
                "credentialStatus": {
                    "id": f"{list_url}#{index}",
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": "revocation",
                    "statusListIndex": str(index),
                    "statusListCredential": list_url,
                },
                "evidence": evidence,
                # the registered claims of the VC-JWT (OB 3.0 §8.2)
                "iss": issuer_did,
                "jti": credential_id,
                "nbf": int(valid_from.timestamp()),
            }
            payloads.append(payload)
        return payloads

    def _credential_json(self):
        """The stored credential as JSON-LD: the payload of its signed JWT without the JWT's
        registered claims."""
        self.ensure_one()
        if not self.credential_jwt:
            return False
        data = jwt_payload(self.credential_jwt)
        return {key: value for key, value in data.items() if key not in JWT_CLAIMS}

    def action_set_name_shown(self, shown):
        """The holder decides whether the public verification page shows their name (the
        credential always carries it). Only the teacher holding the certificate may."""
        for certificate in self:
            if (
                certificate.certificate_kind == "platform"
                or certificate.partner_id != self.env.user.partner_id
            ):
                raise UserError(_("Only the teacher holding the certificate can decide this."))
        self.sudo().write({"credential_name_shown": bool(shown)})
        return True

    # colours of the baked badge image, per kind (the tokens' green and red, the platform blue)
    _BADGE_COLOURS = {
        "teacher": (46, 125, 50),
        "network_teacher": (198, 40, 40),
        "platform": (21, 101, 192),
    }

    def _credential_baked_png(self):
        """The badge image (the company logo on a disc of the kind's colour) with the signed
        credential baked in: a wallet or backpack reads the credential out of the picture."""
        self.ensure_one()
        from PIL import Image, ImageDraw  # noqa: PLC0415 - only for this rarely used download

        size = 512
        image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
        draw = ImageDraw.Draw(image)
        draw.ellipse(
            (8, 8, size - 8, size - 8), fill=(*self._BADGE_COLOURS[self.certificate_kind], 255)
        )
        draw.ellipse((56, 56, size - 56, size - 56), fill=(255, 255, 255, 255))
        logo = self.company_id.sudo().logo
        if logo:
            picture = Image.open(io.BytesIO(base64.b64decode(logo))).convert("RGBA")
            picture.thumbnail((280, 280))
            image.alpha_composite(
                picture, ((size - picture.width) // 2, (size - picture.height) // 2)
            )
        output = io.BytesIO()
        image.save(output, format="PNG")
        return bake_png(output.getvalue(), self.credential_jwt)
