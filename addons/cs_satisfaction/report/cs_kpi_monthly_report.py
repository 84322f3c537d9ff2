# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..models.cs_improvement_action import OPEN_STATES

LIST_LIMIT = 30


class ReportCsKpiMonthly(models.AbstractModel):
    """The monthly service report lists the improvement actions still open
    or in progress in its *Open Problems* section."""

    _inherit = "report.cs_kpi.report_kpi_monthly"

    @api.model
    def _get_month(self, period):
        values = super()._get_month(period)
        values["improvements"] = self._get_improvements(period)
        return values

    @api.model
    def _get_improvements(self, period):
        """The company's improvement actions open or in progress when the
        report is printed, the overdue first."""
        Action = self.env["cs.improvement.action"]
        domain = [
            ("company_id", "=", period.company_id.id),
            ("state", "in", OPEN_STATES),
        ]
        # read as the department (the report's right is checked by the
        # report itself): owners outside customer service have their own list
        Action = Action.sudo()
        [[count]] = Action._read_group(domain, [], ["__count"])
        actions = Action.search_fetch(
            domain,
            ["name", "user_id", "department_id", "date_deadline", "state", "score"],
            order="date_deadline, id",
            limit=LIST_LIMIT,
        )
        return {
            "count": count,
            "actions": actions,
            "states": dict(Action._fields["state"]._description_selection(self.env)),
            "today": period.company_id._cs_today(),
        }
