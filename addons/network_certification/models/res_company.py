from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    network_cert_min_tokens = fields.Integer(
        string="Minimum Tokens for a Certificate",
        default=3,
        help="A teacher needs at least this many valid tokens (green and/or red) "
        "to exchange them for a certificate.",
    )
    network_cert_window_years = fields.Integer(
        string="Token Window (School Years)",
        default=3,
        help="Tokens count from the school year of the certificate and the previous ones: "
        "this many school years in all.",
    )
    network_cert_min_red_tokens = fields.Integer(
        string="Minimum Red Tokens for Network Teacher",
        default=3,
        help="A certificate is «Network teacher» when at least this many of the exchanged "
        "tokens are red (presenter).",
    )
    network_platform_min_teachers = fields.Integer(
        string="Minimum Network Teachers for Network Platform",
        default=3,
        help="An organization is a candidate for the «Network platform» status when at least "
        "this many of its teachers became «Network teacher» in the school year.",
    )

    @api.constrains(
        "network_cert_min_tokens",
        "network_cert_window_years",
        "network_cert_min_red_tokens",
        "network_platform_min_teachers",
    )
    def _check_network_certification_settings(self):
        for company in self:
            if (
                min(
                    company.network_cert_min_tokens,
                    company.network_cert_window_years,
                    company.network_cert_min_red_tokens,
                    company.network_platform_min_teachers,
                )
                < 1
            ):
                raise ValidationError(_("Certification thresholds must be at least 1."))
            if company.network_cert_min_red_tokens > company.network_cert_min_tokens:
                raise ValidationError(
                    _(
                        "The red tokens needed for «Network teacher» cannot exceed the tokens "
                        "needed for a certificate."
                    )
                )
