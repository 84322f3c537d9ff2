# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TODAY, CsMemberCommon


@tagged("post_install", "-at_install")
class TestArchiveCard(CsMemberCommon):
    """客户管理卡: the customer archive card prints from the contact."""

    @freeze_time(TODAY)
    def test_agent_prints_the_archive_card(self):
        card = self._create_card(self.customer_a, level=self.gold)
        self._book(self.customer_a, 120, reason="Spring purchase")
        report = self.env.ref("cs_member.action_report_customer_archive_card")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent_a)
            ._render_qweb_html(report, self.customer_a.ids)[0]
            .decode()
        )
        self.assertIn(card.number, html)
        self.assertIn("Spring purchase", html)
        self.assertIn(self.gold.name, html)

    def test_outsiders_cannot_print(self):
        report = self.env.ref("cs_member.action_report_customer_archive_card")
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(
                self.internal_user
            )._render_qweb_html(report, self.customer_a.ids)
