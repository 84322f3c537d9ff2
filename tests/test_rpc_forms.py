"""The forms of the archive over JSON-RPC (the web client's own
``/web/dataset/call_kw``), as each role: a change request (客户资料变更申请单,
A3) and a visit (客户访问计划表, H4) change state, approver, dates and the
decided values only through their buttons, whatever ``write`` and
``create`` receive, and the buttons refuse the roles that do not own them.
"""

from rpc_common import RpcCallsMixin

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.common import CsMemberCommon


@tagged("post_install", "-at_install")
class TestRpcForms(RpcCallsMixin, CsMemberCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.cs_key_account_manager_id = cls.manager
        Request = cls.env["cs.member.change.request"]
        cls.request = Request.with_user(cls.agent_a).create(
            {
                "partner_id": cls.customer_a.id,
                "reason": "New mobile (rpc)",
                "new_mobile": "139 0000 1111",
            }
        )
        cls.decided = Request.with_user(cls.agent_a).create(
            {
                "partner_id": cls.customer_a.id,
                "reason": "New city (rpc)",
                "new_city": "Hangzhou",
            }
        )
        cls.decided.with_user(cls.supervisor).action_approve()
        cls.plan = cls.env["cs.member.visit.plan"].search(
            [("partner_id", "=", cls.customer_b.id)]
        )
        cls.plan.user_id = cls.manager
        cls.visit = (
            cls.env["cs.member.visit"]
            .with_user(cls.manager)
            .create(
                {
                    "plan_id": cls.plan.id,
                    "date_planned": "2030-03-20",
                    "purpose": "Yearly review (rpc)",
                }
            )
        )
        cls.roles = {
            "agent": cls.agent_a,
            "other agent": cls.agent_b,
            "supervisor": cls.supervisor,
            "quality": cls.quality,
            "manager": cls.manager,
        }

    def _assert_all_refused(self, writes, roles):
        self.assertWritesRefused(writes, {role: self.roles[role] for role in roles})

    # ------------------------------------------------------------------
    # change requests
    # ------------------------------------------------------------------

    def test_request_decision_only_through_its_buttons(self):
        now = fields.Datetime.to_string(fields.Datetime.now())
        writes = [
            (self.request, {"state": "approved"}),
            (self.request, {"decided_by_id": self.supervisor.id}),
            (self.request, {"date_decided": now}),
            (self.request, {"change_log": "<p>forged</p>"}),
            (self.request, {"user_id": self.agent_b.id}),
            # its values are its customer's: the customer is fixed
            (self.request, {"partner_id": self.customer_a2.id}),
            # decided: nothing changes any more, its values and reason included
            (self.decided, {"state": "to_approve"}),
            (self.decided, {"new_city": "Suzhou"}),
            (self.decided, {"reason": "Another reason"}),
            (self.decided, {"refuse_reason": "Too late"}),
        ]
        self._assert_all_refused(writes, self.roles)
        self.assertEqual(self.customer_a.city, "Hangzhou")

    def test_agent_cannot_decide_nor_refuse_reason(self):
        self._login(self.agent_a)
        for method in ("action_approve", "action_refuse"):
            with self.subTest(method=method):
                self.assertIsNone(
                    self._refusal(self.request._name, method, self.request.ids)
                )
        self.assertIsNone(
            self._refusal(
                self.request._name,
                "write",
                self.request.ids,
                {"refuse_reason": "I changed my mind"},
            )
        )
        self.request.invalidate_recordset()
        self.assertEqual(self.request.state, "to_approve")
        self.assertFalse(self.request.refuse_reason)
        self.customer_a.invalidate_recordset()
        self.assertNotEqual(self.customer_a.mobile, "139 0000 1111")

    def test_agent_cannot_create_a_decided_request(self):
        self._login(self.agent_a)
        for vals in (
            {"state": "approved"},
            {"decided_by_id": self.agent_a.id},
            {"change_log": "<p>forged</p>"},
            {"user_id": self.agent_b.id},
        ):
            with self.subTest(vals=vals):
                self.assertIsNone(
                    self._refusal(
                        "cs.member.change.request",
                        "create",
                        [
                            {
                                "partner_id": self.customer_a.id,
                                "reason": "Forged (rpc)",
                                **vals,
                            }
                        ],
                    )
                )
        self.assertFalse(
            self.env["cs.member.change.request"].search(
                [("reason", "=", "Forged (rpc)")]
            )
        )

    def test_supervisor_approves_through_the_button(self):
        self._login(self.supervisor)
        self._call(self.request._name, "action_approve", self.request.ids)
        self.request.invalidate_recordset()
        self.customer_a.invalidate_recordset()
        self.assertEqual(self.request.state, "approved")
        self.assertEqual(self.request.decided_by_id, self.supervisor)
        self.assertEqual(self.customer_a.mobile, "139 0000 1111")
        # approved once: the button refuses a second time
        self.assertIsNone(
            self._refusal(self.request._name, "action_approve", self.request.ids)
        )

    # ------------------------------------------------------------------
    # visits
    # ------------------------------------------------------------------

    def test_visit_state_only_through_its_buttons(self):
        writes = [
            (self.visit, {"state": "done"}),
            (self.visit, {"state": "cancelled"}),
            (self.visit, {"date_done": "2030-03-20"}),
        ]
        self._assert_all_refused(writes, self.roles)

    def test_visit_cannot_be_created_done(self):
        self._login(self.manager)
        for vals in ({"state": "done"}, {"date_done": "2030-03-20"}):
            with self.subTest(vals=vals):
                self.assertRefused(
                    "cs.member.visit",
                    "create",
                    [
                        {
                            "plan_id": self.plan.id,
                            "date_planned": "2030-03-21",
                            "purpose": "Forged (rpc)",
                            "result": "Never happened",
                            **vals,
                        }
                    ],
                )
        self.assertFalse(
            self.env["cs.member.visit"].search([("purpose", "=", "Forged (rpc)")])
        )

    def test_visit_done_by_its_owner_only(self):
        self.visit.write({"result": "Renewed (rpc)"})
        for role in ("agent", "other agent", "quality"):
            with self.subTest(role=role):
                self._login(self.roles[role])
                self.assertIsNone(
                    self._refusal(self.visit._name, "action_done", self.visit.ids)
                )
        self.visit.invalidate_recordset()
        self.assertEqual(self.visit.state, "planned")
        self._login(self.manager)
        self._call(self.visit._name, "action_done", self.visit.ids)
        self.visit.invalidate_recordset()
        self.assertEqual(self.visit.state, "done")
        self.assertEqual(self.visit.date_done, self.company._cs_today())
        # done: its result and date are fixed
        self._assert_all_refused(
            [
                (self.visit, {"result": "Rewritten"}),
                (self.visit, {"date_planned": "2030-04-01"}),
                (self.visit, {"state": "planned"}),
            ],
            self.roles,
        )

    def test_plan_handed_over_by_supervisors_only(self):
        self._assert_all_refused(
            [(self.plan, {"user_id": self.agent_a.id})], ["agent", "quality"]
        )
        self._login(self.agent_a)
        self.assertIsNone(
            self._refusal(
                "cs.member.visit.plan", "create", [{"partner_id": self.customer_a.id}]
            )
        )
