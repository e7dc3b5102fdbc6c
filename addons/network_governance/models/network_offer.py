from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.network_methodology.models.network_portal_mixin import to_int


class NetworkOffer(models.Model):
    _inherit = "network.offer"

    direction_id = fields.Many2one(
        "network.innovation.direction",
        string="Direction of Innovation",
        index=True,
        tracking=True,
        domain="[('school_year_id', '=', school_year_id)]",
        help="The yearly direction of innovation the experience belongs to.",
    )

    @api.model
    def _get_matrix_domain(self, school_year, project=None, event_form=None):
        """The matrix's executors of one direction of innovation when the context names it
        (``network_direction_id``), as its requests."""
        domain = super()._get_matrix_domain(school_year, project, event_form)
        direction_id = self.env.context.get("network_direction_id")
        if direction_id:
            domain.append(("direction_id", "=", direction_id))
        return domain

    @api.constrains("direction_id", "school_year_id", "organization_id")
    def _check_direction(self):
        for offer in self.filtered("direction_id"):
            direction = offer.direction_id
            if direction.school_year_id != offer.school_year_id:
                raise ValidationError(
                    _(
                        "The direction “%(direction)s” is approved for %(year)s, not for the "
                        "school year of the offer “%(offer)s”.",
                        direction=direction.name,
                        year=direction.school_year_id.name,
                        offer=offer.name,
                    )
                )
            if not direction._fits_organization(offer.organization_id):
                raise ValidationError(
                    _(
                        "The direction “%(direction)s” is not approved for organizations of "
                        "the kind of %(org)s.",
                        direction=direction.name,
                        org=offer.organization_id.name,
                    )
                )

    @api.model
    def _portal_prepare_values(self, post, organization):
        values, errors = super()._portal_prepare_values(post, organization)
        direction = self.env["network.innovation.direction"]
        if post.get("direction_id"):
            year = self.env["network.school.year"]._get_current()
            direction = direction.search(
                [("id", "=", to_int(post["direction_id"])), ("school_year_id", "=", year.id)]
            )
            if not direction or not direction._fits_organization(organization):
                errors["direction_id"] = _("Choose a direction of innovation from the list.")
        values["direction_id"] = direction.id
        return values, errors

    def _portal_form_values(self):
        values = super()._portal_form_values()
        values["direction_id"] = str(self.direction_id.id or "")
        return values
