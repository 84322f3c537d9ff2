# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.cs_member.reporting import format_figure, record_name

from .cs_kpi_report_common import check_report_right


class ReportCsKpiRanking(models.AbstractModel):
    """The ranking of a month posted in each department (张榜公布): per
    department, the scorecards by rank with the star of the month."""

    _name = "report.cs_kpi.report_kpi_ranking"
    _description = "Assessment Ranking Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        check_report_right(self.env)
        periods = self.env["cs.kpi.period"].browse(docids)
        periods.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cs.kpi.period",
            "docs": periods,
            "rankings": {period.id: self._get_ranking(period) for period in periods},
            "fmt": format_figure,
            "name_of": record_name,
        }

    @api.model
    def _get_ranking(self, period):
        """[{name, cards (by rank), stars}] per department, by department
        name, the scorecards without department last. Only the scorecards
        the user may read: a supervisor gets their own departments."""
        scorecards = self.env["cs.kpi.scorecard"].search(
            [("period_id", "=", period.id)]
        )
        departments = []
        for department, cards in scorecards.grouped("department_id").items():
            ordered = cards.sorted(lambda card: (card.rank or 0, card.id))
            name = record_name(department)
            departments.append(
                {
                    "name": name or self.env._("No department"),
                    "sort": (not department, name),
                    "cards": ordered,
                    "stars": [
                        record_name(card.employee_id)
                        for card in ordered.filtered("is_star")
                    ],
                }
            )
        departments.sort(key=lambda department: department["sort"])
        return departments
