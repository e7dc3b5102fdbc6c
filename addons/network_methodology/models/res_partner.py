import re

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

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
# Imports (base_import) of organizations and teachers: the natural key that makes a re-import
# update the record it imported before instead of creating it again.
IMPORT_KEYS = {"organization": "vat", "teacher": "email"}
# A Russian INN: 10 digits for an organization, 12 for an individual entrepreneur.
INN_PATTERN = re.compile(r"\d{10}(\d{2})?")


class ImportRows:
    """What an import of organizations or teachers learnt of its file while checking it: the
    normalized keys, the teachers' organizations (taken out of the file's columns); and the
    default values, the same for every row. Compared by identity, as everything in a context
    is."""

    __slots__ = ("defaults", "keys", "organization_ids")

    def __init__(self):
        self.defaults = {}  # {fields asked: default values}
        self.keys = {}  # {value of the key column: normalized key}
        self.organization_ids = []


# An import stops naming bad rows after this many (core's load stops after 10 errors as well).
IMPORT_MAX_ERRORS = 10


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

    # ------------------------------------------------------------------ import
    # Organizations and teachers come in through Odoo's import (base_import) from the lists
    # Organizations and Teachers. A re-import updates instead of duplicating: organizations
    # are matched by their INN (`vat`), teachers by their e-mail (`email_normalized`), as the
    # district's own spreadsheets hold no external ids. A file with an `id` or `.id` column is
    # imported as core does (external or database ids). The whole file is one transaction:
    # one bad row, named, and nothing is imported.
    @api.model
    def default_get(self, fields_list):
        # Core asks the defaults once per created record; in an import of organizations or
        # teachers they are the same for every row: read once.
        rows = self.env.context.get("network_import_rows")
        if rows is None:
            return super().default_get(fields_list)
        key = tuple(fields_list)
        if key not in rows.defaults:
            rows.defaults[key] = super().default_get(fields_list)
        return dict(rows.defaults[key])

    @api.model
    def _network_import_kind(self):
        """What the import started from the list creates: ``organization``, ``teacher``, or
        None (Contacts and elsewhere: core's import, unchanged). The list passes its action's
        context (``default_is_teacher`` / ``default_is_network_member``) to the import."""
        context = self.env.context
        if context.get("default_is_teacher"):
            return "teacher"
        if context.get("default_is_network_member") and context.get("default_is_company"):
            return "organization"
        return None

    @api.model
    def get_import_templates(self):
        kind = self._network_import_kind()
        if kind == "organization":
            return [
                {
                    "label": _("Import Template for Organizations (Excel)"),
                    "template": "/network_methodology/static/xls/network_organizations.xlsx",
                },
                {
                    "label": _("Import Template for Organizations (CSV)"),
                    "template": "/network_methodology/static/csv/network_organizations.csv",
                },
            ]
        if kind == "teacher":
            return [
                {
                    "label": _("Import Template for Teachers (Excel)"),
                    "template": "/network_methodology/static/xls/network_teachers.xlsx",
                },
                {
                    "label": _("Import Template for Teachers (CSV)"),
                    "template": "/network_methodology/static/csv/network_teachers.csv",
                },
            ]
        return super().get_import_templates()

    @api.model
    def _network_import_key(self, kind, value):
        """The natural key of a cell of the key column, normalized; None when it is not
        valid (an INN of 10 or 12 digits; an e-mail address)."""
        value = (value or "").strip()
        if kind == "organization":
            value = re.sub(r"\s", "", value)
            return value if INN_PATTERN.fullmatch(value) else None
        return email_normalize(value) or None

    @api.model
    def load(self, fields, data):
        kind = self._network_import_kind() if self.env.context.get("import_file") else None
        if not kind or any(path.split("/")[0] in ("id", ".id") for path in fields):
            return super().load(fields, data)
        fields, data = list(fields), [list(row) for row in data]
        rows = ImportRows()
        messages = self._network_import_check(kind, fields, data, rows)
        if messages:
            return {"ids": False, "messages": messages, "nextrow": 0}
        return super(
            ResPartner, self.with_context(network_import_kind=kind, network_import_rows=rows)
        ).load(fields, data)

    @api.model
    def _network_import_check(self, kind, fields, data, rows):
        """Checks the rows of an import of organizations or teachers before anything is
        written, and returns the errors, each naming its row: the key (INN, e-mail) missing,
        malformed or on two rows; for teachers, an organization that is not one of the
        network's. Replaces in ``data`` the INNs by their normalized form; takes the
        teachers' organizations out of ``fields`` and ``data`` into ``rows``."""
        key_field = IMPORT_KEYS[kind]
        if kind == "organization":
            key_label = _("INN")
            no_key = _(
                "The file has no column of the organizations' INN: organizations are matched "
                "by their INN, so that importing the file again updates them."
            )
        else:
            key_label = _("e-mail address")
            no_key = _(
                "The file has no column of the teachers' e-mail: teachers are matched by "
                "their e-mail, so that importing the file again updates them."
            )
        if key_field not in fields:
            return [self._network_import_error(no_key)]
        parent_paths = [path for path in fields if path.split("/")[0] == "parent_id"]
        if kind == "teacher" and not parent_paths:
            return [
                self._network_import_error(
                    _("The file has no column of the teachers' organization (its INN or its name).")
                )
            ]
        first_row = self.env.context.get("network_import_first_row", 1)
        key_index = fields.index(key_field)
        errors, seen = [], {}
        for index, row in enumerate(data):
            value = row[key_index]
            key = self._network_import_key(kind, value)
            if not key:
                if not (value or "").strip():
                    message = _(
                        "Row %(row)s: no %(column)s.",
                        row=first_row + index,
                        column=key_label,
                    )
                else:
                    message = _(
                        "Row %(row)s: “%(value)s” is not a valid %(column)s.",
                        row=first_row + index,
                        value=value,
                        column=key_label,
                    )
                errors.append(self._network_import_error(message, index, key_field, value))
            elif key in seen:
                message = _(
                    "Row %(row)s: the %(column)s %(value)s is already given on row %(first)s.",
                    row=first_row + index,
                    column=key_label,
                    value=value,
                    first=first_row + seen[key],
                )
                errors.append(self._network_import_error(message, index, key_field, value))
            else:
                seen[key] = index
                if kind == "organization":
                    row[key_index] = value = key
                rows.keys[value] = key
            if len(errors) >= IMPORT_MAX_ERRORS:
                return errors
        if kind == "teacher" and "parent_id" in fields:
            # (a column mapped to the organization's external or database id: core reads it)
            errors += self._network_import_resolve_organizations(fields, data, first_row, rows)
        return errors[:IMPORT_MAX_ERRORS]

    @api.model
    def _network_import_resolve_organizations(self, fields, data, first_row, rows):
        """The column of the teachers' organization holds the INN or the exact name of an
        organization of the network: they are read in one query, and the column leaves the
        file for ``rows.organization_ids`` (core would look each row's organization up
        again, one query a row); ``_load_records`` puts them back."""
        org_index = fields.index("parent_id")
        values = {(row[org_index] or "").strip() for row in data} - {""}
        organizations = self.with_context(active_test=False).search_fetch(
            [
                *NETWORK_ORGANIZATION_DOMAIN,
                "|",
                ("vat", "in", [re.sub(r"\s", "", value) for value in values]),
                ("name", "in", list(values)),
            ],
            ["vat", "name"],
        )
        matches = {}
        for organization in organizations:
            for value in {organization.vat, organization.name} - {False}:
                matches.setdefault(value, set()).add(organization.id)
        errors = []
        for index, row in enumerate(data):
            value = (row[org_index] or "").strip()
            found = matches.get(re.sub(r"\s", "", value)) or matches.get(value) or set()
            if len(found) == 1:
                rows.organization_ids.append(next(iter(found)))
                continue
            if not value:
                message = _("Row %(row)s: the organization is empty.", row=first_row + index)
            elif not found:
                message = _(
                    "Row %(row)s: no organization of the network has the INN or the name "
                    "“%(value)s”.",
                    row=first_row + index,
                    value=value,
                )
            else:
                message = _(
                    "Row %(row)s: %(count)s organizations of the network are named “%(value)s”: "
                    "give its INN.",
                    row=first_row + index,
                    count=len(found),
                    value=value,
                )
            errors.append(self._network_import_error(message, index, "parent_id", value))
            if len(errors) >= IMPORT_MAX_ERRORS:
                break
        del fields[org_index]
        for row in data:
            del row[org_index]
        return errors

    @api.model
    def _network_import_error(self, message, index=None, field=None, value=None):
        """An error message as core's import returns them (the import screen shows it with
        the row; ``rows`` counts from 0, the message from the file's first row)."""
        error = {"type": "error", "message": message}
        if index is not None:
            error.update(record=index, rows={"from": index, "to": index}, value=value)
        if field:
            error["field"] = field
        return error

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        """In an import of organizations or teachers, a row whose key (INN, e-mail) is an
        existing record's updates that record, the others are created (one query finds them
        for the whole batch). Updates write only the values that changed, one write per
        field and value for all the records that get it: a re-import of an unchanged file
        writes nothing (core writes each row apart, its triggers searching each time)."""
        kind = self.env.context.get("network_import_kind")
        if not kind or update:
            return super()._load_records(
                data_list, update=update, ignore_duplicates=ignore_duplicates
            )
        key_field = IMPORT_KEYS[kind]
        rows = self.env.context.get("network_import_rows")
        if rows and rows.organization_ids:
            for data in data_list:
                row = data["info"]["rows"]["from"]
                data["values"]["parent_id"] = rows.organization_ids[row]
        pending = [
            data
            for data in data_list
            if not data.get("xml_id")
            and not data["values"].get("id")
            and data["values"].get(key_field)
        ]
        keys = {}
        for data in pending:
            value = data["values"][key_field]
            if value not in keys:
                keys[value] = (rows and rows.keys.get(value)) or self._network_import_key(
                    kind, value
                )
        existing = (
            self._network_import_existing(kind, set(keys.values()) - {None}) if pending else {}
        )
        matched = []
        for data in pending:
            key = keys[data["values"][key_field]]
            found = existing.get(key, [])
            if len(found) > 1:
                raise UserError(
                    _(
                        "Several records already have the key %(key)s: %(names)s. Merge "
                        "them before importing.",
                        key=key,
                        names=", ".join(self.browse(found).mapped("display_name")),
                    )
                )
            if found:
                data["record"] = self.browse(found[0])
                matched.append(data)
        if matched:
            self._network_import_update(matched)
        matched_ids = {id(data) for data in matched}
        rest = [data for data in data_list if id(data) not in matched_ids]
        if rows and rows.organization_ids:
            # new teachers get their organization's salesperson, as the precomputed `user_id`
            # would, which core computes one new record at a time
            self.browse(set(rows.organization_ids)).fetch(["user_id"])
            for data in rest:
                values = data["values"]
                new = not values.get("id") and not data.get("xml_id")
                if new and "user_id" not in values:
                    values["user_id"] = self.browse(values["parent_id"]).user_id.id
        if rest:
            super()._load_records(rest, update=update, ignore_duplicates=ignore_duplicates)
            if kind == "teacher":
                created = self.browse().concat(*(data["record"] for data in rest))
                created.filtered(
                    lambda partner: not partner.is_company
                )._network_import_new_teachers()
        return self.browse().concat(*(data["record"] for data in data_list))

    def _network_import_new_teachers(self):
        """Hook called on the teachers an import has just created (not yet flushed): an
        add-on discards here the computations it knows the result of, that would otherwise
        run one new record at a time (recursive fields)."""
        return None

    def _network_import_update(self, data_list):
        """Writes the changed values of the matched rows (``data["record"]``), grouped: one
        ``write`` per field and value. Values of fields that are not simple (x2many, binary,
        properties) are written record by record, as core does."""
        records = self.browse().concat(*(data["record"] for data in data_list))
        simple = {
            "char",
            "text",
            "html",
            "selection",
            "boolean",
            "integer",
            "float",
            "monetary",
            "date",
            "datetime",
            "many2one",
        }
        names = {name for data in data_list for name in data["values"]}
        fetched = [
            name for name in names if name in self._fields and self._fields[name].type in simple
        ]
        records.fetch(fetched)
        groups = {}
        for data in data_list:
            record, values = data["record"], dict(data["values"])
            for name in fetched:
                if name not in values:
                    continue
                value = values.pop(name)
                field = self._fields[name]
                current = record[name]
                if field.type == "many2one":
                    current = current.id
                    value = value or False
                elif field.type in ("char", "text", "html", "selection"):
                    current, value = current or False, value or False
                elif field.type in ("date", "datetime"):
                    value = field.convert_to_cache(value, record)
                if current != value:
                    groups.setdefault((name, value), []).append(record.id)
            values.pop("id", None)
            if values:
                record._load_records_write(values)
        for (name, value), ids in groups.items():
            self.browse(ids).write({name: value})

    @api.model
    def _network_import_existing(self, kind, keys):
        """``{key: [ids]}`` of the existing organizations (by INN) or teachers (by normalized
        e-mail) the user may read, archived ones included, in one query."""
        if kind == "organization":
            domain, key_field = [("is_company", "=", True), ("vat", "in", list(keys))], "vat"
        else:
            domain = [("is_teacher", "=", True), ("email_normalized", "in", list(keys))]
            key_field = "email_normalized"
        existing = {}
        for partner in self.with_context(active_test=False).search_fetch(domain, [key_field]):
            existing.setdefault(partner[key_field], []).append(partner.id)
        return existing
