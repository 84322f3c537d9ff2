# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tests.common import JsonRpcException

from .common import CsWorklogCommon, local


@tagged("post_install", "-at_install")
class TestWorklogRpc(CsWorklogCommon, HttpCase):
    """Over JSON-RPC (the web client's ``/web/dataset/call_kw``), the
    figures and states of logs and summaries are refused to every role;
    the buttons work for the roles that own them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(local("2026-04-08 18:00")):
            cls.log = cls.Worklog.with_user(cls.agent_a).create({})
            cls.summary = (
                cls.env["cs.worklog.summary"]
                .with_user(cls.supervisor)
                .create(
                    {
                        "period_kind": "month",
                        "date_from": "2026-04-01",
                        "achievements": "Coverage up",
                        "plan": "Train the agents",
                    }
                )
            )

    def _call(self, user, model, method, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def assertRefused(self, user, model, method, *args):
        with self.assertRaises(JsonRpcException) as caught:
            self._call(user, model, method, *args)
        self.assertTrue(str(caught.exception).startswith("odoo.exceptions."))

    def test_log_figures_and_state_refused(self):
        for user in (self.agent_a, self.supervisor, self.manager):
            for vals in (
                {"state": "submitted"},
                {"callback_done": 50},
                {"complaint_resolved_in_time": 5},
                {"date": "2026-04-01"},
            ):
                self.assertRefused(user, "cs.worklog", "write", self.log.ids, vals)
        self.assertRefused(
            self.agent_a2, "cs.worklog", "create", {"user_id": self.agent_a.id}
        )
        self.assertEqual(
            (self.log.state, self.log.callback_done), ("draft", 2), "nothing changed"
        )

    def test_summary_acknowledged_by_the_manager_only(self):
        self._call(
            self.supervisor, "cs.worklog.summary", "action_submit", self.summary.ids
        )
        for user in (self.supervisor, self.agent_a):
            self.assertRefused(
                user, "cs.worklog.summary", "action_acknowledge", self.summary.ids
            )
        self.assertRefused(
            self.supervisor,
            "cs.worklog.summary",
            "write",
            self.summary.ids,
            {"state": "acknowledged"},
        )
        self._call(
            self.manager, "cs.worklog.summary", "action_acknowledge", self.summary.ids
        )
        self.assertEqual(self.summary.state, "acknowledged")
