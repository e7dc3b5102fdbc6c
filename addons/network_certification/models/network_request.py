from odoo import api, fields, models


class NetworkRequest(models.Model):
    _inherit = "network.request"

    executor_is_platform = fields.Boolean(
        string="Executor Is a Network Platform",
        compute="_compute_executor_is_platform",
        store=True,
        help="The executor holds the «Network platform» status of the request's school year.",
    )

    @api.depends("executor_id.network_platform_year_ids", "school_year_id")
    def _compute_executor_is_platform(self):
        for request in self:
            request.executor_is_platform = bool(request.school_year_id) and (
                request.school_year_id in request.executor_id.network_platform_year_ids
            )

    def _get_matrix(self, school_year, project=None, event_form=None, executor_slice=None):
        """The matrix also names the organizations holding the «Network platform» status
        during the school year (``platform_ids``): the status in force at its end (or today),
        won by the decision of the year before (a status lasts until the next decision)."""
        matrix = super()._get_matrix(school_year, project, event_form, executor_slice)
        organizations = matrix["applicants"] | matrix["executors"]
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        status_year = (
            Partner._network_platform_year(
                min(school_year.date_end, fields.Date.context_today(self))
            )
            if organizations and school_year
            else self.env["network.school.year"]
        )
        matrix["platform_ids"] = (
            set(
                Partner.search(
                    [
                        ("id", "in", organizations.ids),
                        ("network_platform_year_ids", "in", status_year.ids),
                    ]
                ).ids
            )
            if status_year
            else set()
        )
        return matrix
