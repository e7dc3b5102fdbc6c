from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.network_methodology.models.res_partner import NETWORK_ORGANIZATION_DOMAIN


class ResPartner(models.Model):
    """Clusters and levels of the network (Krasnodar, 002, 3.4): a level-1 innovation centre
    (ФИП, КИП or МСИП) heads a cluster of level-2 network partners and level-3 partner
    platforms; ``network_parent_id`` names the organization an organization works under."""

    _inherit = "res.partner"

    network_parent_id = fields.Many2one(
        "res.partner",
        string="Cluster Head",
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=NETWORK_ORGANIZATION_DOMAIN,
        help="The organization of a higher level this organization works under: the "
        "innovation centre heading its cluster, or the network partner it is a platform of.",
    )
    network_child_ids = fields.One2many(
        "res.partner", "network_parent_id", string="Organizations of the Cluster"
    )
    network_cluster_id = fields.Many2one(
        "res.partner",
        string="Cluster",
        compute="_compute_network_cluster_id",
        store=True,
        recursive=True,
        index=True,
        help="The organization at the top of the organization's chain of heads (itself at "
        "the top).",
    )
    network_cluster_size = fields.Integer(
        string="Organizations in the Cluster", compute="_compute_network_cluster_size"
    )
    network_resource_ids = fields.One2many(
        "network.resource", "organization_id", string="Resources"
    )
    network_resource_count = fields.Integer(compute="_compute_network_resource_count")

    @api.depends("network_parent_id.network_cluster_id", "is_company", "is_network_member")
    def _compute_network_cluster_id(self):
        for partner in self:
            if not (partner.is_company and partner.is_network_member):
                partner.network_cluster_id = False
            elif partner.network_parent_id:
                partner.network_cluster_id = (
                    partner.network_parent_id.network_cluster_id or partner.network_parent_id
                )
            else:
                partner.network_cluster_id = partner._origin or partner

    def _network_import_new_teachers(self):
        # A teacher is in no cluster (only organizations are): the recursive computation,
        # one record at a time, is skipped for the 100,000 teachers of an import; the column
        # stays empty (False), as the computation would leave it.
        result = super()._network_import_new_teachers()
        self.env.remove_to_compute(self._fields["network_cluster_id"], self)
        return result

    def _compute_network_cluster_size(self):
        heads = self.filtered("id")
        counts = dict(
            self.env["res.partner"]._read_group(
                [("network_cluster_id", "in", heads.ids), ("is_company", "=", True)],
                ["network_cluster_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.network_cluster_size = counts.get(partner, 0)

    def _compute_network_resource_count(self):
        counts = dict(
            self.env["network.resource"]._read_group(
                [("organization_id", "in", self.filtered("id").ids)],
                ["organization_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.network_resource_count = counts.get(partner, 0)

    @api.constrains("network_parent_id", "network_level")
    def _check_network_level(self):
        """The level rule: an organization with a cluster head has a level below its head's
        (level 2 under level 1, level 3 under level 2 or 1), so the chain of heads climbs to
        a level-1 centre and never loops."""
        levels = dict(self._fields["network_level"]._description_selection(self.env))
        for partner in self | self.network_child_ids:
            head = partner.network_parent_id
            if not head:
                continue
            if not head._is_network_organization() or not partner._is_network_organization():
                raise ValidationError(
                    _(
                        "%(org)s and its cluster head %(head)s must both be organizations of "
                        "the network.",
                        org=partner.name,
                        head=head.name,
                    )
                )
            if not (partner.network_level and head.network_level):
                raise ValidationError(
                    _(
                        "Give the network levels of %(org)s and of its cluster head %(head)s.",
                        org=partner.name,
                        head=head.name,
                    )
                )
            if int(head.network_level) >= int(partner.network_level):
                raise ValidationError(
                    _(
                        "%(org)s (%(level)s) cannot work under %(head)s (%(head_level)s): a "
                        "network partner works under an innovation centre, a partner platform "
                        "under a network partner or an innovation centre.",
                        org=partner.name,
                        level=levels[partner.network_level],
                        head=head.name,
                        head_level=levels[head.network_level],
                    )
                )

    def action_view_network_cluster(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "network_governance.res_partner_action_network_cluster"
        )
        action["domain"] = [("network_cluster_id", "=", self.network_cluster_id.id)]
        action["context"] = {}
        return action

    def action_view_network_resources(self):
        return self._action_network_records(
            "network_governance.network_resource_action", "organization_id"
        )

    def action_view_cluster_kpis(self):
        """The KPI dashboard narrowed to the organization's cluster."""
        self.ensure_one()
        cluster = self.network_cluster_id or self
        return self.env["network.kpi.report"]._action_filtered(
            _("KPIs — cluster of %s", cluster.name), network_cluster_id=cluster.id
        )
