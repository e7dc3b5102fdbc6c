from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    network_student_names_public = fields.Boolean(
        string="Students' Names in Public Results",
        help="Default of new projects for students: their public results show the students' "
        "names next to the places and schools. Without it only places and schools are "
        "published.",
    )
