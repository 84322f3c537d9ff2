# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

import pytz
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..hooks import post_init_hook

TZ = pytz.timezone("Asia/Shanghai")


def beijing(value):
    """A Beijing wall-clock time as the naive UTC datetime Odoo stores."""
    moment = TZ.localize(datetime.strptime(value, "%Y-%m-%d %H:%M"))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestChinaCalendar(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Beijing office (test)",
                "tz": "Asia/Shanghai",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{day} {period}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for start, stop, period in (
                        (9, 12, "morning"),
                        (13, 18, "afternoon"),
                    )
                ],
            }
        )

    def _import(self, year=2026):
        wizard = self.env["cs.holiday.import.wizard"].create(
            {"year": year, "calendar_id": self.calendar.id}
        )
        return wizard.action_import()

    def _leaves(self):
        return self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id)]
        )

    def test_import_2026(self):
        self._import()
        leaves = self._leaves()
        national = leaves.filtered(lambda leave: "National Day" in leave.name)
        self.assertEqual(len(national), 1)
        self.assertEqual(national.date_from, beijing("2026-10-01 00:00"))
        self.assertEqual(
            national.date_to.date(), date(2026, 10, 7), "the break ends on 7 October"
        )
        self.assertIn(
            date(2026, 10, 10), self.calendar.cs_makeup_day_ids.mapped("date")
        )
        self.assertIn(date(2026, 9, 20), self.calendar.cs_makeup_day_ids.mapped("date"))
        self.assertEqual(
            set(self.calendar.cs_makeup_day_ids.mapped("worked_as")), {"0"}
        )

    def test_import_twice_changes_nothing(self):
        self._import()
        leaves, days = self._leaves(), self.calendar.cs_makeup_day_ids
        self._import()
        self.assertEqual(self._leaves(), leaves)
        self.calendar.invalidate_recordset()
        self.assertEqual(self.calendar.cs_makeup_day_ids, days)

    def test_unknown_year_is_refused(self):
        with self.assertRaisesRegex(UserError, "2099"):
            self._import(2099)

    def test_deadline_over_national_day(self):
        """Received Wednesday 30 September 2026 at 10:00 in Beijing, 5
        working days: 8, 9, 10 (Saturday, made up), 12 and 13 October."""
        self._import()
        (deadline,) = self.calendar._cs_plan_deadlines(
            [(beijing("2026-09-30 10:00"), "days", 5)]
        )
        self.assertEqual(deadline, beijing("2026-10-13 18:00"))
        (hours,) = self.calendar._cs_plan_deadlines(
            [(beijing("2026-09-30 16:00"), "hours", 4)]
        )
        self.assertEqual(hours, beijing("2026-10-08 11:00"))

    def test_makeup_day_counts_in_odoo_working_time(self):
        """Odoo's own computations (time off, work entries) see the make-up
        day as a working day."""
        self._import()
        start = TZ.localize(datetime(2026, 10, 10, 0, 0))
        stop = TZ.localize(datetime(2026, 10, 11, 0, 0))
        hours = self.calendar.get_work_hours_count(start, stop)
        self.assertEqual(hours, 8.0)
        self.assertEqual(
            self.calendar.get_work_hours_count(
                TZ.localize(datetime(2026, 10, 8, 0, 0)),
                TZ.localize(datetime(2026, 10, 9, 0, 0)),
            ),
            8.0,
        )
        self.assertEqual(
            self.calendar.get_work_hours_count(
                TZ.localize(datetime(2026, 10, 5, 0, 0)),
                TZ.localize(datetime(2026, 10, 6, 0, 0)),
            ),
            0.0,
            "a public holiday",
        )

    @freeze_time("2026-12-01 01:00:00")
    def test_cron_imports_known_years_and_reports_missing(self):
        self.env.company.resource_calendar_id = self.calendar
        Calendar = self.env["resource.calendar"]
        with patch.object(
            type(Calendar), "_cs_notify_missing_holidays", autospec=True
        ) as notify:
            missing = Calendar._cron_cs_import_china_holidays()
        self.assertEqual(missing, [2027])
        notify.assert_called_once()
        self.assertTrue(self._leaves())
        # nothing twice
        count = len(self._leaves())
        Calendar._cron_cs_import_china_holidays()
        self.assertEqual(len(self._leaves()), count)

    @freeze_time(beijing("2026-01-01 01:00"))  # still 2025 in UTC
    def test_new_year_is_china_s(self):
        """At 01:00 on New Year's Day in Beijing the scheduled action (which
        runs in UTC) and the import form work on the new year."""
        self.env.company.resource_calendar_id = self.calendar
        self.env.user.tz = "UTC"
        Calendar = self.env["resource.calendar"]
        with patch.object(
            type(Calendar), "_cs_import_china_years", autospec=True, return_value=[]
        ) as import_years:
            Calendar._cron_cs_import_china_holidays()
        self.assertEqual(import_years.call_args.args[1], [2026, 2027])
        wizard = self.env["cs.holiday.import.wizard"].new({})
        self.assertEqual(wizard.year, 2026)

    def test_takes_over_the_old_makeup_days(self):
        """Databases where cs_complaint kept the make-up days keep them."""
        cr = self.env.cr
        cr.execute(
            """
            CREATE TABLE cs_calendar_makeup_day (
                id serial PRIMARY KEY, calendar_id int, date date, name varchar,
                worked_as varchar, create_uid int, create_date timestamp,
                write_uid int, write_date timestamp)
            """
        )
        cr.execute(
            "INSERT INTO cs_calendar_makeup_day (calendar_id, date, name, worked_as) "
            "VALUES (%s, '2026-10-10', 'National Day', '3')",
            [self.calendar.id],
        )
        post_init_hook(self.env)
        post_init_hook(self.env)  # again: nothing twice
        self.env.invalidate_all()
        day = self.calendar.cs_makeup_day_ids
        self.assertEqual(len(day), 1)
        self.assertEqual((str(day.date), day.worked_as), ("2026-10-10", "3"))
