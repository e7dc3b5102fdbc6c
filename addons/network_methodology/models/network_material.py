import os

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, plaintext2html

from ..tools import notify
from .network_portal_mixin import LONG_TEXT_MAX, TEXT_MAX, clean_text, to_int
from .res_partner import NETWORK_ORGANIZATION_DOMAIN

# Uploaded material files: the kinds of documents, videos and archives schools exchange.
MATERIAL_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".ppt", ".pptx", ".odp", ".xls",
    ".xlsx", ".ods", ".jpg", ".jpeg", ".png", ".mp4", ".webm", ".mp3", ".zip",
}  # fmt: skip
MATERIAL_MAX_FILES = 10
# Size limits (MB) of one file and of all files of one material, unless Settings say otherwise.
MATERIAL_DEFAULT_MAX_MB = 25
MATERIAL_DEFAULT_MAX_TOTAL_MB = 100
MAX_MB_PARAM = "network_methodology.material_max_mb"
MAX_TOTAL_MB_PARAM = "network_methodology.material_max_total_mb"
# The methodical bank (rulebook 1.6, 2.3): published materials, public at /network/bank by a
# setting; searched in PostgreSQL's Russian full-text configuration.
# What the followers of a material (its authors, from its submission) are mailed about.
SUBTYPE_REVIEWED = "network_methodology.mt_network_material_reviewed"
BANK_PUBLIC_PARAM = "network_methodology.bank_public"
BANK_TS_CONFIG = "russian"
LICENSES = [
    ("cc_by", "CC BY 4.0"),
    ("cc_by_sa", "CC BY-SA 4.0"),
    ("cc_by_nc", "CC BY-NC 4.0"),
    ("all_rights_reserved", "All rights reserved"),
]
AUDIENCES = [
    ("teachers", "Teachers"),
    ("heads", "School heads"),
    ("students", "Students"),
    ("parents", "Parents"),
]


class NetworkMaterial(models.Model):
    _name = "network.material"
    _description = "Network Material"
    _network_portal_path = "materials"
    _network_mail_subtypes = (SUBTYPE_REVIEWED,)
    _inherit = [
        "network.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "network.school.year.mixin",
    ]
    _school_year_date_field = "date"
    _order = "date desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    material_type = fields.Selection(
        [
            ("methodical", "Methodical material"),
            ("project", "Project"),
            ("lesson_video", "Lesson video"),
            ("assessment", "Assessment material"),
            ("presentation", "Presentation"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="methodical",
    )
    author_ids = fields.Many2many(
        "res.partner",
        "network_material_author_rel",
        "material_id",
        "partner_id",
        string="Authors",
        domain=[("is_teacher", "=", True)],
    )
    organization_id = fields.Many2one(
        "res.partner",
        index=True,
        domain=NETWORK_ORGANIZATION_DOMAIN,
    )
    event_id = fields.Many2one("event.event", index=True, domain=[("is_network_event", "=", True)])
    date = fields.Date(required=True, default=fields.Date.context_today)
    description = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "network_material_attachment_rel",
        "material_id",
        "attachment_id",
        string="Files",
    )
    reviewer_id = fields.Many2one("res.users", string="Reviewed By", readonly=True, copy=False)
    review_note = fields.Text(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("published", "Published"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
        index=True,
    )

    # ------------------------------------------------------------------ the bank
    license = fields.Selection(LICENSES, default="cc_by", required=True, tracking=True)
    tag_ids = fields.Many2many(
        "network.material.tag",
        "network_material_tag_rel",
        "material_id",
        "tag_id",
        string="Tags",
    )
    project_id = fields.Many2one("network.project", string="Sub-project", index="btree_not_null")
    audience = fields.Selection(AUDIENCES, default="teachers", required=True)
    download_count = fields.Integer(readonly=True, copy=False, default=0)
    date_published = fields.Date(readonly=True, copy=False)
    bank_search = fields.Char(
        string="Full-text Search",
        compute="_compute_bank_search",
        search="_search_bank_search",
        help="Words of the title and the description, in any grammatical form.",
    )

    _sql_constraints = [
        (
            "download_count_positive",
            "CHECK(download_count >= 0)",
            "The number of downloads cannot be negative.",
        ),
    ]

    def init(self):
        """The bank's full-text index: a generated tsvector column of the title and the
        description (without its HTML tags) in PostgreSQL's Russian configuration, and its GIN
        index. PostgreSQL keeps it up to date; the ORM does not know the column."""
        self.env.cr.execute(
            SQL(
                """
                ALTER TABLE network_material ADD COLUMN IF NOT EXISTS search_vector tsvector
                GENERATED ALWAYS AS (
                    setweight(to_tsvector(%(config)s::regconfig, coalesce(name, '')), 'A')
                    || setweight(to_tsvector(%(config)s::regconfig,
                        regexp_replace(coalesce(description, ''), '<[^>]*>', ' ', 'g')), 'B')
                ) STORED;
                CREATE INDEX IF NOT EXISTS network_material_search_vector_idx
                    ON network_material USING gin (search_vector);
                CREATE INDEX IF NOT EXISTS network_material_published_idx
                    ON network_material (date_published DESC, id DESC)
                    WHERE state = 'published';
                """,
                config=BANK_TS_CONFIG,
            )
        )

    def _compute_bank_search(self):
        self.bank_search = False

    def _search_bank_search(self, operator, value):
        if operator not in ("=", "ilike") or not isinstance(value, str):
            raise UserError(_("Unsupported search on the bank."))
        # the generated column is computed from what is written to the table
        self.flush_model(["name", "description"])
        return [
            (
                "id",
                "in",
                SQL(
                    "(SELECT id FROM network_material WHERE search_vector @@ "
                    "plainto_tsquery(%s::regconfig, %s))",
                    BANK_TS_CONFIG,
                    value,
                ),
            )
        ]

    @api.model
    def _bank_is_public(self):
        return bool(self.env["ir.config_parameter"].sudo().get_param(BANK_PUBLIC_PARAM))

    def _bank_count_download(self):
        """One more download, counted in SQL (no write conflict between two downloads)."""
        self.env.cr.execute(
            SQL(
                "UPDATE network_material SET download_count = download_count + 1 " "WHERE id IN %s",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["download_count"])

    def action_publish(self):
        """Put approved materials into the bank."""
        for material in self:
            if material.state != "approved":
                raise UserError(
                    _("Only an approved material can be published (“%s”).", material.name)
                )
            if not material.attachment_ids:
                raise ValidationError(_("Attach at least one file to “%s”.", material.name))
        self.write({"state": "published", "date_published": fields.Date.context_today(self)})
        return True

    def action_unpublish(self):
        """Take published materials out of the bank; they stay approved."""
        if self.filtered(lambda m: m.state != "published"):
            raise UserError(_("Only a published material can be withdrawn from the bank."))
        self.write({"state": "approved", "date_published": False})
        return True

    def _creation_message(self):
        # the chatter's first line, in a Russian of the right gender (network.agreement's)
        return _("Material created")

    @api.onchange("event_id")
    def _onchange_event_id(self):
        if self.event_id:
            self.organization_id = self.event_id.host_organization_id
            self.date = self.event_id.date_begin.date()

    @api.constrains("author_ids")
    def _check_authors(self):
        for material in self:
            if material.author_ids.filtered(lambda a: not a.is_teacher):
                raise ValidationError(_("Authors of “%s” must be teachers.", material.name))

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda m: m.state not in ("draft", "rejected")):
            raise UserError(_("Submitted, approved or published materials cannot be deleted."))

    # ------------------------------------------------------------------ portal
    def _network_portal_parties(self):
        return self.organization_id

    @api.model
    def _portal_size_limits(self):
        """Bytes allowed for one file and for all files of a material (Settings)."""
        get_param = self.env["ir.config_parameter"].sudo().get_param
        per_file = to_int(get_param(MAX_MB_PARAM)) or MATERIAL_DEFAULT_MAX_MB
        total = to_int(get_param(MAX_TOTAL_MB_PARAM)) or MATERIAL_DEFAULT_MAX_TOTAL_MB
        return per_file * 1024 * 1024, total * 1024 * 1024

    @api.model
    def _portal_prepare_values(self, post, organization):
        """A material's values from the portal upload form of ``organization``'s
        coordinator, and the errors by field. ``post`` holds the form's text, ``author_ids``
        a list of ids and ``files`` the uploaded ``(file name, content)`` pairs, each content
        read up to one byte over the size limit."""
        errors = {}
        name = clean_text(post.get("name"))
        if not name:
            errors["name"] = _("Enter the title.")
        elif len(name) > TEXT_MAX:
            errors["name"] = _("The title is longer than %s characters.", TEXT_MAX)
        if post.get("material_type") not in dict(self._fields["material_type"].selection):
            errors["material_type"] = _("Choose the type of material.")
        event = self.env["event.event"].search(
            [
                *self.env["event.event"]._network_portal_domain(
                    organization.browse(), organization
                ),
                ("id", "=", to_int(post.get("event_id"))),
                ("date_begin", "<=", fields.Datetime.now()),
            ]
        )
        if not event:
            errors["event_id"] = _("Choose the event the material comes from.")
        author_ids = {to_int(value) for value in post.get("author_ids") or []}
        authors = organization.sudo().teacher_ids.filtered(lambda t: t.id in author_ids)
        if not authors or len(authors) != len(author_ids):
            errors["author_ids"] = _("Choose the authors among your organization's teachers.")
        description = clean_text(post.get("description"))
        if len(description) > LONG_TEXT_MAX:
            errors["description"] = _(
                "The description is longer than %s characters.", LONG_TEXT_MAX
            )
        files_error = self._portal_check_files(post.get("files") or [])
        if files_error:
            errors["files"] = files_error
        values = {
            "name": name,
            "material_type": post.get("material_type"),
            "organization_id": organization.id,
            "event_id": event.id,
            "date": event.date_begin.date() if event else False,
            "author_ids": [Command.set(authors.ids)],
            "description": plaintext2html(description) if description else False,
        }
        return values, errors

    def _attach_files(self, files):
        """Store uploaded ``(file name, content)`` pairs as the material's files."""
        self.ensure_one()
        self.attachment_ids = self.env["ir.attachment"].create(
            [
                {
                    "name": os.path.basename(name),
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                }
                for name, content in files
            ]
        )

    @api.model
    def _portal_check_files(self, files):
        """The first thing wrong with uploaded ``(file name, content)`` pairs, or None."""
        if not files:
            return _("Attach at least one file.")
        if len(files) > MATERIAL_MAX_FILES:
            return _("Attach at most %s files.", MATERIAL_MAX_FILES)
        max_bytes, max_total = self._portal_size_limits()
        for name, content in files:
            if os.path.splitext(name)[1].lower() not in MATERIAL_EXTENSIONS:
                return _("“%s”: this type of file is not accepted.", name)
            if len(content) > max_bytes:
                return _("“%(name)s” is larger than %(size)s MB.", name=name, size=max_bytes >> 20)
            if not content:
                return _("“%s” is empty.", name)
        if sum(len(content) for _name, content in files) > max_total:
            return _("The files are larger than %s MB together.", max_total >> 20)
        return None

    # ------------------------------------------------------------------ actions
    def action_submit(self):
        for material in self:
            if material.state != "draft":
                raise UserError(_("Only a draft material can be submitted (“%s”).", material.name))
            if not material.attachment_ids:
                raise ValidationError(_("Attach at least one file to “%s”.", material.name))
            if not material.author_ids:
                raise ValidationError(_("Name at least one author of “%s”.", material.name))
        self.write({"state": "submitted"})
        self._network_subscribe(lambda material: material.author_ids, [SUBTYPE_REVIEWED])
        return True

    def _review(self, state, note):
        if self.filtered(lambda m: m.state != "submitted"):
            raise UserError(_("Only a submitted material can be reviewed."))
        self.write({"state": state, "reviewer_id": self.env.uid, "review_note": note or False})
        followers = self._network_followers(SUBTYPE_REVIEWED)
        notify(
            self.env.ref("network_methodology.mail_template_network_material_reviewed"),
            self,
            lambda material: followers.get(material.id, self.env["res.partner"]),
        )
        return True

    def action_approve(self, note=None):
        return self._review("approved", note)

    def action_reject(self, note=None):
        return self._review("rejected", note)

    def action_reset_to_draft(self):
        if self.filtered(lambda m: m.state != "rejected"):
            raise UserError(_("Only a rejected material can be returned to draft."))
        self.write({"state": "draft"})
        return True
