from odoo import models


class NetworkPortalMixin(models.AbstractModel):
    """Portal URL of a network document: ``/my/network/<_network_portal_path>/<id>``."""

    _name = "network.portal.mixin"
    _inherit = ["portal.mixin"]
    _description = "Network Portal Document"
    _network_portal_path = None

    def _compute_access_url(self):  # pylint: disable=missing-return
        super()._compute_access_url()
        for record in self.filtered("id"):
            record.access_url = f"/my/network/{self._network_portal_path}/{record.id}"
