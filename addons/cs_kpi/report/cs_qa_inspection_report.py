# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.cs_member.reporting import format_figure, record_name


class ReportCsQaInspection(models.AbstractModel):
    """The QA inspection score sheet (质检评分表) of one inspection, one page
    each; printed by whoever reads the inspection (the record rules
    apply: the agent their own, supervisors their department's, quality
    inspectors and managers all)."""

    _name = "report.cs_kpi.report_qa_inspection"
    _description = "QA Inspection Score Sheet Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        inspections = self.env["cs.qa.inspection"].browse(docids)
        inspections.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cs.qa.inspection",
            "docs": inspections,
            "fmt": format_figure,
            "name_of": record_name,
        }
