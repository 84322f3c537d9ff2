# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class ReportCustomerArchiveCard(models.AbstractModel):
    """客户管理卡: only the customer-service department prints a customer's
    archive (A3)."""

    _name = "report.cs_member.report_customer_archive_card"
    _description = "Customer Archive Card"

    @api.model
    def _get_report_values(self, docids, data=None):
        if not self.env.su and not self.env.user.has_group("cs_member.group_cs_agent"):
            raise AccessError(
                self.env._(
                    "Only the customer service department can print a "
                    "customer's archive card."
                )
            )
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": self.env["res.partner"].browse(docids),
        }
