# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import CsSatisfactionCommon


@tagged("post_install", "-at_install")
class TestSuggestion(CsSatisfactionCommon, HttpCase):
    """H3: a suggestion that pays off is rewarded. The agent proposes, the
    supervisor adopts it (an improvement action carries it out), the
    manager verifies the effect and grants the reward, which lands in the
    ledger of the assessment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent_employee = cls.env["hr.employee"].create(
            {
                "name": "Agent A (suggestion test)",
                "user_id": cls.agent_a.id,
                "company_id": cls.company.id,
            }
        )
        cls.Suggestion = cls.env["cs.suggestion"]

    def _propose(self, user=None, **vals):
        return (
            self.Suggestion.with_user(user or self.agent_a)
            .create(dict({"name": "Remind members before expiry (test)"}, **vals))
            .with_user(user or self.agent_a)
        )

    def _adopted(self):
        suggestion = self._propose()
        suggestion.action_submit()
        suggestion.with_user(self.supervisor).action_adopt()
        return suggestion

    def _carry_out(self, action):
        action = action.with_user(self.supervisor)
        action.action_start()
        action.measure = "Calls a week before (test)"
        action.action_done()
        action.action_verify()

    def test_suggestion_that_pays_off_is_rewarded(self):
        with freeze_time("2026-04-10 02:00:00"):
            suggestion = self._propose()
            self.assertEqual(suggestion.employee_id, self.agent_employee)
            self.assertEqual(str(suggestion.date_proposed), "2026-04-10")
            suggestion.action_submit()
            suggestion.with_user(self.supervisor).action_adopt()
        self.assertEqual(suggestion.state, "adopted")
        self.assertEqual(suggestion.adopted_by_id, self.supervisor)
        action = suggestion.improvement_action_id
        self.assertEqual(action.source, "suggestion")
        self.assertEqual(action.user_id, self.agent_a)
        as_manager = suggestion.with_user(self.manager)
        as_manager.effect_note = "Renewals up by 10 points (test)"
        # the effect is verified once the action is
        with self.assertRaises(UserError):
            as_manager.action_verify()
        self._carry_out(action)
        with self.assertRaises(AccessError):
            suggestion.with_user(self.supervisor).action_verify()
        as_manager.action_verify()
        self.assertEqual(suggestion.verified_by_id, self.manager)
        with self.assertRaises(UserError):
            as_manager.action_reward()  # no amount yet
        with self.assertRaises(AccessError):
            suggestion.with_user(self.supervisor).write({"reward_amount": 500})
        as_manager.reward_amount = 200
        with freeze_time("2026-05-31 17:00:00"):  # 1 June in Shanghai
            as_manager.action_reward()
        event = suggestion.reward_event_id
        self.assertEqual(suggestion.state, "rewarded")
        self.assertEqual(
            (event.kind, event.state, event.amount, event.employee_id),
            ("reward", "confirmed", 200, self.agent_employee),
        )
        self.assertEqual(str(event.date), "2026-06-01")
        # the reward lands in the assessment: June's monthly service report
        # lists it with the month's rewards
        june = self.env["cs.kpi.period"].create(
            {
                "name": "2026-06 (test)",
                "date_from": "2026-06-01",
                "date_to": "2026-06-30",
                "company_id": self.company.id,
            }
        )
        events = (
            self.env["report.cs_kpi.report_kpi_monthly"]
            .with_user(self.manager)
            ._get_events(june)
        )
        self.assertIn(event, events["entries"])
        rewards = next(k for k in events["kinds"] if k["code"] == "reward")
        self.assertGreaterEqual(rewards["amount"], 200)
        # rewarded: fixed
        with self.assertRaises(UserError):
            as_manager.write({"reward_amount": 900})

    def test_reject_needs_a_reason(self):
        suggestion = self._propose()
        suggestion.action_submit()
        with self.assertRaises(AccessError):
            suggestion.action_reject()
        as_supervisor = suggestion.with_user(self.supervisor)
        with self.assertRaises(UserError):
            as_supervisor.action_reject()
        as_supervisor.refuse_reason = "Already done by the hotline (test)"
        as_supervisor.action_reject()
        self.assertEqual(suggestion.state, "rejected")
        # a rejected suggestion cannot be adopted: the message names both states
        with self.assertRaisesRegex(UserError, "Rejected.*Submitted.*adopted"):
            as_supervisor.action_adopt()
        with self.assertRaises(UserError):
            suggestion.unlink()

    def test_each_step_checks_the_right(self):
        suggestion = self._propose()
        suggestion.action_submit()
        with self.assertRaises(AccessError):
            suggestion.action_adopt()
        with self.assertRaises(AccessError):
            suggestion.with_user(self.quality).action_adopt()
        suggestion.with_user(self.supervisor).action_adopt()
        self._carry_out(suggestion.improvement_action_id)
        with self.assertRaises(AccessError):
            suggestion.write({"effect_note": "Great (test)"})
        # the proposal is fixed once submitted
        with self.assertRaises(UserError):
            suggestion.write({"name": "Something else (test)"})

    def test_protected_fields_refused_to_every_role(self):
        suggestion = self._adopted()
        event = self.env["cs.kpi.event"].create(
            {
                "employee_id": self.agent_employee.id,
                "kind": "reward",
                "reason": "Forged (test)",
                "amount": 1,
            }
        )
        forged = [
            {"state": "rewarded"},
            {"state": "verified"},
            {"verified_by_id": self.manager.id},
            {"date_verified": "2026-04-01 00:00:00"},
            {"reward_event_id": event.id},
            {"adopted_by_id": self.manager.id},
            {"improvement_action_id": False},
        ]
        for user in (self.agent_a, self.supervisor, self.manager):
            for vals in forged:
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaises(AccessError),
                ):
                    suggestion.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            self._propose(state="adopted")

    def test_agents_see_and_propose_their_own(self):
        own = self._propose()
        other = self._propose(
            user=self.supervisor,
            employee_id=self.env["hr.employee"]
            .create({"name": "Other (test)", "company_id": self.company.id})
            .id,
        )
        Suggestion = self.Suggestion.with_user(self.agent_a)
        self.assertIn(own, Suggestion.search([]))
        self.assertNotIn(other, Suggestion.search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.agent_a).read(["name"])
        with self.assertRaises(AccessError):
            self._propose(employee_id=other.employee_id.id)
        with self.assertRaises(AccessError):
            self.Suggestion.with_user(self.dept_user).search([])
        self.assertIn(other, self.Suggestion.with_user(self.supervisor).search([]))

    @mute_logger("odoo.http")
    def test_rpc_state_write_refused(self):
        """The web client's route reaches ``write``: refused there too."""
        suggestion = self._propose()
        self.authenticate(self.agent_a.login, self.agent_a.login)
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {
                    "model": "cs.suggestion",
                    "method": "write",
                    "args": [suggestion.ids, {"state": "rewarded"}],
                    "kwargs": {},
                },
            )
        self.assertTrue(str(caught.exception).startswith("odoo.exceptions."))
        suggestion.invalidate_recordset()
        self.assertEqual(suggestion.state, "draft")
