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

    def _member(self, **vals):
        return self.env["res.partner"].create(
            dict({"name": "Beijing member", "email": "bj.member@example.com"}, **vals)
        )

    def test_card_expiry_cron_at_seven_in_beijing(self):
        """At 07:00 on 10 March in Beijing (still 9 March in UTC), a card
        valid until 9 March has ended."""
        self.env.user.tz = "UTC"
        self.company.cs_card_validity_months = 12
        level = self.env.ref("cs_member.cs_member_level_silver")
        Card = self.env["cs.member.card"]
        with freeze_time("2026-03-01 04:00:00"):
            card = Card.create(
                {
                    "partner_id": self._member().id,
                    "level_id": level.id,
                    "date_start": "2025-03-10",
                    "company_id": self.company.id,
                }
            )
            card.action_activate()
        self.assertEqual(str(card.date_end), "2026-03-09")
        with freeze_time("2026-03-09 15:00:00"):  # 23:00 in Beijing
            Card._cron_expire_cards()
            self.assertEqual(card.state, "active")
        with freeze_time("2026-03-09 23:00:00"):  # 07:00 on the 10th in Beijing
            Card._cron_expire_cards()
            self.assertEqual(card.state, "expired")

    def test_birthday_greeted_on_the_company_day(self):
        self.env.user.tz = "UTC"
        level = self.env.ref("cs_member.cs_member_level_silver")
        member = self._member(cs_birthday="1980-03-10")
        with freeze_time("2026-03-01 04:00:00"):
            self.env["cs.member.card"].create(
                {"partner_id": member.id, "level_id": level.id}
            ).action_activate()
        Partner = self.env["res.partner"]
        with freeze_time("2026-03-09 15:00:00"):
            self.assertNotIn(member, Partner._cron_birthday_greetings())
        with freeze_time("2026-03-09 23:00:00"):
            self.assertIn(member, Partner._cron_birthday_greetings())

    @freeze_time("2026-03-09 23:00:00")  # 07:00 on 10 March in Beijing
    def test_dates_of_the_day_are_the_company_day(self):
        """A ledger entry and a distribution made at 07:00 in Beijing, by a
        user whose own time zone is still on 9 March, carry 10 March."""
        self.env.user.tz = "UTC"
        member = self._member()
        entry = self.env["cs.member.points"].create(
            {"partner_id": member.id, "points": 10, "reason": "Welcome"}
        )
        self.assertEqual(entry.date, date(2026, 3, 10))
        agent = self.env["res.users"].create(
            {
                "name": "Day agent",
                "login": "day_agent",
                "groups_id": [(6, 0, self.env.ref("cs_member.group_cs_agent").ids)],
            }
        )
        self.env["cs.member.distribution.wizard"].create(
            {"partner_ids": [(6, 0, member.ids)], "agent_ids": [(6, 0, agent.ids)]}
        ).action_distribute()
        self.assertEqual(member.cs_date_assigned, date(2026, 3, 10))
