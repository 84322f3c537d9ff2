# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import CsCallbackCommon


@tagged("post_install", "-at_install")
class TestArchiveCardCallbacks(CsCallbackCommon):
    """The customer archive card (客户管理卡) lists the latest callbacks."""

    def test_archive_card_lists_callbacks(self):
        self._create_callback(self.customer_a, self.agent_a, kind="occasion")
        report = self.env.ref("cs_member.action_report_customer_archive_card")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent_a)
            ._render_qweb_html(report, self.customer_a.ids)[0]
            .decode()
        )
        self.assertIn("Latest Callbacks", html)
        self.assertIn("Holiday / Anniversary", html)
