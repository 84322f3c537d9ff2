# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time

from .common import TODAY, CsMemberCommon

# queries of one create() of points lines, whatever the number of lines
POINTS_CREATE_BUDGET = 8


@freeze_time(TODAY)
class TestMemberPoints(CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member = cls._create_member("Points Member", cls.agent_a)
        cls.member2 = cls._create_member("Points Member 2", cls.agent_a2)
        cls.Points = cls.env["cs.member.points"]

    def _db_balance(self, partner):
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT cs_points FROM res_partner WHERE id = %s", [partner.id]
        )
        return self.env.cr.fetchone()[0]

    def _ledger_sum(self, partner):
        return sum(
            self.Points.search([("partner_id", "=", partner.id)]).mapped("points")
        )

    def test_balance_is_ledger_sum(self):
        lines = self._book(self.member, 100)
        lines |= self._book(self.member, 50, reason="Event")
        lines |= self._book(self.member, 30, kind="redeem", reason="Gift")
        self.assertEqual(lines.mapped("points"), [100, 50, -30])
        self.assertEqual(lines.mapped("balance_after"), [100, 150, 120])
        self.assertEqual(self.member.cs_points, 120)
        self.assertEqual(self._db_balance(self.member), 120)
        self.assertEqual(self._ledger_sum(self.member), 120)
        self.assertEqual(lines[0].date, self._date("2026-03-10"))
        self.assertEqual(lines[0].user_id, self.env.user)
        # a member without points has a zero balance
        self.assertEqual(self.member2.cs_points, 0)

    def test_agent_books_points(self):
        line = self._book(self.member, 200, env=self.env(user=self.agent_a))
        self.assertEqual(line.user_id, self.agent_a)
        self.assertEqual(self.member.cs_points, 200)
        # redeeming is an agent's job too
        self._book(self.member, 50, kind="redeem", env=self.env(user=self.agent_a))
        self.assertEqual(self.member.cs_points, 150)

    def test_default_member_from_context(self):
        Points = self.Points.with_context(
            default_partner_id=self.member.id, default_kind="earn"
        )
        line = Points.create({"points": 10, "reason": "From the member's page"})
        self.assertEqual(line.partner_id, self.member)
        self.assertEqual(self.member.cs_points, 10)

    def test_redemption_beyond_balance_refused(self):
        self._book(self.member, 100)
        count = self.Points.search_count([])
        with self.assertRaisesText(ValidationError, "cannot become negative"):
            self._book(self.member, 101, kind="redeem")
        with self.assertRaisesText(ValidationError, "cannot become negative"):
            self._book(self.member, -101, kind="redeem")
        # an adjustment cannot make the balance negative either
        with self.assertRaisesText(ValidationError, "cannot become negative"):
            self._book(self.member, -101, kind="adjust")
        # in one batch: the second redemption overdraws, nothing is booked
        with self.assertRaisesText(ValidationError, "cannot become negative"):
            self.Points.create(
                [
                    {
                        "partner_id": self.member.id,
                        "points": 60,
                        "kind": "redeem",
                        "reason": "Gift 1",
                    },
                    {
                        "partner_id": self.member.id,
                        "points": 60,
                        "kind": "redeem",
                        "reason": "Gift 2",
                    },
                ]
            )
        self.assertEqual(self.Points.search_count([]), count)
        self.assertEqual(self.member.cs_points, 100)
        # the whole balance can be redeemed
        self._book(self.member, 100, kind="redeem")
        self.assertEqual(self.member.cs_points, 0)

    def test_redeem_stored_negative(self):
        self._book(self.member, 500)
        positive = self._book(self.member, 40, kind="redeem")
        negative = self._book(self.member, -60, kind="redeem")
        self.assertEqual(positive.points, -40)
        self.assertEqual(negative.points, -60)
        self.assertEqual(self.member.cs_points, 400)

    def test_zero_refused(self):
        with self.assertRaisesText(ValidationError, "cannot be zero"):
            self._book(self.member, 0)

    def test_earn_negative_refused(self):
        self._book(self.member, 100)
        with self.assertRaisesText(ValidationError, "must be positive"):
            self._book(self.member, -10, kind="earn")
        self.assertEqual(self.member.cs_points, 100)

    def test_booked_line_locked(self):
        line = self._book(self.member, 100)
        for vals in (
            {"points": 1000},
            {"kind": "adjust"},
            {"partner_id": self.member2.id},
            {"balance_after": 0},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesText(UserError, "cannot be changed"),
            ):
                line.write(vals)
        line.reason = "Purchase #42"
        self.assertEqual(line.points, 100)
        self.assertEqual(self.member.cs_points, 100)
        # agents cannot even correct the reason
        with self.assertRaises(AccessError):
            line.with_user(self.agent_a).reason = "Other"

    def test_adjust_only_by_supervisor(self):
        self._book(self.member, 100)
        with self.assertRaisesText(AccessError, "supervisor"):
            self._book(self.member, 50, kind="adjust", env=self.env(user=self.agent_a))
        with self.assertRaisesText(AccessError, "supervisor"):
            self._book(self.member, -50, kind="adjust", env=self.env(user=self.agent_a))
        self._book(self.member, -30, kind="adjust", env=self.env(user=self.supervisor))
        self._book(self.member, 5, kind="adjust", env=self.env(user=self.supervisor))
        self.assertEqual(self.member.cs_points, 75)

    def test_unlink_only_by_admin(self):
        line = self._book(self.member, 100)
        self._book(self.member, 20)
        for user in (self.agent_a, self.supervisor, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                line.with_user(user).unlink()
        # even with the right to delete, the model itself refuses
        with self.assertRaisesText(UserError, "never deleted"):
            line.with_user(self.manager)._unlink_except_booked()
        line.with_user(self.admin_user).unlink()
        self.assertEqual(self.member.cs_points, 20)
        self.assertEqual(self._db_balance(self.member), 20)

    def test_recompute_everything(self):
        self._book(self.member, 100)
        self._book(self.member2, 70)
        other = self._create_member("No Points")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET cs_points = 999 WHERE id IN %s",
            [(self.member.id, self.member2.id, other.id)],
        )
        self.env.invalidate_all()
        self.assertEqual(self.member.cs_points, 999)
        updated = self.env["res.partner"]._cs_recompute_points()
        self.assertGreaterEqual(updated, 3)
        self.assertEqual(self.member.cs_points, 100)
        self.assertEqual(self.member2.cs_points, 70)
        self.assertEqual(other.cs_points, 0)
        # nothing left to fix
        self.assertEqual(self.env["res.partner"]._cs_recompute_points(), 0)

    def test_recompute_some_members_only(self):
        self._book(self.member, 100)
        self._book(self.member2, 70)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_partner SET cs_points = 1 WHERE id IN %s",
            [(self.member.id, self.member2.id)],
        )
        self.env.invalidate_all()
        self.assertEqual(self.member._cs_recompute_points(), 1)
        self.assertEqual(self.member.cs_points, 100)
        self.assertEqual(self.member2.cs_points, 1)

    def test_batch_create_several_members(self):
        member3 = self._create_member("Points Member 3")
        vals_list = [
            {"partner_id": self.member.id, "points": 100, "reason": "1"},
            {"partner_id": self.member2.id, "points": 300, "reason": "2"},
            {"partner_id": self.member.id, "points": 50, "reason": "3"},
            {"partner_id": member3.id, "points": 10, "reason": "4"},
            {
                "partner_id": self.member2.id,
                "points": 300,
                "kind": "redeem",
                "reason": "5",
            },
            {
                "partner_id": self.member.id,
                "points": 120,
                "kind": "redeem",
                "reason": "6",
            },
        ]
        lines = self.Points.create(vals_list)
        self.assertEqual(lines.mapped("balance_after"), [100, 300, 150, 10, 0, 30])
        self.assertEqual(self.member.cs_points, 30)
        self.assertEqual(self.member2.cs_points, 0)
        self.assertEqual(member3.cs_points, 10)
        for partner in (self.member, self.member2, member3):
            self.assertEqual(self._db_balance(partner), self._ledger_sum(partner))
        # a later batch continues from the booked balance
        lines = self.Points.create(
            [
                {"partner_id": self.member.id, "points": 5, "reason": "7"},
                {
                    "partner_id": member3.id,
                    "points": 10,
                    "kind": "redeem",
                    "reason": "8",
                },
            ]
        )
        self.assertEqual(lines.mapped("balance_after"), [35, 0])

    def test_batch_create_query_count(self):
        """Creating N lines in one call costs the same number of queries as
        one line: balances are read, locked and recomputed in one go."""
        Points = self.Points.with_user(self.agent_a)
        members = self.member | self._create_member("Points Member 4", self.agent_a)

        def vals_list(count):
            return [
                {
                    "partner_id": members[index % 2].id,
                    "points": 10 + index,
                    "reason": f"Purchase {index}",
                }
                for index in range(count)
            ]

        # warm the caches (access rights, rules, defaults)
        Points.create(vals_list(2))
        self.env.flush_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        Points.create(vals_list(1))
        self.env.flush_all()
        self.env.cr.flush()
        single = self.cr.sql_log_count - start
        self.assertLessEqual(single, POINTS_CREATE_BUDGET)
        with self.assertQueryCount(single):
            Points.create(vals_list(10))
        start = self.cr.sql_log_count
        Points.create(vals_list(10))
        self.env.flush_all()
        self.env.cr.flush()
        self.assertEqual(self.cr.sql_log_count - start, single)
        self.assertEqual(members[0].cs_points, self._ledger_sum(members[0]))
