from odoo import fields, models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    network_plan_line_id = fields.Many2one(
        "network.mentoring.plan.line",
        string="Mentoring Plan Step",
        index="btree_not_null",
        ondelete="cascade",
        help="The overdue step this reminder is about.",
    )
