# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import config, mute_logger


@tagged("post_install", "-at_install")
class TestHideTracebacks(HttpCase):
    """With ``cs_hide_tracebacks = True`` a JSON-RPC error carries no
    traceback, except for administrators."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, "cs_tb_agent", groups="base.group_user,cs_member.group_cs_agent"
        )
        cls.card = cls.env["cs.member.card"].create(
            {
                "partner_id": cls.agent.partner_id.id,
                "level_id": cls.env.ref("cs_member.cs_member_level_silver").id,
            }
        )

    def _error(self, login, model="res.partner", args=None):
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": "write",
                "args": args or [[self.agent.partner_id.id], {"no_such_field": 1}],
                "kwargs": {},
            },
        }
        # the server logs the traceback it hides: expected here
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/web/dataset/call_kw",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        return response.json()["error"]["data"]

    def test_hidden_for_users(self):
        with patch.dict(config.options, {"cs_hide_tracebacks": "True"}):
            data = self._error("cs_tb_agent")
        self.assertEqual(data["debug"], "")
        self.assertNotIn("no_such_field", data["message"])
        self.assertIn("server log", data["message"])

    def test_user_errors_keep_their_message(self):
        with patch.dict(config.options, {"cs_hide_tracebacks": "True"}):
            data = self._error(
                "cs_tb_agent", "cs.member.card", [[self.card.id], {"state": "active"}]
            )
        self.assertEqual(data["debug"], "")
        self.assertTrue(data["name"].startswith("odoo.exceptions."))
        self.assertNotIn("server log", data["message"])

    def test_shown_to_admins_and_by_default(self):
        with patch.dict(config.options, {"cs_hide_tracebacks": "True"}):
            self.assertIn("Traceback", self._error("admin")["debug"])
        with patch.dict(config.options, {"cs_hide_tracebacks": "False"}):
            self.assertIn("Traceback", self._error("cs_tb_agent")["debug"])
