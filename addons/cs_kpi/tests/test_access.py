# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import CsKpiCommon


class TestAccess(CsKpiCommon):
    """Agents see their own scorecards, inspections and events; supervisors
    their department; quality inspectors write inspections; managers all;
    other employees nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period.action_compute()
        cls.card_a = cls.period.scorecard_ids.filtered(
            lambda c: c.employee_id == cls.emp_agent_a
        )
        cls.card_b = cls.period.scorecard_ids.filtered(
            lambda c: c.employee_id == cls.emp_agent_b
        )
        cls.event_a = cls._event(cls.emp_agent_a, "fine", 10)
        cls.event_b = cls._event(cls.emp_agent_b, "praise")
        cls.inspection_a = cls._inspection(cls.agent_a, [10, 20, 30, 20, 20])
        cls.inspection_b = cls._inspection(cls.agent_b, [10, 20, 30, 20, 20])

    def _sees(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_agent_own_only(self):
        cards = self.card_a | self.card_b
        self.assertEqual(self._sees(self.agent_a, cards), self.card_a)
        self.assertEqual(
            self._sees(self.agent_a, self.event_a | self.event_b), self.event_a
        )
        self.assertEqual(
            self._sees(self.agent_a, self.inspection_a | self.inspection_b),
            self.inspection_a,
        )
        for record in (
            self.card_b,
            self.event_b,
            self.inspection_b,
            self.card_b.line_ids[:1],
        ):
            with self.assertRaises(AccessError):
                record.with_user(self.agent_a).read(["id"])
        with self.assertRaises(AccessError):
            self.card_a.line_ids[:1].with_user(self.agent_a).write({"weight": 50})
        with self.assertRaises(AccessError):
            self.event_a.with_user(self.agent_a).write({"amount": 0})
        with self.assertRaises(AccessError):
            self.inspection_a.with_user(self.agent_a).write({"feedback": "x"})

    def test_supervisor_department(self):
        # the supervisor's department is customer service: not after-sales
        self.assertEqual(
            self._sees(self.supervisor, self.card_a | self.card_b), self.card_a
        )
        self.assertEqual(
            self._sees(self.supervisor, self.event_a | self.event_b), self.event_a
        )
        self.assertEqual(
            self._sees(self.supervisor, self.inspection_a | self.inspection_b),
            self.inspection_a,
        )
        with self.assertRaises(AccessError):
            self.card_b.with_user(self.supervisor).read(["total_score"])
        with self.assertRaises(AccessError):
            self.inspection_a.with_user(self.supervisor).write({"feedback": "x"})

    def test_quality_writes_inspections(self):
        self.assertEqual(
            self._sees(self.quality, self.inspection_a | self.inspection_b),
            self.inspection_a | self.inspection_b,
        )
        self.inspection_b.with_user(self.quality).write({"feedback": "Good"})
        with self.assertRaises(AccessError):
            self.card_a.with_user(self.quality).read(["total_score"])

    def test_manager_everything(self):
        self.assertEqual(
            self._sees(self.manager, self.card_a | self.card_b),
            self.card_a | self.card_b,
        )
        self.assertEqual(
            self._sees(self.manager, self.event_a | self.event_b),
            self.event_a | self.event_b,
        )

    def test_other_employees_nothing(self):
        for user in (self.internal_user, self.dept_member_user, self.portal_user):
            for record in (self.card_a, self.event_a, self.inspection_a, self.period):
                with self.assertRaises(AccessError):
                    record.with_user(user).read(["id"])
            with self.assertRaises(AccessError):
                self.env["cs.kpi.event"].with_user(user).create(
                    {
                        "employee_id": self.emp_agent_a.id,
                        "kind": "praise",
                        "reason": "x",
                    }
                )
        with self.assertRaises(AccessError):
            self.env["cs.kpi.metric"].with_user(self.supervisor).create(
                {"name": "x", "code": "x", "bound_worst": 0, "bound_best": 1}
            )
