# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.cs_service.tests.common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestWeeklyReport(CsServiceCommon):
    """The week of Monday 28 September 2026: two opinion cards (one
    unsatisfied), one of the week before. The next week starts with the
    national holidays (1-7 October), so the report goes out on Thursday
    8 October."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.holiday.import.wizard"].create(
            {"year": 2026, "calendar_id": cls.calendar.id}
        ).action_import()
        cls.company.email = "cs@company.example.com"
        cls.gm = new_test_user(
            cls.env,
            "weekly_gm",
            groups="base.group_user,cs_kpi.group_cs_general_manager",
            email="gm@company.example.com",
        )
        cls.reader = new_test_user(
            cls.env,
            "weekly_reader",
            groups="base.group_user",
            email="reader@company.example.com",
        )
        cls.company.cs_weekly_report_user_ids = cls.reader
        cls.company.cs_weekly_report_date = date(2026, 9, 28)
        cls.good = cls._rated(
            "2026-09-28 09:00", cls.tech_1, (5, 4, 5, 4), "satisfied", "2026-09-29"
        )
        cls.bad = cls._rated(
            "2026-09-28 10:00",
            cls.tech_2,
            (2, 3, 1, 2),
            "unsatisfied",
            "2026-09-30",
            partner=cls.customer_b,
        )
        cls.before = cls._rated(
            "2026-09-21 09:00", cls.tech_1, (1, 1, 1, 1), "unsatisfied", "2026-09-25"
        )

    @classmethod
    def _rated(cls, received, technician, ratings, satisfaction, day, partner=None):
        request = cls._create_request(partner=partner, date_received=local(received))
        with freeze_time(local(received)):
            cls._advance(request, "dispatched", technician=technician)
            cls._advance(request, "done")
        card = request.callback_ids
        card.write(
            {
                "outcome": "reached",
                "satisfaction": satisfaction,
                "feedback": f"{satisfaction} (test)",
                "unsatisfied_reason": "Came late (test)"
                if satisfaction == "unsatisfied"
                else False,
                "service_rating_attitude": ratings[0],
                "service_rating_skill": ratings[1],
                "service_rating_punctuality": ratings[2],
                "service_rating_promise": ratings[3],
            }
        )
        with freeze_time(local(f"{day} 11:00")):
            card.with_user(cls.supervisor).action_done()
        return card

    def _run(self, day):
        with freeze_time(local(f"{day} 09:00")):
            return self.env["cs.kpi.period"]._cron_cs_send_service_weekly_report()

    def _mails(self):
        return self.env["mail.mail"].search(
            [("model", "=", "cs.kpi.period"), ("subject", "like", "After-Sales")]
        )

    def test_week_figures_from_the_owners(self):
        Report = self.env["report.cs_kpi_service.report_service_weekly"]
        week = Report.with_user(self.supervisor)._get_week(
            self.company, date(2026, 9, 28), date(2026, 10, 4)
        )
        self.assertEqual(week["figures"]["done"], 2)
        self.assertEqual(week["figures"]["satisfaction"]["unsatisfied"], 1)
        self.assertEqual(
            [rating["average"] for rating in week["ratings"]], [3.5, 3.5, 3.0, 3.0]
        )
        self.assertEqual(week["cards"], self.good | self.bad)
        self.assertEqual(week["unsatisfied"], self.bad)
        self.assertEqual(week["requests"][self.bad.id].technician_id, self.tech_2)

    def test_agent_cannot_print_it(self):
        with self.assertRaises(AccessError):
            self.env["report.cs_kpi_service.report_service_weekly"].with_user(
                self.agent_a
            )._get_report_values(self.company.ids, {})

    def test_sent_on_the_first_working_day_after_the_holidays(self):
        for day in ("2026-10-05", "2026-10-06", "2026-10-07"):
            self.assertFalse(self._run(day), f"sent on {day}")
        self.assertFalse(self._mails())
        period = self._run("2026-10-08")
        self.assertEqual(period.date_from, date(2026, 10, 1), "the current month")
        mail = self._mails()
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, (self.gm | self.reader).partner_id)
        self.assertEqual(
            mail.attachment_ids.mapped("name"),
            ["After-Sales Follow-up 2026-09-28 - 2026-10-04.pdf"],
        )
        self.assertIn(mail.mail_message_id, period.message_ids)
        # the report (HTML in tests) shows the unsatisfied customer
        content = mail.attachment_ids.raw.decode()
        self.assertIn(self.customer_b.name, content)
        self.assertIn("unsatisfied (test)", content)
        self.assertEqual(self.company.cs_weekly_report_date, date(2026, 10, 5))
        self.assertFalse(self._run("2026-10-08"))
        self.assertFalse(self._run("2026-10-09"))
        self.assertEqual(len(self._mails()), 1)

    def test_week_sent_set_only_by_the_scheduled_action(self):
        admin = new_test_user(
            self.env, "weekly_admin", groups="base.group_user,base.group_system"
        )
        with self.assertRaises(UserError):
            self.company.with_user(admin).cs_weekly_report_date = date(2026, 10, 12)
        self.assertEqual(self.company.cs_weekly_report_date, date(2026, 9, 28))
        # the rest of the company stays editable by its administrator
        self.company.with_user(admin).cs_weekly_report_user_ids = self.reader | admin
        self.assertTrue(self._run("2026-10-08"))
        self.assertEqual(self.company.cs_weekly_report_date, date(2026, 10, 5))

    def test_normal_week_on_monday(self):
        self.company.cs_weekly_report_date = date(2026, 10, 5)
        self.assertFalse(self._run("2026-10-11"), "sent this week already")
        self.assertTrue(self._run("2026-10-12"))
        self.assertEqual(len(self._mails()), 1)
