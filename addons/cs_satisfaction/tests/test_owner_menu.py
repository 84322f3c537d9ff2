# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CsSatisfactionCommon


class TestOwnerMenu(CsSatisfactionCommon):
    """*My Improvement Actions*: what an owner outside customer service
    sees and does."""

    def _department_action(self, **vals):
        return self._manual_action(
            **dict(
                {"user_id": False, "department_id": self.department.id},
                **vals,
            )
        )

    def test_menu_for_plain_internal_users(self):
        menu = self.env.ref("cs_satisfaction.cs_improvement_action_mine_menu")
        visible = self.env["ir.ui.menu"].with_user(self.dept_user)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(menu.parent_id.id, visible)
        # the Customer Service app stays closed to them
        self.assertNotIn(self.env.ref("cs_member.menu_cs_root").id, visible)
        cs_menu = self.env.ref("cs_satisfaction.cs_improvement_action_menu")
        # supervisors reach the list and the results from Customer Service
        visible = self.env["ir.ui.menu"].with_user(self.supervisor)._visible_menu_ids()
        self.assertIn(cs_menu.id, visible)
        results = self.env.ref("cs_satisfaction.cs_satisfaction_result_menu")
        self.assertIn(results.id, visible)

    def test_is_mine(self):
        mine = self._department_action(name="Department's (test)")
        own = self._manual_action(name="Own (test)", user_id=self.dept_user.id)
        other = self._manual_action(name="Other's (test)")
        Action = self.Action.with_user(self.dept_user)
        found = Action.search([("is_mine", "=", True)])
        self.assertIn(mine, found)
        self.assertIn(own, found)
        self.assertNotIn(other, found)
        self.assertTrue(mine.with_user(self.dept_user).is_mine)
        # a supervisor reads every action; only theirs are "mine"
        found = self.Action.with_user(self.supervisor).search([("is_mine", "=", True)])
        self.assertNotIn(mine, found)
        self.assertIn(other, self.Action.with_user(self.supervisor).search([]))

    def test_owner_marks_done_in_the_dialog(self):
        action = self._department_action()
        as_member = action.with_user(self.dept_user)
        as_member.action_start()
        wizard_action = as_member.action_open_done_wizard()
        Wizard = self.env[wizard_action["res_model"]].with_user(self.dept_user)
        wizard = Wizard.with_context(**wizard_action["context"]).create(
            {"measure": "Spare parts kept in the van"}
        )
        wizard.action_confirm()
        self.assertEqual(action.state, "done")
        self.assertEqual(action.measure, "Spare parts kept in the van")
        self.assertTrue(action.date_done)
        with self.assertRaises(AccessError):
            as_member.action_verify()
        action.with_user(self.supervisor).action_verify()
        self.assertEqual(action.verified_by_id, self.supervisor)

    def test_dialog_refused_to_others(self):
        action = self._department_action()
        action.with_user(self.supervisor).action_start()
        other = new_test_user(self.env, "cs_sat_outsider", groups="base.group_user")
        with self.assertRaises(AccessError):
            action.with_user(other).action_open_done_wizard()
        # an agent reads every action but owns none
        wizard = (
            self.env["cs.improvement.action.done.wizard"]
            .with_user(self.agent_a)
            .create({"action_id": action.id, "measure": "Not mine"})
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertEqual(action.state, "in_progress")
        self.assertFalse(action.measure)

    def test_dialog_only_in_progress(self):
        action = self._department_action()
        with self.assertRaises(UserError):
            action.with_user(self.dept_user).action_open_done_wizard()
        wizard = (
            self.env["cs.improvement.action.done.wizard"]
            .with_user(self.dept_user)
            .create({"action_id": action.id, "measure": "Too early"})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(action.state, "open")

    def test_owner_cannot_edit_the_action(self):
        action = self._department_action().with_user(self.dept_user)
        for vals in (
            {"name": "Changed (test)"},
            {"department_id": False, "user_id": self.dept_user.id},
            {"measure": "Direct write"},
        ):
            with self.assertRaises(AccessError):
                action.write(vals)


@tagged("post_install", "-at_install")
class TestOwnerRpc(CsSatisfactionCommon, HttpCase):
    """The department member's client over JSON-RPC: no verify, no edit."""

    def _call(self, method, args):
        response = self.url_open(
            f"/web/dataset/call_kw/cs.improvement.action/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "cs.improvement.action",
                        "method": method,
                        "args": args,
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_rpc_as_department_member(self):
        action = self._manual_action(user_id=False, department_id=self.department.id)
        action.with_user(self.dept_user).action_start()
        action.write({"measure": "Done by the department"})
        action.with_user(self.dept_user).action_done()
        self.authenticate("cs_sat_dept", "cs_sat_dept")
        for method, args in (
            ("action_verify", [[action.id]]),
            ("write", [[action.id], {"name": "Changed over RPC"}]),
            ("write", [[action.id], {"user_id": self.dept_user.id}]),
            ("write", [[action.id], {"state": "verified"}]),
        ):
            with self.subTest(method=method, args=args):
                body = self._call(method, args)
                self.assertIn("error", body)
                self.assertEqual(
                    body["error"]["data"]["name"], "odoo.exceptions.AccessError"
                )
        action.invalidate_recordset()
        self.assertEqual(action.state, "done")
        self.assertEqual(action.name, "Slow replies (test)")
        self.assertFalse(action.verified_by_id)
