# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsKpiCommon


@tagged("post_install", "-at_install")
class TestKpiIntegrity(CsKpiCommon):
    """Scores, ranks, confirmations and the ledger change only through the
    buttons, whoever writes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.writers = (cls.agent_a, cls.supervisor, cls.quality, cls.manager)

    def _computed(self):
        self.period.with_user(self.supervisor).action_compute()
        return self._card(self.emp_agent_a)

    def test_period_states_only_through_buttons(self):
        for state in ("computed", "confirmed", "published"):
            for user in self.writers:
                with (
                    self.subTest(state=state, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    self.period.with_user(user).write({"state": state})
        self.assertEqual(self.period.state, "open")
        self._computed()
        self.period.with_user(self.manager).action_confirm()
        self.period.with_user(self.manager).action_publish()
        self.assertEqual(self.period.state, "published")
        self.assertEqual(self.period.confirmed_by_id, self.manager)

    def test_scorecard_results_protected(self):
        card = self._computed()
        for vals in (
            {"rank": 9},
            {"grade": "a" if card.grade != "a" else "d"},
            {"is_star": not card.is_star},
            {"total_score": 1.0},
        ):
            for user in (self.supervisor, self.manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    card.with_user(user).write(vals)
        # the comment is the manager's
        card.with_user(self.manager).manager_comment = "Good month"

    def test_computed_lines_cannot_turn_manual(self):
        self._computed()
        line = self._line(self.emp_agent_a, "callbacks_done")
        for vals in ({"is_manual": True}, {"is_measured": False}, {"score": 100.0}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                line.with_user(self.supervisor).write(vals)
        self.assertFalse(line.is_manual)

    def test_lines_of_a_confirmed_month_are_frozen(self):
        self._computed()
        attitude = self._line(self.emp_agent_a, "attitude")
        attitude.with_user(self.supervisor).actual = 80
        self.period.with_user(self.manager).action_confirm()
        for vals in ({"actual": 100}, {"is_measured": False}):
            for user in (self.supervisor, self.manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(UserError),
                ):
                    attitude.with_user(user).write(vals)
        self.assertEqual(attitude.actual, 80)

    def test_confirmed_ledger_entry_frozen(self):
        event = self._event(self.emp_agent_a, "reward", amount=100.0, state="draft")
        for user in (self.supervisor, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                event.with_user(user).write({"state": "confirmed"})
        event.with_user(self.manager).action_confirm()
        for vals in ({"amount": 1.0}, {"reason": "changed"}, {"kind": "fine"}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                event.with_user(self.manager).write(vals)
        self.assertEqual(event.amount, 100.0)
        event.with_user(self.manager).action_cancel()
        self.assertEqual(event.state, "cancelled")

    def test_inspection_scores_frozen_once_sent(self):
        inspection = self.env["cs.qa.inspection"].create(
            {"agent_id": self.agent_a.id, "form_id": self.qa_form.id}
        )
        for vals in ({"state": "done"}, {"appeal_decision": "accepted"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                inspection.with_user(self.quality).write(vals)
        inspection.with_user(self.quality).action_done()
        with self.assertRaises(UserError):
            inspection.line_ids[:1].with_user(self.quality).write({"score": 0})
