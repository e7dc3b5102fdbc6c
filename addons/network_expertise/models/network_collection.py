import base64
import io
import os
import zipfile

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class NetworkCollection(models.Model):
    """The yearly (or per sub-project) electronic collection of the network's published
    materials (plan 000: «ежегодные электронные сборники методических материалов»): compiled by
    a methodist with an introduction, published as a PDF and a ZIP of the files, with a public
    page at /network/collections/<id>."""

    _name = "network.collection"
    _description = "Electronic Collection of Materials"
    _inherit = ["mail.thread"]
    _order = "school_year_id desc, id desc"

    name = fields.Char(required=True, tracking=True)
    school_year_id = fields.Many2one(
        "network.school.year", required=True, index=True, tracking=True
    )
    project_id = fields.Many2one("network.project", string="Sub-project", tracking=True)
    material_ids = fields.Many2many(
        "network.material",
        "network_collection_material_rel",
        "collection_id",
        "material_id",
        string="Materials",
        domain=[("state", "=", "published")],
    )
    material_count = fields.Integer(compute="_compute_material_count")
    introduction = fields.Html()
    date_published = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    @api.depends("material_ids")
    def _compute_material_count(self):
        for collection in self:
            collection.material_count = len(collection.material_ids)

    @api.constrains("material_ids")
    def _check_materials_published(self):
        for collection in self:
            unpublished = collection.material_ids.filtered(lambda m: m.state != "published")
            if unpublished:
                raise ValidationError(
                    _(
                        "Only published materials go into a collection: “%s” is not published.",
                        unpublished[0].name,
                    )
                )

    def write(self, vals):
        if "material_ids" in vals and self.filtered(lambda c: c.state == "published"):
            raise UserError(_("The materials of a published collection cannot change."))
        return super().write(vals)

    def action_collect(self):
        """Fill a draft collection with the published materials of its school year (and
        sub-project, with its sub-projects)."""
        for collection in self:
            if collection.state != "draft":
                raise UserError(_("Only a draft collection can be filled."))
            domain = [
                ("state", "=", "published"),
                ("school_year_id", "=", collection.school_year_id.id),
            ]
            if collection.project_id:
                domain.append(("project_id", "child_of", collection.project_id.id))
            collection.material_ids = self.env["network.material"].search(domain)
        return True

    def action_publish(self):
        for collection in self:
            if collection.state != "draft":
                raise UserError(_("Only a draft collection can be published."))
            if not collection.material_ids:
                raise ValidationError(
                    _("Add at least one published material to “%s”.", collection.name)
                )
        self.write({"state": "published", "date_published": fields.Date.context_today(self)})
        return True

    def action_draft(self):
        if self.filtered(lambda c: c.state != "published"):
            raise UserError(_("Only a published collection can return to draft."))
        self.write({"state": "draft", "date_published": False})
        return True

    def action_open_public_page(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/network/collections/{self.id}",
            "target": "new",
        }

    # ------------------------------------------------------------------ outputs
    def _material_url(self, material):
        """The page of a material's files: the public bank when it is public, else the
        members' bank."""
        base = self.get_base_url()
        if self.env["network.material"]._bank_is_public():
            return f"{base}/network/bank/{material.id}"
        return f"{base}/my/network/bank/{material.id}"

    def _qr_data_uri(self, value):
        barcode = self.env["ir.actions.report"].barcode("QR", value, width=120, height=120)
        return "data:image/png;base64," + base64.b64encode(barcode).decode()

    def _zip_content(self):
        """A ZIP of the materials' files, one folder per material."""
        self.ensure_one()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for index, material in enumerate(self.sudo().material_ids, start=1):
                folder = f"{index:03d}"
                for attachment in material.attachment_ids:
                    name = os.path.basename(attachment.name or f"file-{attachment.id}")
                    archive.writestr(f"{folder}/{name}", attachment.raw or b"")
        return buffer.getvalue()
