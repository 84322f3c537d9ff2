# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time

from .common import TODAY, CsCallbackCommon


@freeze_time(TODAY)
class TestScheduling(CsCallbackCommon):
    """Quiet hours 21:00-09:00 in Shanghai (UTC+8), i.e. 13:00-01:00 UTC."""

    def _slot(self, earliest, partner=None, env=None):
        Callback = (env or self.env)["cs.callback"]
        return Callback._cs_next_slot(
            partner or self.customer_a, self._utc(earliest), self.company
        )

    def test_any_time(self):
        # 10:00 local: right away, rounded up to the minute
        self.assertEqual(self._slot("2026-03-10 02:00"), self._utc("2026-03-10 02:00"))
        self.assertEqual(
            self.Callback._cs_next_slot(
                self.customer_a,
                self._utc("2026-03-10 02:00").replace(second=30),
                self.company,
            ),
            self._utc("2026-03-10 02:01"),
        )
        # 23:00 local -> next day 09:00 local
        self.assertEqual(self._slot("2026-03-10 15:00"), self._utc("2026-03-11 01:00"))
        # 08:00 local -> 09:00 local the same day
        self.assertEqual(self._slot("2026-03-10 00:00"), self._utc("2026-03-10 01:00"))
        # 20:59 local is still allowed
        self.assertEqual(self._slot("2026-03-10 12:59"), self._utc("2026-03-10 12:59"))

    def test_contact_window(self):
        self.customer_a.cs_contact_window = "evening"
        # 10:00 local -> 18:00 local the same day
        self.assertEqual(self._slot("2026-03-10 02:00"), self._utc("2026-03-10 10:00"))
        # 19:00 local: inside the window
        self.assertEqual(self._slot("2026-03-10 11:00"), self._utc("2026-03-10 11:00"))
        # 21:30 local: past the window -> next day 18:00
        self.assertEqual(self._slot("2026-03-10 13:30"), self._utc("2026-03-11 10:00"))

    def test_custom_window_cut_by_quiet_hours(self):
        self.customer_a.write(
            {
                "cs_contact_window": "custom",
                "cs_contact_hour_from": 20.0,
                "cs_contact_hour_to": 23.0,
            }
        )
        # 10:00 local -> 20:00 local
        self.assertEqual(self._slot("2026-03-10 02:00"), self._utc("2026-03-10 12:00"))
        # 21:30 local: 21-23 is quiet -> next day 20:00
        self.assertEqual(self._slot("2026-03-10 13:30"), self._utc("2026-03-11 12:00"))

    def test_window_inside_quiet_hours(self):
        """The company's rest time wins: the first time outside quiet hours."""
        self.customer_a.write(
            {
                "cs_contact_window": "custom",
                "cs_contact_hour_from": 22.0,
                "cs_contact_hour_to": 23.5,
            }
        )
        self.assertEqual(self._slot("2026-03-10 02:00"), self._utc("2026-03-10 02:00"))
        self.assertEqual(self._slot("2026-03-10 15:00"), self._utc("2026-03-11 01:00"))

    def test_no_quiet_hours(self):
        self.company.write({"cs_quiet_hour_start": 0.0, "cs_quiet_hour_end": 0.0})
        self.assertEqual(self._slot("2026-03-10 15:00"), self._utc("2026-03-10 15:00"))

    def test_time_zone_fallback(self):
        """A customer without time zone is called in the user's, else the
        company's time zone."""
        self.customer_a.tz = False
        utc_user = self.agent_b
        utc_user.tz = "UTC"
        # the user's time zone (UTC): 22:00 is quiet, next day 09:00 UTC
        self.assertEqual(
            self._slot("2026-03-10 22:00", env=self.env(user=utc_user)),
            self._utc("2026-03-11 09:00"),
        )
        utc_user.tz = False
        # the company's time zone (Shanghai): 23:00 UTC is 07:00 local
        self.assertEqual(
            self._slot("2026-03-10 23:00", env=self.env(user=utc_user)),
            self._utc("2026-03-11 01:00"),
        )

    def test_scheduled_at_in_quiet_hours(self):
        callback = self._create_callback(self.customer_a, self.agent_a)
        callback = callback.with_user(self.agent_a)
        # 11:00 local
        callback.scheduled_at = "2026-03-11 03:00:00"
        # 22:00 local
        with self.assertRaisesText(ValidationError, "quiet hours"):
            callback.scheduled_at = "2026-03-11 14:00:00"
        with self.assertRaises(ValidationError):
            self._create_callback(
                self.customer_a, self.agent_a, scheduled_at="2026-03-11 00:30:00"
            )

    def test_quiet_hours_in_customer_time_zone(self):
        """Quiet hours are the customer's rest time, whatever the agent's time
        zone."""
        self.agent_a.tz = "Europe/Brussels"
        callback = self._create_callback(self.customer_a, self.agent_a)
        callback = callback.with_user(self.agent_a)
        # 09:00 in Shanghai, 02:00 in Brussels
        callback.scheduled_at = "2026-03-11 01:00:00"
        # 22:00 in Shanghai, 15:00 in Brussels
        with self.assertRaises(ValidationError):
            callback.scheduled_at = "2026-03-11 14:00:00"
