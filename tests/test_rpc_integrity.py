"""The server is the only judge: over JSON-RPC (the web client's own
``/web/dataset/call_kw``), as each role, every workflow field is refused by
``write`` and ``create``, a sample of forbidden reads is refused, and the
buttons still work for the roles that own them.
"""

import os
import unittest

from rpc_common import RpcCallsMixin

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.cs_kpi.tests.common import CsKpiCommon

# narrowed runs (make test MODULES=...) may not install the whole suite
SUITE_INSTALLED = "cs_kpi" in os.environ.get("CS_MODULES", "cs_kpi")


@unittest.skipUnless(SUITE_INSTALLED, "needs every module of the suite (cs_kpi)")
@tagged("post_install", "-at_install")
class TestRpcIntegrity(RpcCallsMixin, CsKpiCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_partner = cls.portal_user.partner_id
        cls.complaint = cls._create_complaint(
            partner=cls.portal_partner,
            category_id=cls.cat_service.id,
            department_id=cls.dept_after_sales.id,
            root_cause="Seal mounted wrongly",
            summary="Internal summary",
            responsible_employee_ids=[Command.set(cls.emp_agent_a.ids)],
        )
        investigating = cls._advance(cls._create_complaint(), "investigating")
        cls.penalty = cls.env["cs.complaint.penalty"].create(
            {
                "complaint_id": investigating.id,
                "employee_id": cls.emp_agent_a.id,
                "role": "direct",
                "amount": 200.0,
                "reason": "Fitted the seal wrongly",
            }
        )
        cls.reply = (
            cls.env["cs.complaint.reply.wizard"]
            .with_user(cls.dept_member_user)
            .create({"complaint_id": cls.complaint.id, "body": "<p>On it</p>"})
        )
        cls.reply.action_send()
        cls.reply = cls.complaint.reply_ids[:1]
        cls.callback = cls.env["cs.callback"].create(
            {
                "partner_id": cls.customer_a.id,
                "user_id": cls.agent_a.id,
                "date_deadline": fields.Date.today(),
            }
        )
        cls.plan = cls.env["cs.callback.plan"].create(
            {"name": "RPC plan", "kind": "routine", "agent_ids": cls.agent_a.ids}
        )
        cls.card = cls.env["cs.member.card"].create(
            {"partner_id": cls.customer_a.id, "level_id": cls.silver.id}
        )
        cls.period.with_user(cls.supervisor).action_compute()
        cls.scorecard = cls._card_of(cls.emp_agent_a)
        cls.line = cls.scorecard.line_ids.filtered(lambda line: not line.is_manual)[:1]
        cls.event = cls._event(cls.emp_agent_a, "praise", state="draft")
        cls.inspection = cls.env["cs.qa.inspection"].create(
            {
                "agent_id": cls.agent_a.id,
                "form_id": cls.qa_form.id,
                "date": "2026-04-10",
            }
        )

        cls.company_b = cls.env["res.company"].create({"name": "Company B (rpc)"})
        cls.manager_b = new_test_user(
            cls.env,
            "cs_manager_b",
            groups="base.group_user,cs_member.group_cs_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.roles = {
            "agent": cls.agent_a,
            "supervisor": cls.supervisor,
            "quality": cls.quality,
            "manager": cls.manager,
            "other department": cls.dept_member_user,
            "portal": cls.portal_user,
            "admin": cls.env.ref("base.user_admin"),
        }

    @classmethod
    def _card_of(cls, employee):
        return cls.env["cs.kpi.scorecard"].search(
            [("period_id", "=", cls.period.id), ("employee_id", "=", employee.id)]
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _protected_writes(self):
        """(record, values) that no client may write, whoever it is."""
        now = fields.Datetime.to_string(fields.Datetime.now())
        company = []
        if "cs_weekly_report_date" in self.env["res.company"]._fields:
            # cs_kpi_service: the week whose after-sales report was sent
            company = [(self.env.company, {"cs_weekly_report_date": "2030-01-07"})]
        return company + [
            (self.complaint, {"state": "closed"}),
            (self.complaint, {"state": "approved", "approved_by_id": self.manager.id}),
            (self.complaint, {"date_closed": now}),
            (self.complaint, {"sla_status": "breached"}),
            (self.complaint, {"escalation_level": "manager"}),
            (self.complaint, {"reopen_count": 7}),
            (self.complaint, {"sla_met": True}),
            (self.complaint, {"handling_hours": 1.0}),
            (self.penalty, {"state": "confirmed"}),
            (self.reply, {"is_late": True}),
            (self.callback, {"state": "done"}),
            (self.callback, {"attempt_count": 9}),
            (self.plan, {"state": "running"}),
            (self.card, {"state": "active"}),
            (self.customer_a, {"cs_points": 999999}),
            (self.period, {"state": "published"}),
            (self.period, {"date_report_sent": now}),
            (self.scorecard, {"rank": 7}),
            (self.scorecard, {"grade": "A"}),
            (self.scorecard, {"total_score": 100.0}),
            (self.line, {"is_manual": True}),
            (self.line, {"score": 100.0}),
            (self.event, {"state": "confirmed"}),
            (self.inspection, {"state": "done"}),
        ]

    # ------------------------------------------------------------------
    # tests
    # ------------------------------------------------------------------

    def test_protected_writes_refused_for_every_role(self):
        self.assertWritesRefused(self._protected_writes(), self.roles)

    def test_protected_creates_refused(self):
        creates = [
            (
                "cs.complaint",
                {
                    "partner_id": self.customer_a.id,
                    "description": "<p>x</p>",
                    "state": "closed",
                },
            ),
            (
                "cs.callback",
                {
                    "partner_id": self.customer_a.id,
                    "user_id": self.agent_a.id,
                    "date_deadline": "2026-04-30",
                    "state": "done",
                },
            ),
            (
                "cs.kpi.event",
                {
                    "employee_id": self.emp_agent_a.id,
                    "kind": "reward",
                    "amount": 500.0,
                    "date": "2026-04-15",
                    "reason": "x",
                    "state": "confirmed",
                },
            ),
            (
                "cs.member.card",
                {
                    "partner_id": self.customer_b.id,
                    "level_id": self.gold.id,
                    "state": "active",
                },
            ),
        ]
        accepted = []
        for role in ("agent", "supervisor", "manager", "admin"):
            self._login(self.roles[role])
            for model, vals in creates:
                problem = self._refusal(model, "create", [vals])
                if problem:
                    accepted.append(f"{role}: {model} {problem}")
        self.assertEqual(accepted, [], "protected creates that passed")

    def test_forbidden_reads(self):
        self._login(self.portal_user)
        for fname in (
            "root_cause",
            "summary",
            "approved_by_id",
            "responsible_employee_ids",
        ):
            with self.subTest(portal=fname):
                self.assertRefused("cs.complaint", "read", self.complaint.ids, [fname])
        # a manager of company B reads nothing of company A's ledger
        self._login(self.manager_b)
        self.assertRefused("cs.kpi.event", "read", self.event.ids, ["amount"])
        # another department's member: no callbacks, no ledger, no scorecards
        self._login(self.dept_member_user)
        for record in (self.callback, self.event, self.scorecard):
            with self.subTest(other_department=record._name):
                self.assertRefused(record._name, "read", record.ids, ["display_name"])
        # quality inspectors only read complaints
        self._login(self.quality)
        self.assertRefused(
            "cs.complaint", "write", self.complaint.ids, {"subject": "x"}
        )
        # agents do not export customer lists
        self._login(self.agent_a)
        self.assertRefused(
            "res.partner", "export_data", self.customer_a.ids, ["name", "email"]
        )

    def test_buttons_work_for_their_owners(self):
        self._login(self.agent_a)
        complaint = self._create_complaint(category_id=self.cat_product.id)
        self._call("cs.complaint", "action_assess", complaint.ids)
        self._call(
            "cs.callback",
            "write",
            self.callback.ids,
            {"outcome": "reached", "satisfaction": "satisfied", "score": 5},
        )
        self._call("cs.callback", "action_done", self.callback.ids)

        self._login(self.supervisor)
        self._call("cs.member.card", "action_activate", self.card.ids)

        self._login(self.quality)
        self._call("cs.qa.inspection", "action_done", self.inspection.ids)

        self._login(self.manager)
        self._call("cs.complaint.penalty", "action_confirm", self.penalty.ids)
        self._call("cs.kpi.event", "action_confirm", self.event.ids)
        self._call("cs.kpi.period", "action_confirm", self.period.ids)
        self._call("cs.kpi.period", "action_publish", self.period.ids)

        for record, state in (
            (complaint, "assessed"),
            (self.callback, "done"),
            (self.card, "active"),
            (self.inspection, "done"),
            (self.penalty, "confirmed"),
            (self.event, "confirmed"),
            (self.period, "published"),
        ):
            record.invalidate_recordset()
            self.assertEqual(record.state, state, record._name)
