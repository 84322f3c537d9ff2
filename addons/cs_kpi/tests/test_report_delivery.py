# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, time, timedelta

import pytz
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

TZ = pytz.timezone("Asia/Shanghai")


def at_nine(day):
    """9:00 in Shanghai on ``day``, as the UTC moment to freeze."""
    return TZ.localize(datetime.combine(day, time(9))).astimezone(pytz.utc)


class DeliveryCommon(TransactionCase):
    """A company in Shanghai with China's 2026 calendar (1-7 October are
    public holidays, Sunday 27 September and Saturday 10 October make-up
    working days), its customer-service manager, its deputy general manager,
    a user named in the settings and an agent who receives nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {"name": "Delivery Co (test)", "email": "cs@delivery.example.com"}
        )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Shanghai office (test)",
                "tz": "Asia/Shanghai",
                "company_id": cls.company.id,
            }
        )
        cls.company.resource_calendar_id = cls.calendar
        cls.env["cs.holiday.import.wizard"].create(
            {"year": 2026, "calendar_id": cls.calendar.id}
        ).action_import()
        common = {"company_id": cls.company.id, "company_ids": cls.company.ids}
        cls.manager = new_test_user(
            cls.env,
            "delivery_manager",
            groups="cs_member.group_cs_manager",
            email="manager@delivery.example.com",
            **common,
        )
        cls.deputy = new_test_user(
            cls.env,
            "delivery_deputy",
            groups="base.group_user,cs_kpi.group_cs_deputy_gm",
            email="deputy@delivery.example.com",
            **common,
        )
        cls.gm = new_test_user(
            cls.env,
            "delivery_gm",
            groups="base.group_user,cs_kpi.group_cs_general_manager",
            email="gm@delivery.example.com",
            **common,
        )
        cls.reader = new_test_user(
            cls.env,
            "delivery_reader",
            groups="base.group_user",
            email="reader@delivery.example.com",
            **common,
        )
        cls.agent = new_test_user(
            cls.env,
            "delivery_agent",
            groups="cs_member.group_cs_agent",
            email="agent@delivery.example.com",
            **common,
        )
        cls.supervisor = new_test_user(
            cls.env,
            "delivery_supervisor",
            groups="cs_member.group_cs_supervisor",
            email="supervisor@delivery.example.com",
            **common,
        )
        cls.Period = cls.env["cs.kpi.period"]

    def _sent_mails(self, record):
        return self.env["mail.mail"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )


@tagged("post_install", "-at_install")
class TestMonthlyReportDelivery(DeliveryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cs_monthly_report_user_ids = cls.reader

    def _run(self, day):
        with freeze_time(at_nine(day)):
            self.Period._cron_cs_send_monthly_report()
        return self.Period.search(
            [("company_id", "=", self.company.id)], order="date_from"
        )

    def test_default_recipients_are_the_head_and_the_deputy_gm(self):
        self.assertEqual(
            self.company.cs_monthly_report_group_ids,
            self.env.ref("cs_member.group_cs_manager")
            | self.env.ref("cs_kpi.group_cs_deputy_gm"),
        )
        self.assertEqual(
            self.company._cs_report_partners(
                self.company.cs_monthly_report_user_ids,
                self.company.cs_monthly_report_group_ids,
            )
            & (self.agent | self.supervisor | self.gm).partner_id,
            self.env["res.partner"],
        )

    def test_first_working_day_after_the_national_holidays(self):
        """1-7 October 2026 are holidays: September's report goes out on
        Thursday 8 October, not before, and only once."""
        self.assertEqual(
            self.company._cs_first_working_day(date(2026, 10, 1), date(2026, 10, 31)),
            date(2026, 10, 8),
        )
        for day in range(1, 8):
            self.assertFalse(self._run(date(2026, 10, day)), f"sent on {day} October")
        period = self._run(date(2026, 10, 8))
        self.assertEqual(len(period), 1, "the month is created when missing")
        self.assertEqual(period.name, "2026-09")
        self.assertEqual(
            (period.date_from, period.date_to), (date(2026, 9, 1), date(2026, 9, 30))
        )
        self.assertTrue(period.date_report_sent)
        mail = self._sent_mails(period)
        self.assertEqual(len(mail), 1)
        self.assertEqual(
            mail.recipient_ids,
            (self.manager | self.deputy | self.reader).partner_id,
        )
        self.assertIn("2026-09", mail.subject)
        self.assertEqual(
            mail.attachment_ids.mapped("name"),
            ["Monthly Service Report - 2026-09.pdf"],
        )
        message = mail.mail_message_id
        self.assertEqual(message.model, "cs.kpi.period")
        self.assertEqual(message.res_id, period.id)
        self.assertIn(message, period.message_ids)
        self.assertEqual(message.attachment_ids, mail.attachment_ids)
        self.assertIn("delivery_deputy", message.body)
        # the next days and a second run change nothing
        self._run(date(2026, 10, 8))
        self._run(date(2026, 10, 9))
        self._run(date(2026, 10, 10))
        self.assertEqual(len(self._sent_mails(period)), 1)
        self.assertEqual(
            len(period.message_ids.filtered("attachment_ids")), 1, "posted once"
        )

    def test_normal_month_uses_the_existing_period(self):
        """November 2026 starts on a Sunday: October's report goes out on
        Monday 2 November, in the month that already exists."""
        october = self.Period.create(
            {
                "name": "2026-10",
                "date_from": date(2026, 10, 1),
                "date_to": date(2026, 10, 31),
                "company_id": self.company.id,
            }
        )
        self._run(date(2026, 11, 1))
        self.assertFalse(october.date_report_sent)
        self.assertEqual(self._run(date(2026, 11, 2)), october)
        self.assertTrue(october.date_report_sent)
        self.assertEqual(len(self._sent_mails(october)), 1)

    def test_late_run_catches_up_once(self):
        """A server down on the first working day sends the report the next
        time the scheduled action runs."""
        period = self._run(date(2026, 12, 3))
        self.assertEqual(period.name, "2026-11")
        self.assertEqual(len(self._sent_mails(period)), 1)

    def test_sent_date_is_set_only_by_the_delivery(self):
        period = self.Period.create(
            {
                "name": "2026-08",
                "date_from": date(2026, 8, 1),
                "date_to": date(2026, 8, 31),
                "company_id": self.company.id,
            }
        )
        for user in (self.supervisor, self.manager):
            with self.assertRaises(UserError):  # AccessError is one too
                period.with_user(user).write(
                    {"date_report_sent": datetime(2026, 9, 1, 1, 0)}
                )
        with self.assertRaises(UserError):  # AccessError is one too
            self.Period.with_user(self.manager).create(
                {
                    "name": "2026-07",
                    "date_from": date(2026, 7, 1),
                    "date_to": date(2026, 7, 31),
                    "company_id": self.company.id,
                    "date_report_sent": datetime(2026, 8, 3, 1, 0),
                }
            )

    def test_settings_are_for_administrators(self):
        with self.assertRaises(AccessError):
            self.company.with_user(self.manager).write(
                {"cs_monthly_report_user_ids": [Command.link(self.agent.id)]}
            )

    def test_no_working_day_yet_in_the_week(self):
        self.assertIsNone(
            self.company._cs_first_working_day(
                date(2026, 10, 1), date(2026, 10, 1) + timedelta(days=3)
            )
        )
