from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .network_material import (
    BANK_PUBLIC_PARAM,
    MATERIAL_DEFAULT_MAX_MB,
    MATERIAL_DEFAULT_MAX_TOTAL_MB,
    MAX_MB_PARAM,
    MAX_TOTAL_MB_PARAM,
)

# Criteria of effectiveness of the network project (plan 000, «Критерии эффективности»): the
# targets (%) of network.kpi.report unless the settings say otherwise.
DEMAND_TARGET = 70.0
FULFILMENT_TARGET = 100.0
DEMAND_TARGET_PARAM = "network_methodology.kpi_demand_target"
FULFILMENT_TARGET_PARAM = "network_methodology.kpi_fulfilment_target"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    network_require_agreement = fields.Boolean(
        related="company_id.network_require_agreement", readonly=False
    )
    network_matrix_public = fields.Boolean(
        string="Publish the matrix to everyone",
        config_parameter="network_methodology.matrix_public",
        help="Visitors who are not logged in can read the matrix of network interaction "
        "at /network/matrix (organizations and themes only). Members of the network always "
        "can.",
    )
    network_bank_public = fields.Boolean(
        string="Publish the methodical bank to everyone",
        config_parameter=BANK_PUBLIC_PARAM,
        help="Visitors who are not logged in can search and download the published materials "
        "at /network/bank. Members of the network always can, at /my/network/bank.",
    )
    network_material_max_mb = fields.Integer(
        string="Size limit of a material file (MB)",
        config_parameter=MAX_MB_PARAM,
        default=MATERIAL_DEFAULT_MAX_MB,
        help="Files larger than this are refused when schools upload materials in the portal.",
    )
    network_material_max_total_mb = fields.Integer(
        string="Size limit of all files of a material (MB)",
        config_parameter=MAX_TOTAL_MB_PARAM,
        default=MATERIAL_DEFAULT_MAX_TOTAL_MB,
        help="Uploads whose files are larger than this together are refused.",
    )
    network_kpi_demand_target = fields.Float(
        string="Demand target (%)",
        config_parameter=DEMAND_TARGET_PARAM,
        default=DEMAND_TARGET,
        help="Share of published offers that should receive at least one request.",
    )
    network_kpi_fulfilment_target = fields.Float(
        string="Fulfilment target (%)",
        config_parameter=FULFILMENT_TARGET_PARAM,
        default=FULFILMENT_TARGET,
        help="Share of accepted requests that should be carried out.",
    )

    @api.constrains("network_kpi_demand_target", "network_kpi_fulfilment_target")
    def _check_network_kpi_targets(self):
        for settings in self:
            for target in (
                settings.network_kpi_demand_target,
                settings.network_kpi_fulfilment_target,
            ):
                if not 0 <= target <= 100:
                    raise ValidationError(_("A KPI target is a percentage from 0 to 100."))
