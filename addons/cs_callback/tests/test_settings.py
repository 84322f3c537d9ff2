# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import CsCallbackCommon


class TestCallbackSettings(CsCallbackCommon):
    """Quiet hours (C4: never disturb a customer at rest) and the callback
    deadline, settings of the callbacks."""

    def _settings(self, **vals):
        return self.env["res.config.settings"].with_user(self.admin_user).create(vals)

    def test_settings_saved_on_company(self):
        self._settings(
            cs_quiet_hour_start=22.0,
            cs_quiet_hour_end=8.5,
            cs_callback_deadline_days=2,
        ).execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "cs_quiet_hour_start": 22.0,
                    "cs_quiet_hour_end": 8.5,
                    "cs_callback_deadline_days": 2,
                }
            ],
        )

    def test_deadline_must_be_positive(self):
        for value in (0, -1):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                self.company.write({"cs_callback_deadline_days": value})

    def test_quiet_hours_within_the_day(self):
        for fname in ("cs_quiet_hour_start", "cs_quiet_hour_end"):
            for hour in (-0.5, 24.5, 25.0):
                with self.subTest(field=fname, hour=hour):
                    with self.assertRaisesText(
                        ValidationError, "between 00:00 and 24:00"
                    ):
                        self.company.write({fname: hour})
        with self.assertRaises(ValidationError):
            self._settings(cs_quiet_hour_start=26.0).execute()
        self.company.write({"cs_quiet_hour_start": 24.0, "cs_quiet_hour_end": 0.0})

    def test_quiet_hours_across_midnight(self):
        self.company.write({"cs_quiet_hour_start": 21.0, "cs_quiet_hour_end": 9.0})
        for hour in (21.0, 22.5, 23.99, 0.0, 3.0, 8.99):
            with self.subTest(hour=hour):
                self.assertTrue(self.company._cs_is_quiet_hour(hour))
        for hour in (9.0, 12.0, 18.0, 20.99):
            with self.subTest(hour=hour):
                self.assertFalse(self.company._cs_is_quiet_hour(hour))

    def test_quiet_hours_within_a_day(self):
        self.company.write({"cs_quiet_hour_start": 12.0, "cs_quiet_hour_end": 14.0})
        self.assertTrue(self.company._cs_is_quiet_hour(12.0))
        self.assertTrue(self.company._cs_is_quiet_hour(13.5))
        self.assertFalse(self.company._cs_is_quiet_hour(14.0))
        self.assertFalse(self.company._cs_is_quiet_hour(11.99))
        self.assertFalse(self.company._cs_is_quiet_hour(22.0))
        # an empty window means no quiet hours
        self.company.write({"cs_quiet_hour_start": 0.0, "cs_quiet_hour_end": 0.0})
        self.assertFalse(self.company._cs_is_quiet_hour(3.0))
