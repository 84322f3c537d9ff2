# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time

from .common import CsKpiCommon, local


class TestEvents(CsKpiCommon):
    """The ledger of praise, rewards, penalties and fines (D7, D8, E4)."""

    def test_confirmed_complaint_penalty_enters_ledger(self):
        with freeze_time(local("2026-04-08 10:00")):
            complaint = self._advance(self._create_complaint(), "investigating")
            penalty = self.env["cs.complaint.penalty"].create(
                {
                    "complaint_id": complaint.id,
                    "employee_id": self.emp_agent_a.id,
                    "amount": 300,
                    "reason": "Rude",
                }
            )
            self.assertFalse(
                self.env["cs.kpi.event"].search([("penalty_id", "=", penalty.id)])
            )
            penalty.with_user(self.manager).action_confirm()
        event = self.env["cs.kpi.event"].search([("penalty_id", "=", penalty.id)])
        self.assertEqual(
            (event.kind, event.amount, event.state, event.employee_id),
            ("penalty", 300, "confirmed", self.emp_agent_a),
        )
        self.assertEqual(str(event.date), "2026-04-08")
        penalty.with_user(self.manager).action_cancel()
        self.assertEqual(event.state, "cancelled")

    def test_fine_within_catalogue(self):
        sleeping = self.env.ref("cs_kpi.cs_kpi_fine_type_sleeping")
        vals = {
            "employee_id": self.emp_agent_a.id,
            "kind": "fine",
            "fine_type_id": sleeping.id,
            "reason": "Left the post",
        }
        Event = self.env["cs.kpi.event"].with_user(self.supervisor)
        with self.assertRaisesText(ValidationError, "must be between 50.0 and 100.0"):
            Event.create(dict(vals, amount=20))
        fine = Event.create(dict(vals, amount=80))
        self.assertEqual(fine.state, "draft")
        insult = self.env.ref("cs_kpi.cs_kpi_fine_type_insult")
        self.assertTrue(Event.create(dict(vals, fine_type_id=insult.id, amount=500)))
        with self.assertRaises(AccessError):
            fine.with_user(self.supervisor).action_confirm()
        fine.with_user(self.manager).action_confirm()
        self.assertEqual(fine.state, "confirmed")
        with self.assertRaises(UserError):
            fine.with_user(self.manager).action_confirm()

    def test_never_deleted(self):
        event = self._event(self.emp_agent_a, "praise")
        for user in (self.supervisor, self.manager):
            with self.assertRaises(AccessError):
                event.with_user(user).unlink()

    def test_half_year_reward_for_praised_twice(self):
        for day in ("2026-02-10", "2026-05-20"):
            self._event(self.emp_agent_a, "praise", day=day)
        self._event(self.emp_agent_a2, "praise", day="2026-03-01")
        self._event(self.emp_agent_a2, "praise", day="2026-03-02", state="cancelled")
        self._event(self.emp_agent_b, "praise", day="2025-12-31")
        self._event(self.emp_agent_b, "praise", day="2026-01-05")
        wizard = (
            self.env["cs.kpi.reward.wizard"]
            .with_user(self.supervisor)
            .create({"date_from": "2026-01-01", "date_to": "2026-06-30", "amount": 300})
        )
        action = wizard.action_propose()
        rewards = self.env["cs.kpi.event"].browse(action["domain"][0][2])
        self.assertEqual(rewards.employee_id, self.emp_agent_a)
        self.assertEqual(
            (rewards.kind, rewards.amount, rewards.state), ("reward", 300, "draft")
        )
        # proposing again adds nothing
        again = wizard.action_propose()
        self.assertFalse(again["domain"][0][2])

    def test_praise_at_callback_proposed(self):
        callback = self.env["cs.callback"].create(
            {
                "partner_id": self.customer_a.id,
                "user_id": self.agent_a.id,
                "date_deadline": "2026-04-10",
            }
        )
        callback = callback.with_user(self.agent_a)
        callback.write(
            {
                "outcome": "reached",
                "satisfaction": "satisfied",
                "score": 5,
                "feedback": "Very patient",
                "is_praise": True,
            }
        )
        callback.action_done()
        event = callback.praise_event_id
        self.assertEqual(
            (event.kind, event.employee_id, event.state),
            ("praise", self.emp_agent_a, "draft"),
        )
        self.assertIn("Very patient", event.reason)
        with self.assertRaises(AccessError):
            event.with_user(self.agent_a).action_confirm()
        event.with_user(self.manager).action_confirm()
        self.assertEqual(event.state, "confirmed")
