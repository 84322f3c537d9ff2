# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time

from .common import TODAY, CsMemberCommon


class TestSettings(CsMemberCommon):
    def _settings(self, **vals):
        return self.env["res.config.settings"].with_user(self.admin_user).create(vals)

    def test_settings_saved_on_company(self):
        self._settings(
            cs_card_validity_months=24,
            cs_expiry_reminder_days=15,
            cs_first_contact_days=5,
        ).execute()
        self.assertRecordValues(
            self.company,
            [
                {
                    "cs_card_validity_months": 24,
                    "cs_expiry_reminder_days": 15,
                    "cs_first_contact_days": 5,
                }
            ],
        )
        self.assertEqual(self._settings().cs_card_validity_months, 24)

    def test_delays_must_be_positive(self):
        for fname, value in (
            ("cs_first_contact_days", 0),
            ("cs_card_validity_months", 0),
            ("cs_expiry_reminder_days", -1),
        ):
            with self.subTest(field=fname), self.assertRaises(ValidationError):
                self.company.write({fname: value})
        # no reminder before expiry is a valid choice
        self.company.cs_expiry_reminder_days = 0
        self.assertEqual(self.company.cs_expiry_reminder_days, 0)

    def test_contact_hours(self):
        partner = self._create_member("Contact Hours")
        self.assertEqual(partner.cs_contact_window, "any")
        self.assertEqual(partner._cs_get_contact_hours(), (0.0, 24.0))
        for window, hours in (
            ("morning", (9.0, 12.0)),
            ("noon", (12.0, 14.0)),
            ("afternoon", (14.0, 18.0)),
            ("evening", (18.0, 21.0)),
        ):
            with self.subTest(window=window):
                partner.cs_contact_window = window
                self.assertEqual(partner._cs_get_contact_hours(), hours)
        partner.write(
            {
                "cs_contact_window": "custom",
                "cs_contact_hour_from": 18.5,
                "cs_contact_hour_to": 20.0,
            }
        )
        self.assertEqual(partner._cs_get_contact_hours(), (18.5, 20.0))
        for hour_from, hour_to in (
            (20.0, 9.0),
            (10.0, 10.0),
            (-1.0, 10.0),
            (8.0, 25.0),
        ):
            with self.subTest(hours=(hour_from, hour_to)):
                with self.assertRaisesText(ValidationError, "preferred contact hours"):
                    partner.write(
                        {
                            "cs_contact_hour_from": hour_from,
                            "cs_contact_hour_to": hour_to,
                        }
                    )
        # the custom hours only count for a custom window
        partner.write(
            {
                "cs_contact_window": "morning",
                "cs_contact_hour_from": 0.0,
                "cs_contact_hour_to": 0.0,
            }
        )
        self.assertEqual(partner._cs_get_contact_hours(), (9.0, 12.0))
        with self.assertRaises(ValidationError):
            partner.cs_contact_window = "custom"

    @freeze_time(TODAY)
    def test_birthday(self):
        partner = self._create_member("Birthday", cs_birthday="1990-02-28")
        self.assertEqual((partner.cs_birthday_month, partner.cs_birthday_day), (2, 28))
        with self.assertRaisesText(ValidationError, "cannot be in the future"):
            partner.cs_birthday = "2026-03-11"
        with self.assertRaises(ValidationError):
            self._create_member("Unborn", cs_birthday="2030-01-01")
        partner.cs_birthday = "2026-03-10"  # born today
        partner.cs_birthday = False
        self.assertEqual((partner.cs_birthday_month, partner.cs_birthday_day), (0, 0))
