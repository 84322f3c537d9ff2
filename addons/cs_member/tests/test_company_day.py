# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCompanyDay(TransactionCase):
    """ "Today" is the company's day, whoever runs the code."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.partner_id.tz = "Asia/Shanghai"
        if "resource_calendar_id" in cls.company._fields:
            cls.company.resource_calendar_id.tz = "Asia/Shanghai"

    @freeze_time("2026-03-09 23:00:00")  # 07:00 on 10 March in Beijing
    def test_today_is_the_company_day(self):
        self.env.user.tz = "UTC"
        self.assertEqual(self.company._cs_today(), date(2026, 3, 10))
        self.assertEqual(self.company._cs_now().hour, 7)

    def test_utc_bounds(self):
        start, stop = self.company._cs_utc_bounds(date(2026, 3, 1), date(2026, 3, 31))
        self.assertEqual(start, datetime(2026, 2, 28, 16, 0))
        self.assertEqual(stop, datetime(2026, 3, 31, 16, 0))
