# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.cs_member.reporting import format_figure, record_name


class ReportCsKpiScorecard(models.AbstractModel):
    """The assessment scorecard (考核表) of one employee, one page each;
    printed by whoever reads the scorecard (the record rules apply)."""

    _name = "report.cs_kpi.report_kpi_scorecard"
    _description = "Assessment Scorecard Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        scorecards = self.env["cs.kpi.scorecard"].browse(docids)
        scorecards.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cs.kpi.scorecard",
            "docs": scorecards,
            "department_sizes": self._get_department_sizes(scorecards),
            "fmt": format_figure,
            "name_of": record_name,
        }

    @api.model
    def _get_department_sizes(self, scorecards):
        """{(period id, department id): number of scorecards}, for the
        "rank 2 of 5" of each scorecard, with one grouped query."""
        # sudo: only the number of colleagues ranked with the employee, who
        # may read no other scorecard than their own
        groups = (
            self.env["cs.kpi.scorecard"]
            .sudo()
            ._read_group(
                [("period_id", "in", scorecards.period_id.ids)],
                ["period_id", "department_id"],
                ["__count"],
            )
        )
        return {
            (period.id, department.id): count for period, department, count in groups
        }
