from odoo.http import request

from odoo.addons.network_methodology.controllers.portal_offer import NetworkOfferPortal


class NetworkOfferDirectionPortal(NetworkOfferPortal):
    """A coordinator names the direction of innovation of an offer in the portal form: the
    current school year's directions open to the organization's kind."""

    def _network_offer_form_values(self, organization, offer=None, form=None, errors=None):
        values = super()._network_offer_form_values(organization, offer, form, errors)
        Direction = request.env["network.innovation.direction"]
        year = offer.school_year_id if offer else request.env["network.school.year"]._get_current()
        values["directions"] = (
            Direction._for_organization(year, organization.sudo()) if year else Direction
        )
        return values
