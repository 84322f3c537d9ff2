# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class ReportCsComplaintHandling(models.AbstractModel):
    """The internal handling form of a complaint (客户投诉处理表): its
    registration, the investigation, the department replies, the approval,
    the penalties and the summary. Internal to customer service: the
    departments that reply on a complaint do not print the penalties."""

    _name = "report.cs_complaint.report_complaint_handling"
    _description = "Complaint Handling Form Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.user.has_group("cs_member.group_cs_agent"):
            raise AccessError(
                self.env._(
                    "Only customer service prints the internal handling form "
                    "of a complaint."
                )
            )
        complaints = self.env["cs.complaint"].browse(docids)
        complaints.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cs.complaint",
            "docs": complaints,
        }
