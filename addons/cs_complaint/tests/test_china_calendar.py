# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from .common import CsComplaintCommon, local


@tagged("post_install", "-at_install")
class TestChinaCalendar(CsComplaintCommon):
    """Complaint deadlines follow China's calendar as imported from the
    chinesecalendar package (cs_resource_cn)."""

    def test_solution_deadline_over_national_day_2026(self):
        self.env["cs.holiday.import.wizard"].create(
            {"year": 2026, "calendar_id": self.calendar.id}
        ).action_import()
        with freeze_time(local("2026-09-30 10:00")):
            complaint = self._create_complaint()
        # working days: 8, 9, 10 (Saturday, made up), 12 and 13 October
        self.assertEqual(complaint.date_resolve_deadline, local("2026-10-13 18:00"))

    @freeze_time("2026-12-01 01:00:00")
    def test_missing_year_tells_the_managers(self):
        self.company.resource_calendar_id = self.calendar
        self.env["resource.calendar"]._cron_cs_import_china_holidays()
        messages = self.env["mail.message"].search(
            [("model", "=", "resource.calendar"), ("res_id", "=", self.calendar.id)]
        )
        self.assertTrue(messages)
        self.assertIn(self.manager.partner_id, messages.partner_ids)
        self.assertIn("2027", messages[0].body)
