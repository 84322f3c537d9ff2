# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import CsComplaintCommon


@tagged("post_install", "-at_install")
class TestArchiveCardComplaints(CsComplaintCommon):
    """The customer archive card (客户管理卡) lists the latest complaints."""

    def test_archive_card_lists_complaints(self):
        complaint = self._create_complaint()
        report = self.env.ref("cs_member.action_report_customer_archive_card")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent_a)
            ._render_qweb_html(report, self.customer_a.ids)[0]
            .decode()
        )
        self.assertIn("Latest Complaints", html)
        self.assertIn(complaint.name, html)
