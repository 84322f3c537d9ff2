# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import CsMemberCommon


class TestMemberLevel(CsMemberCommon):
    def _new_level(self, **vals):
        return self.env["cs.member.level"].create(
            dict({"name": "Platinum", "code": "PLATINUM", "sequence": 40}, **vals)
        )

    def test_threshold_above_highest_level(self):
        level = self._new_level(min_points=20000)
        self.assertEqual(
            self.env["cs.member.level"]._get_level_for_points(25000), level
        )

    def test_threshold_must_increase_with_sequence(self):
        # ranked after Diamond (10000) but needs fewer points
        with self.assertRaisesText(ValidationError, "must increase"):
            self._new_level(min_points=8000)
        # ranked between Silver and Gold but needs more than Gold
        with self.assertRaisesText(ValidationError, "must increase"):
            self._new_level(sequence=15, min_points=6000)
        # equal thresholds are not strictly increasing
        with self.assertRaisesText(ValidationError, "must increase"):
            self._new_level(min_points=10000)
        # reordering existing levels is checked too
        with self.assertRaises(ValidationError):
            self.gold.sequence = 40
        with self.assertRaises(ValidationError):
            self.gold.min_points = 10000
        # a level in between with a threshold in between is fine
        level = self._new_level(sequence=15, min_points=2000)
        self.assertEqual(
            self.env["cs.member.level"].search([]).ids,
            (self.silver | level | self.gold | self.diamond).ids,
        )

    def test_archived_level_is_out_of_the_ranking(self):
        self.gold.action_archive()
        # with Gold archived, 6000 points between Silver and Diamond is fine
        level = self._new_level(sequence=15, min_points=6000)
        self.assertTrue(level)
        # reactivating Gold would make two levels conflict
        with self.assertRaises(ValidationError):
            self.gold.action_unarchive()

    def test_negative_min_points(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self.silver.min_points = -1
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self._new_level(sequence=1, min_points=-10)

    def test_negative_validity(self):
        with self.assertRaises(ValidationError):
            self.gold.validity_months = -1

    @mute_logger("odoo.sql_db")
    def test_duplicate_code(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._new_level(code="GOLD", min_points=20000)

    @mute_logger("odoo.sql_db")
    def test_callback_interval_positive(self):
        for days in (0, -5):
            with self.subTest(days=days):
                with self.assertRaises(IntegrityError), self.cr.savepoint():
                    self.gold.callback_interval_days = days
                    self.gold.flush_recordset()
        self.gold.callback_interval_days = 1
        self.gold.flush_recordset()
        self.assertEqual(self.gold.callback_interval_days, 1)

    def test_get_level_for_points(self):
        Level = self.env["cs.member.level"]
        self.assertEqual(Level._get_level_for_points(0), self.silver)
        self.assertEqual(Level._get_level_for_points(4999), self.silver)
        self.assertEqual(Level._get_level_for_points(5000), self.gold)
        self.assertEqual(Level._get_level_for_points(9999), self.gold)
        self.assertEqual(Level._get_level_for_points(10000), self.diamond)
        self.assertEqual(Level._get_level_for_points(10**9), self.diamond)
        self.assertFalse(Level._get_level_for_points(-1))
        # archived levels are never returned
        self.diamond.action_archive()
        self.assertEqual(Level._get_level_for_points(10**9), self.gold)

    def test_member_count(self):
        before = self.gold.member_count
        member = self._create_member("Level Count Member")
        self._create_card(member, self.gold)
        self._create_card(
            self._create_member("Draft Member"), self.gold, activate=False
        )
        self.gold.invalidate_recordset(["member_count"])
        self.assertEqual(self.gold.member_count, before + 1)
