from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# Only certification code changes these, through _certification_use/_certification_release.
CERTIFICATION_FIELDS = {"state", "certificate_id"}


class NetworkActivityToken(models.Model):
    _inherit = "network.activity.token"

    state = fields.Selection(
        selection_add=[("used", "Used for a certificate")],
        ondelete={"used": "set default"},
    )
    certificate_id = fields.Many2one(
        "network.certificate",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The certificate this token was exchanged for.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state") == "used" or vals.get("certificate_id") for vals in vals_list):
            raise UserError(_("Only certification can mark a token as used."))
        return super().create(vals_list)

    def write(self, vals):
        # A used token is frozen; a token becomes used (or is released) only through the
        # certification methods below, which do not go through write().
        self._check_not_used()
        if vals.get("state") == "used" or "certificate_id" in vals:
            raise UserError(_("Only certification can mark a token as used."))
        return super().write(vals)

    def unlink(self):
        self._check_not_used()
        return super().unlink()

    def _check_not_used(self):
        if any(token.state == "used" for token in self):
            raise UserError(_("A token used for a certificate cannot be changed or deleted."))

    # ------------------------------------------------------------------ the certification rule
    @api.model
    def _certification_window(self, school_year, company=None):
        """The school years whose tokens count for a certificate of ``school_year``: the year
        itself and the previous ones, ``network_cert_window_years`` in all."""
        company = company or self.env.company
        return (
            self.env["network.school.year"]
            .with_context(active_test=False)
            .search(
                [("date_start", "<=", school_year.date_start)],
                order="date_start desc",
                limit=company.network_cert_window_years,
            )
        )

    @api.model
    def _certification_cards(self, rows, company=None):
        """Group token rows ``(token_id, partner_id, role, organization_id)`` by teacher;
        return ``{partner_id: {'token_ids', 'red', 'green', 'organization_id',
        'kind'}}`` for the teachers who reach the thresholds."""
        company = company or self.env.company
        cards = defaultdict(
            lambda: {"token_ids": [], "red": 0, "green": 0, "organization_id": None}
        )
        for token_id, partner_id, role, organization_id in rows:
            card = cards[partner_id]
            card["token_ids"].append(token_id)
            card["red" if role == "presenter" else "green"] += 1
            card["organization_id"] = organization_id
        eligible = {}
        for partner_id, card in cards.items():
            if len(card["token_ids"]) >= company.network_cert_min_tokens:
                card["kind"] = (
                    "network_teacher"
                    if card["red"] >= company.network_cert_min_red_tokens
                    else "teacher"
                )
                eligible[partner_id] = card
        return eligible

    @api.model
    def _certification_eligible(self, school_year, partner_ids=None, company=None, lock=False):
        """Eligible teachers of ``school_year`` as in :meth:`_certification_cards`, from the
        tokens of its window. With ``lock`` (issuing) their tokens stay locked until the
        transaction ends."""
        years = self._certification_window(school_year, company)
        rows = self._certification_rows(partner_ids, years.ids, lock=lock)
        return self._certification_cards(rows, company)

    def _certification_progress(self, school_year, partner_ids, company=None):
        """Where teachers ``partner_ids`` stand for a certificate of ``school_year``:
        ``(window, {partner_id: {'tokens', 'red', 'kind'}})`` — the school years whose tokens
        count, and per teacher the valid tokens of the window, the red ones and the kind of
        certificate they would get now (False below the thresholds). One query."""
        window = self._certification_window(school_year, company)
        rows = self._certification_rows(partner_ids, window.ids)
        eligible = self._certification_cards(rows, company)
        progress = {}
        for _token_id, partner_id, role, _organization_id in rows:
            card = progress.setdefault(partner_id, {"tokens": 0, "red": 0, "kind": False})
            card["tokens"] += 1
            card["red"] += role == "presenter"
        for partner_id, card in progress.items():
            card["kind"] = eligible.get(partner_id, {}).get("kind", False)
        return window, progress

    def _certification_rows(self, partner_ids, school_year_ids, lock=False):
        """The tokens a certificate exchanges: the valid tokens of teachers ``partner_ids`` (all
        teachers when None) in the school years ``school_year_ids``, as ``(token_id,
        partner_id, role, organization_id)`` rows ordered by token id; the organization is the
        teacher's, as on the certificate.

        With ``lock`` (issuing), ``FOR UPDATE`` makes a concurrent transaction issuing for the
        same teachers wait until this one ends, and fail with a serialization error if it
        marked them used: tokens can never be exchanged twice. Without it (preview) nothing
        waits."""
        self.env["network.activity.token"].flush_model(["state", "school_year_id", "partner_id"])
        self.env["res.partner"].flush_model(["parent_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT t.id, t.partner_id, t.role, p.parent_id
                  FROM network_activity_token t
                  JOIN res_partner p ON p.id = t.partner_id
                 WHERE t.state = 'valid'
                   AND t.school_year_id = ANY(%s)
                   %s
                 ORDER BY t.id
                 %s
                """,
                list(school_year_ids),
                SQL("AND t.partner_id = ANY(%s)", list(partner_ids))
                if partner_ids is not None
                else SQL(),
                SQL("FOR UPDATE OF t") if lock else SQL(),
            )
        )
        return self.env.cr.fetchall()

    def _certification_use(self, token_ids, certificate_ids):
        """Mark tokens used by the certificates (parallel lists) in one statement."""
        if not token_ids:
            return
        self.env.cr.execute(
            SQL(
                """
                UPDATE network_activity_token t
                   SET state = 'used', certificate_id = m.certificate_id,
                       write_uid = %s, write_date = (now() at time zone 'UTC')
                  FROM unnest(%s::int[], %s::int[]) AS m(token_id, certificate_id)
                 WHERE t.id = m.token_id AND t.state = 'valid'
                """,
                self.env.uid,
                list(token_ids),
                list(certificate_ids),
            )
        )
        if self.env.cr.rowcount != len(token_ids):
            raise UserError(_("Some tokens are no longer valid: nothing was issued."))
        self._certification_invalidate(token_ids)

    def _certification_release(self, certificate_ids):
        """Tokens of revoked certificates become valid again."""
        self.env.cr.execute(
            SQL(
                """
                UPDATE network_activity_token
                   SET state = 'valid', certificate_id = NULL,
                       write_uid = %s, write_date = (now() at time zone 'UTC')
                 WHERE certificate_id = ANY(%s) AND state = 'used'
             RETURNING id
                """,
                self.env.uid,
                list(certificate_ids),
            )
        )
        self._certification_invalidate([row[0] for row in self.env.cr.fetchall()])

    def _certification_invalidate(self, token_ids):
        tokens = self.browse(token_ids)
        tokens.invalidate_recordset(["state", "certificate_id", "write_uid", "write_date"])
        # stored fields depending on token states are recomputed as usual
        tokens.modified(["state", "certificate_id"])
