# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CsSatisfactionCommon


@tagged("post_install", "-at_install")
class TestImprovementAction(CsSatisfactionCommon):
    def test_workflow_by_owner_and_supervisor(self):
        action = self._manual_action()
        self.assertEqual(action.state, "open")
        self.assertEqual(action.activity_ids.user_id, self.internal_user)
        owner_action = action.with_user(self.internal_user)
        owner_action.action_start()
        self.assertEqual(action.state, "in_progress")
        with self.assertRaises(UserError):
            owner_action.action_done()  # no measure written yet
        action.with_user(self.supervisor).measure = "Two more agents at the peak"
        owner_action.action_done()
        self.assertEqual(action.state, "done")
        self.assertTrue(action.date_done)
        self.assertFalse(action.activity_ids, "the owner's to-do is done")
        with self.assertRaises(AccessError):
            owner_action.action_verify()
        action.with_user(self.supervisor).action_reopen()
        self.assertEqual(action.state, "in_progress")
        owner_action.action_done()
        action.with_user(self.manager).action_verify()
        self.assertEqual(action.state, "verified")
        self.assertEqual(action.verified_by_id, self.manager)
        with self.assertRaises(UserError):
            action.with_user(self.manager).action_start()

    def test_default_due_date(self):
        with freeze_time("2026-04-30 17:00:00"):  # 1 May in Shanghai
            action = self.Action.with_user(self.supervisor).create(
                {"name": "Default due date (test)", "user_id": self.internal_user.id}
            )
        self.assertEqual(str(action.date_deadline), "2026-05-31")

    def test_department_owner(self):
        action = self._manual_action(user_id=False, department_id=self.department.id)
        action.with_user(self.dept_user).action_start()
        self.assertEqual(action.state, "in_progress")
        self.assertEqual(
            action.with_user(self.dept_user).search([("id", "=", action.id)]), action
        )

    def test_owner_needed(self):
        with self.assertRaises(ValidationError):
            self._manual_action(user_id=False)

    def test_states_only_through_buttons(self):
        """Nobody writes the state or the measured score directly, the
        manager included."""
        action = self._manual_action()
        for user in (self.supervisor, self.manager):
            with self.assertRaises(AccessError):
                action.with_user(user).write({"state": "verified"})
            with self.assertRaises(AccessError):
                action.with_user(user).write({"score": 5.0})
        with self.assertRaises(AccessError):
            self.Action.with_user(self.manager).create(
                {
                    "name": "Forged (test)",
                    "user_id": self.internal_user.id,
                    "date_deadline": "2026-05-31",
                    "state": "done",
                }
            )
        with self.assertRaises(AccessError):
            self.Action.with_user(self.supervisor).create(
                {
                    "name": "Forged (test)",
                    "user_id": self.internal_user.id,
                    "date_deadline": "2026-05-31",
                    "source": "survey",
                }
            )

    def test_access_rules(self):
        action = self._manual_action()
        other = new_test_user(self.env, "cs_sat_other", groups="base.group_user")
        # an internal user who is not the owner sees nothing
        with self.assertRaises(AccessError):
            action.with_user(other).read(["name"])
        with self.assertRaises(AccessError):
            action.with_user(other).action_start()
        # the owner reads, but writes only through the buttons
        self.assertEqual(action.with_user(self.internal_user).name, action.name)
        with self.assertRaises(AccessError):
            action.with_user(self.internal_user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.Action.with_user(self.internal_user).create(
                {
                    "name": "Own (test)",
                    "user_id": self.internal_user.id,
                    "date_deadline": "2026-05-31",
                }
            )
        # agents read every action, create and move none
        self.assertEqual(action.with_user(self.agent_b).name, action.name)
        with self.assertRaises(AccessError):
            action.with_user(self.agent_b).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            action.with_user(self.agent_b).action_start()
        with self.assertRaises(AccessError):
            self.Action.with_user(self.agent_b).create(
                {
                    "name": "Agent (test)",
                    "user_id": self.agent_b.id,
                    "date_deadline": "2026-05-31",
                }
            )
        # portal users: nothing
        with self.assertRaises(AccessError):
            action.with_user(self.portal_user).read(["name"])
        # only managers delete, and only open actions
        with self.assertRaises(AccessError):
            action.with_user(self.supervisor).unlink()
        action.with_user(self.supervisor).action_start()
        with self.assertRaises(UserError):
            action.with_user(self.manager).unlink()

    def test_plan_access(self):
        with self.assertRaises(AccessError):
            self.plan.with_user(self.agent_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.plan.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["cs.satisfaction.result"].with_user(self.portal_user).search([])
        self.plan.with_user(self.supervisor).write({"name": "Renamed (test)"})
        self.assertEqual(self.plan.callback_plan_id.kind, "satisfaction_survey")
        self.assertEqual(self.plan.callback_plan_id.survey_id, self.survey)


@tagged("post_install", "-at_install")
class TestImprovementActionRpc(HttpCase):
    """A client sending the state over JSON-RPC is refused, like the web
    client's readonly field would never do."""

    def test_rpc_write_state_refused(self):
        manager = new_test_user(
            self.env,
            "cs_sat_rpc_manager",
            password="cs_sat_rpc_manager",
            groups="base.group_user,cs_member.group_cs_manager",
        )
        action = self.env["cs.improvement.action"].create(
            {"name": "RPC (test)", "user_id": manager.id, "date_deadline": "2026-05-31"}
        )
        self.authenticate("cs_sat_rpc_manager", "cs_sat_rpc_manager")
        response = self.url_open(
            "/web/dataset/call_kw/cs.improvement.action/write",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "cs.improvement.action",
                        "method": "write",
                        "args": [[action.id], {"state": "verified"}],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        self.assertIn("error", body)
        self.assertEqual(body["error"]["data"]["name"], "odoo.exceptions.AccessError")
        action.invalidate_recordset()
        self.assertEqual(action.state, "open")
