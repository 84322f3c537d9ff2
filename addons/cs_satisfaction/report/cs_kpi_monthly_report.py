# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

LIST_LIMIT = 30


class ReportCsKpiMonthly(models.AbstractModel):
    """The monthly service report lists the improvement actions open or in
    progress at the end of its month in its *Open Problems* section: a
    month reprinted later shows that month's truth."""

    _inherit = "report.cs_kpi.report_kpi_monthly"

    @api.model
    def _get_month(self, period):
        values = super()._get_month(period)
        values["improvements"] = self._get_improvements(period)
        return values

    @api.model
    def _get_improvements(self, period):
        """The company's improvement actions open or in progress at the end
        of the period (the company's last day of it), the earliest due
        first; the current month's are those open now."""
        company = period.company_id
        Action = self.env["cs.improvement.action"]
        _start, moment = company._cs_utc_bounds(period.date_from, period.date_to)
        domain = [
            ("company_id", "=", company.id),
            *Action._cs_open_at_domain(moment),
        ]
        # read as the department (the report's right is checked by the
        # report itself): owners outside customer service have their own list
        Action = Action.sudo()
        [[count]] = Action._read_group(domain, [], ["__count"])
        actions = Action.search_fetch(
            domain,
            [
                "name",
                "user_id",
                "department_id",
                "date_deadline",
                "date_started",
                "score",
            ],
            order="date_deadline, id",
            limit=LIST_LIMIT,
        )
        return {
            "count": count,
            "actions": actions,
            "states": dict(Action._fields["state"]._description_selection(self.env)),
            "state_of": {action.id: action._cs_state_at(moment) for action in actions},
            "today": min(period.date_to, company._cs_today()),
        }
