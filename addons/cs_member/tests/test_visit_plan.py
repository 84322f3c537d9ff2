# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import TODAY, CsMemberCommon


@tagged("post_install", "-at_install")
class TestVisitPlan(CsMemberCommon):
    """Key accounts (B4) get a visit plan (H4) owned by the manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cs_key_account_manager_id = cls.manager
        # customer B was graded key before the setting: hand its plan over
        cls.env["cs.member.visit.plan"].search(
            [("partner_id", "=", cls.customer_b.id)]
        ).user_id = cls.manager

    def _plan(self, partner):
        return self.env["cs.member.visit.plan"].search(
            [("partner_id", "=", partner.id)]
        )

    def test_key_account_gets_a_plan(self):
        self.assertTrue(self._plan(self.customer_b))
        self.assertFalse(self._plan(self.customer_a))
        self.customer_a.with_user(self.supervisor).cs_grade = "key"
        plan = self._plan(self.customer_a)
        self.assertEqual(plan.user_id, self.manager)
        # once: grading it key again creates nothing
        self.customer_a.cs_grade = "important"
        self.customer_a.cs_grade = "key"
        self.assertEqual(self._plan(self.customer_a), plan)

    @freeze_time(TODAY)
    def test_visit_lifecycle(self):
        plan = self._plan(self.customer_b)
        visit = (
            self.env["cs.member.visit"]
            .with_user(self.manager)
            .create(
                {
                    "plan_id": plan.id,
                    "date_planned": "2026-03-20",
                    "purpose": "Yearly review",
                }
            )
        )
        activity = visit.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.date_deadline, date(2026, 3, 19))
        with self.assertRaises(UserError):
            visit.with_user(self.manager).action_done()
        with self.assertRaises(AccessError):
            visit.with_user(self.manager).write({"state": "done"})
        visit.with_user(self.manager).result = "Renewed the contract"
        visit.with_user(self.manager).action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.date_done, date(2026, 3, 10))
        with self.assertRaises(UserError):
            visit.with_user(self.manager).action_cancel()
        with self.assertRaises(UserError):
            visit.with_user(self.manager).write({"result": "changed"})

    def test_access(self):
        plan = self._plan(self.customer_b)
        Plan = self.env["cs.member.visit.plan"]
        # the customer's agent reads the plan, others do not
        self.assertEqual(Plan.with_user(self.agent_b).search([]), plan)
        self.assertFalse(Plan.with_user(self.agent_a).search([]))
        with self.assertRaises(AccessError):
            plan.with_user(self.agent_b).write({"user_id": self.agent_b.id})
        with self.assertRaises(AccessError):
            Plan.with_user(self.agent_a).create(
                {"partner_id": self.customer_a.id, "user_id": self.agent_a.id}
            )
        with self.assertRaises(AccessError):
            self.env["cs.member.visit"].with_user(self.agent_b).create(
                {"plan_id": plan.id, "date_planned": "2026-05-01", "purpose": "x"}
            )
        for user in (self.internal_user, self.portal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Plan.with_user(user).search([])
        plan.with_user(self.supervisor).user_id = self.supervisor
        self.assertEqual(plan.user_id, self.supervisor)
