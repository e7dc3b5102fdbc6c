from odoo import _, api, fields, models
from odoo.exceptions import UserError


class NetworkCertificationWizard(models.TransientModel):
    """Year-end issue: every teacher holding enough valid tokens in the window exchanges them
    for a certificate, all in one go (rulebook 3.6–3.7)."""

    _name = "network.certification.wizard"
    _description = "Year-End Certificate Issue"

    school_year_id = fields.Many2one(
        "network.school.year",
        required=True,
        default=lambda self: self.env["network.school.year"]._get_current(),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    window_year_ids = fields.Many2many(
        "network.school.year",
        compute="_compute_window_year_ids",
        string="Tokens Counted From",
    )
    line_ids = fields.One2many(
        "network.certification.wizard.line", "wizard_id", string="Eligible Teachers"
    )
    teacher_count = fields.Integer(string="Teachers to Certify", readonly=True)
    network_teacher_count = fields.Integer(string="Network Teachers", readonly=True)
    previewed = fields.Boolean(readonly=True)
    send_mail = fields.Boolean(
        string="Mail the Certificates",
        help="Queue a mail with the PDF for each certificate; the PDFs are rendered in the "
        "background.",
    )
    certificate_ids = fields.Many2many("network.certificate", readonly=True)

    @api.depends("school_year_id", "company_id")
    def _compute_window_year_ids(self):
        Token = self.env["network.activity.token"]
        for wizard in self:
            wizard.window_year_ids = (
                Token._certification_window(wizard.school_year_id, wizard.company_id)
                if wizard.school_year_id
                else False
            )

    @api.onchange("school_year_id", "company_id")
    def _onchange_school_year_id(self):
        self.line_ids = [fields.Command.clear()]
        self.previewed = False
        self.teacher_count = self.network_teacher_count = 0

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": _("Year-End Certificate Issue"),
        }

    def action_preview(self):
        """List every eligible teacher with the tokens by colour and the resulting kind."""
        self.ensure_one()
        eligible = self.env["network.activity.token"]._certification_eligible(
            self.school_year_id, company=self.company_id
        )
        self.line_ids.unlink()
        self.env["network.certification.wizard.line"].create(
            [
                {
                    "wizard_id": self.id,
                    "partner_id": partner_id,
                    "organization_id": card["organization_id"],
                    "green_count": card["green"],
                    "red_count": card["red"],
                    "certificate_kind": card["kind"],
                }
                for partner_id, card in sorted(eligible.items())
            ]
        )
        self.write(
            {
                "previewed": True,
                "teacher_count": len(eligible),
                "network_teacher_count": sum(
                    card["kind"] == "network_teacher" for card in eligible.values()
                ),
            }
        )
        return self._reopen()

    def action_issue(self):
        """Issue the certificates of the previewed teachers (every eligible teacher when
        nothing was previewed). Teachers no longer eligible are skipped; a second run
        finds no valid tokens left and issues nothing."""
        self.ensure_one()
        if not self.school_year_id:
            raise UserError(_("Choose the school year."))
        partner_ids = self.line_ids.partner_id.ids if self.previewed else None
        if partner_ids == []:
            certificates = self.env["network.certificate"]
        else:
            certificates = self.env["network.certificate"]._issue_teacher_certificates(
                self.school_year_id, partner_ids, self.company_id
            )
        if self.send_mail:
            certificates._queue_mail()
        self.certificate_ids = certificates
        if not certificates:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "title": _("Nothing to issue"),
                    "message": _(
                        "No teacher holds enough valid tokens for %s.", self.school_year_id.name
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_certification.network_certificate_action"
        )
        action["domain"] = [("id", "in", certificates.ids)]
        action["context"] = {}
        return action
