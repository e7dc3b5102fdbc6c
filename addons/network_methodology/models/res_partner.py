from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

ORG_KINDS = [
    ("school", "School"),
    ("kindergarten", "Kindergarten"),
    ("additional_education", "Additional education"),
    ("college", "College"),
    ("center", "Methodological centre"),
    ("authority", "Education authority"),
    ("other", "Other"),
]
# The centre and the education authority run and oversee the network: they are not expected
# to offer experience or file requests (never counted as «not involved»).
COORDINATING_ORG_KINDS = ("center", "authority")
# The organizations of the network: member companies.
NETWORK_ORGANIZATION_DOMAIN = [("is_network_member", "=", True), ("is_company", "=", True)]
# What res.users._network_portal_role reads: the portal record rules depend on it.
PORTAL_ROLE_FIELDS = {"is_teacher", "is_network_member", "is_company", "parent_id"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_network_member = fields.Boolean(
        string="Network Member", tracking=True, help="The organization takes part in the network."
    )
    network_org_kind = fields.Selection(ORG_KINDS, string="Kind of Organization", tracking=True)
    innovation_status_ids = fields.Many2many(
        "network.innovation.status", string="Innovation Statuses"
    )
    network_level = fields.Selection(
        [
            ("1", "1 - Innovation centre"),
            ("2", "2 - Network partner"),
            ("3", "3 - Partner platform"),
        ],
    )
    network_join_date = fields.Date(
        string="Joined the Network",
        tracking=True,
        copy=False,
        help="Set when the centre signs the organization's cooperation agreement.",
    )
    network_leave_date = fields.Date(
        string="Left the Network",
        tracking=True,
        copy=False,
        help="Set when its last cooperation agreement in force ends (terminated or expired).",
    )
    network_cooperation_agreement_id = fields.Many2one(
        "network.agreement",
        string="Cooperation Agreement in Force",
        compute="_compute_network_cooperation_agreement_id",
        search="_search_network_cooperation_agreement_id",
        help="The signed cooperation agreement with the centre in force today.",
    )
    is_teacher = fields.Boolean(
        string="Teacher", help="A teacher of the organization this contact belongs to."
    )
    teacher_position = fields.Char(string="Position")
    teacher_ids = fields.One2many(
        "res.partner", "parent_id", string="Teachers", domain=[("is_teacher", "=", True)]
    )
    network_agreement_count = fields.Integer(compute="_compute_network_counts")
    network_offer_count = fields.Integer(compute="_compute_network_counts")
    network_request_made_count = fields.Integer(compute="_compute_network_counts")
    network_request_received_count = fields.Integer(compute="_compute_network_counts")
    network_event_hosted_count = fields.Integer(compute="_compute_network_counts")
    network_teacher_count = fields.Integer(compute="_compute_network_counts")
    network_token_count = fields.Integer(compute="_compute_network_counts")

    @api.constrains("is_teacher", "parent_id", "is_company")
    def _check_teacher(self):
        for partner in self.filtered("is_teacher"):
            if partner.is_company or not partner.parent_id:
                raise ValidationError(
                    _("Teacher %s must be a person belonging to an organization.", partner.name)
                )

    def write(self, vals):
        res = super().write(vals)
        # Portal record rules read the user's organization and role; their domains are cached.
        if PORTAL_ROLE_FIELDS & set(vals) and (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("partner_id", "child_of", self.ids)], limit=1)
        ):
            self.env.registry.clear_cache()
        return res

    @api.depends(
        "is_company",
        "name",
        "parent_id.name",
        "type",
        "company_name",
        "commercial_company_name",
        "is_teacher",
    )
    def _compute_complete_name(self):  # pylint: disable=missing-return
        super()._compute_complete_name()

    def _get_complete_name(self):
        # A teacher is a person first: «Фамилия Имя Отчество, organization» wherever Odoo shows
        # the contact (core puts the organization first, so lists and tags cut the name off).
        if self.is_teacher and self.parent_id:
            organization = self.commercial_company_name or self.sudo().parent_id.name
            return f"{self.name or ''}, {organization}".strip()
        return super()._get_complete_name()

    def _compute_network_cooperation_agreement_id(self):
        agreements = self.env["network.agreement"].search(
            [("partner_id", "in", self.ids), *self.env["network.agreement"]._in_force_domain()],
            order="date_end desc",
        )
        in_force = {}
        for agreement in agreements:
            in_force.setdefault(agreement.partner_id, agreement)
        for partner in self:
            partner.network_cooperation_agreement_id = in_force.get(partner, False)

    def _search_network_cooperation_agreement_id(self, operator, value):
        if operator not in ("=", "!=") or value is not False:
            raise NotImplementedError(_("Search whether there is an agreement in force or not."))
        Agreement = self.env["network.agreement"]
        partners = [("id", "in", Agreement.search(Agreement._in_force_domain()).partner_id.ids)]
        return ["!", *partners] if operator == "=" else partners

    def _check_network_agreement(self, action):
        """Refuse ``action`` (a translated phrase) for the organizations without a cooperation
        agreement in force, when their company requires one (rulebook 1.8, 5.1)."""
        missing = self.filtered(
            lambda org: (org.company_id or self.env.company).network_require_agreement
            and not org.network_cooperation_agreement_id
        )
        if missing:
            raise UserError(
                _(
                    "%(org)s has no cooperation agreement with the centre in force, so it cannot "
                    "%(action)s. The centre signs the agreement (Organizations → Agreements); "
                    "an organization applies for one in the portal.",
                    org=missing[0].name,
                    action=action,
                )
            )

    def _network_join(self, date):
        """The organizations become members of the network on ``date`` (their cooperation
        agreement is signed); a former member joins again."""
        for org in self:
            values = {"is_network_member": True, "network_leave_date": False}
            if not org.is_network_member or org.network_leave_date or not org.network_join_date:
                values["network_join_date"] = date
            org.write(values)

    def _network_leave_without_agreement(self, date):
        """The organizations whose last cooperation agreement ended leave the network."""
        leaving = self.filtered(
            lambda org: org.is_network_member and not org.network_cooperation_agreement_id
        )
        leaving.write({"is_network_member": False, "network_leave_date": date})
        return leaving

    def _network_coordinators(self):
        """``{organization: contacts}`` of the organizations' coordinators: the portal users
        among their contacts who are not teachers (res.users._network_portal_role), read in
        one query."""
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("share", "=", True),
                    ("partner_id.parent_id", "in", self.ids),
                    ("partner_id.is_teacher", "=", False),
                ]
            )
        )
        coordinators = {}
        for partner in users.partner_id:
            organization = self.browse(partner.parent_id.id)
            coordinators[organization] = coordinators.get(organization, self.browse()) | partner
        return coordinators

    def _is_network_organization(self):
        self.ensure_one()
        return self.is_company and self.is_network_member

    def _count_by(self, model, field, domain=None):
        groups = self.env[model]._read_group(
            [(field, "in", self.ids), *(domain or [])], [field], ["__count"]
        )
        return {partner.id: count for partner, count in groups}

    def _compute_network_counts(self):
        orgs = self.filtered("id")
        counts = {
            "network_agreement_count": orgs._count_by("network.agreement", "party_ids"),
            "network_offer_count": orgs._count_by("network.offer", "organization_id"),
            "network_request_made_count": orgs._count_by("network.request", "requester_id"),
            "network_request_received_count": orgs._count_by("network.request", "executor_id"),
            "network_event_hosted_count": orgs._count_by("event.event", "host_organization_id"),
            "network_teacher_count": orgs._count_by(
                "res.partner", "parent_id", [("is_teacher", "=", True)]
            ),
            "network_token_count": orgs._count_by("network.activity.token", "organization_id"),
        }
        for partner in self:
            for field, values in counts.items():
                partner[field] = values.get(partner.id, 0)

    def _action_network_records(self, xmlid, field):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {"default_" + field: self.id} if field != "party_ids" else {}
        return action

    def action_view_network_agreements(self):
        return self._action_network_records(
            "network_methodology.network_agreement_action", "party_ids"
        )

    def action_view_network_offers(self):
        return self._action_network_records(
            "network_methodology.network_offer_action", "organization_id"
        )

    def action_view_network_requests_made(self):
        return self._action_network_records(
            "network_methodology.network_request_action", "requester_id"
        )

    def action_view_network_requests_received(self):
        return self._action_network_records(
            "network_methodology.network_request_action", "executor_id"
        )

    def action_view_network_events(self):
        return self._action_network_records(
            "network_methodology.event_event_action_network", "host_organization_id"
        )

    def action_view_network_teachers(self):
        action = self._action_network_records(
            "network_methodology.res_partner_action_teacher", "parent_id"
        )
        action["context"] = {"default_parent_id": self.id, "default_is_teacher": True}
        return action

    def action_view_network_tokens(self):
        return self._action_network_records(
            "network_methodology.network_activity_token_action", "organization_id"
        )
