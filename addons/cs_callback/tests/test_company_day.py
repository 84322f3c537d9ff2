# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import CsCallbackCommon


@tagged("post_install", "-at_install")
class TestCallbackCompanyDay(CsCallbackCommon):
    """At 07:00 in Beijing it is still yesterday in UTC: deadlines, overdue
    callbacks and the coverage cron count the company's day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Shanghai"
        if "resource_calendar_id" in cls.company._fields:
            cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.env.user.tz = "UTC"

    @freeze_time("2026-03-09 23:00:00")
    def test_overdue_on_the_company_day(self):
        callback = self._create_callback(
            self.customer_a, self.agent_a, date_deadline="2026-03-09"
        )
        self.assertTrue(callback.is_overdue)
        self.assertIn(
            callback,
            self.env["cs.callback"].search([("is_overdue", "=", True)]),
        )

    @freeze_time("2026-03-09 23:00:00")
    def test_requested_deadline_from_the_company_day(self):
        callback = self.customer_a._cs_request_callback(
            "routine", self.customer_a, deadline_days=3
        )
        self.assertEqual(str(callback.date_deadline), "2026-03-13")

    @freeze_time("2026-03-09 23:00:00")
    def test_hand_made_callback_proposes_its_deadline(self):
        """Opened by hand, a callback is due within the company's delay (C4),
        counted from the company's day."""
        callback = (
            self.env["cs.callback"]
            .with_user(self.agent_a)
            .create({"partner_id": self.customer_a.id})
        )
        self.assertEqual(str(callback.date_deadline), "2026-03-13")
