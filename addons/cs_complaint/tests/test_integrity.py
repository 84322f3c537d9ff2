# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.cs_complaint import WORKFLOW_FIELDS
from .common import CsComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintIntegrity(CsComplaintCommon):
    """The regulations hold on the server, whatever a client writes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "agent": cls.agent_a,
            "supervisor": cls.supervisor,
            "quality": cls.quality,
            "manager": cls.manager,
            "admin": cls.admin_user,
        }

    def _sample_value(self, complaint, fname):
        field = complaint._fields[fname]
        now = fields.Datetime.now()
        return {
            "many2one": {
                "approved_by_id": self.manager.id,
                "sla_id": self.sla_serious.id,
                "repeat_of_id": self._create_complaint().id,
            }.get(fname),
            "datetime": fields.Datetime.to_string(now.replace(year=2030)),
            "boolean": not complaint[fname],
            "float": 99.0,
            "integer": 9,
            "char": "TS-FORGED",
            "selection": {
                "sla_status": "breached",
                "escalation_level": "2",
                "state": "closed",
            }.get(fname),
        }[field.type]

    def test_every_workflow_field_refused_for_every_role(self):
        complaint = self._create_complaint()
        for fname in sorted(WORKFLOW_FIELDS | {"state"}):
            value = self._sample_value(complaint, fname)
            for role, user in self.users.items():
                with (
                    self.subTest(field=fname, role=role),
                    self.assertRaises(AccessError),
                ):
                    complaint.with_user(user).write({fname: value})
        self.assertEqual(complaint.state, "new")
        self.assertEqual(complaint.reopen_count, 0)

    def test_create_in_the_initial_state_only(self):
        Complaint = self.env["cs.complaint"].with_user(self.agent_a)
        vals = {"partner_id": self.customer_a.id, "description": "<p>x</p>"}
        for extra in (
            {"state": "closed"},
            {"sla_status": "breached"},
            {"approved_by_id": self.manager.id},
            {"name": "TS-FORGED"},
        ):
            with self.subTest(extra=extra), self.assertRaises(AccessError):
                Complaint.create(dict(vals, **extra))
        with self.assertRaises(AccessError):
            Complaint.with_context(default_state="approved").create(vals)
        self.assertEqual(Complaint.create(dict(vals, state="new")).state, "new")

    def test_actions_still_work(self):
        complaint = self._create_complaint(category_id=self.cat_service.id)
        complaint.with_user(self.agent_a).action_assess()
        self.assertEqual(complaint.state, "assessed")
        complaint = self._advance(complaint, "closed")
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.date_closed)
        complaint.with_user(self.supervisor).action_reopen()
        self.assertEqual(
            (complaint.state, complaint.reopen_count), ("investigating", 1)
        )

    def test_severity_and_compensation_locked_once_proposed(self):
        complaint = self._advance(self._create_complaint(), "proposed")
        for vals in (
            {"severity": "serious"},
            {"compensation_amount": 50.0},
            {"compensation_kind": "voucher"},
        ):
            for user in (self.supervisor, self.manager):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(UserError),
                ):
                    complaint.with_user(user).write(vals)
        # a supervisor lowers nothing, approves, then sets it back: refused
        complaint.with_user(self.supervisor).action_approve()
        with self.assertRaises(UserError):
            complaint.with_user(self.supervisor).write({"severity": "critical"})
        # unchanged values pass (the web client sends them back)
        complaint.with_user(self.supervisor).write({"severity": "normal"})
        # reopening unlocks them
        complaint = self._advance(complaint, "resolved")
        complaint.with_user(self.supervisor).action_reopen()
        complaint.with_user(self.supervisor).write({"severity": "serious"})
        self.assertEqual(complaint.severity, "serious")

    def test_quality_inspectors_only_read(self):
        complaint = self._advance(self._create_complaint(user=self.agent_b), "resolved")
        as_quality = complaint.with_user(self.quality)
        self.assertEqual(as_quality.name, complaint.name)
        for vals in ({"summary": "closed by a write"}, {"state": "closed"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_quality.write(vals)
        with self.assertRaises(AccessError):
            as_quality.action_close()
        self.assertEqual(complaint.state, "resolved")

    def test_no_penalty_on_a_rejected_complaint(self):
        complaint = self._create_complaint(reject_reason="Not our product")
        complaint.with_user(self.supervisor).action_reject()
        with self.assertRaisesRegex(ValidationError, "rejected"):
            self.env["cs.complaint.penalty"].with_user(self.supervisor).create(
                {
                    "complaint_id": complaint.id,
                    "employee_id": self.emp_agent_a.id,
                    "role": "direct",
                    "amount": 300.0,
                    "reason": "x",
                }
            )

    def test_confirmed_penalty_frozen(self):
        complaint = self._advance(self._create_complaint(), "investigating")
        penalty = self.env["cs.complaint.penalty"].create(
            {
                "complaint_id": complaint.id,
                "employee_id": self.emp_agent_a.id,
                "role": "direct",
                "amount": 300.0,
                "reason": "Rude on the phone",
            }
        )
        for user in (self.supervisor, self.manager, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                penalty.with_user(user).write({"state": "confirmed"})
        penalty.with_user(self.manager).action_confirm()
        for vals in ({"amount": 200.0}, {"reason": "x"}, {"state": "proposed"}):
            for user in (self.manager, self.admin_user):
                # AccessError is a UserError
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(UserError),
                ):
                    penalty.with_user(user).write(vals)
        self.assertEqual((penalty.state, penalty.amount), ("confirmed", 300.0))

    def test_same_department_keeps_the_reply_clock(self):
        complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        routed = complaint.date_routed
        self.env["cs.complaint.reply.wizard"].with_user(self.dept_member_user).create(
            {"complaint_id": complaint.id, "body": "<p>Done</p>"}
        ).action_send()
        replied = complaint.date_reply
        self.assertTrue(replied)
        activities = complaint.activity_ids
        complaint.with_user(self.supervisor).write(
            {"department_id": self.dept_after_sales.id}
        )
        self.assertEqual(complaint.date_routed, routed)
        self.assertEqual(complaint.date_reply, replied)
        self.assertEqual(complaint.activity_ids, activities, "no new reply request")
        # another department restarts it
        complaint.with_user(self.supervisor).write(
            {"department_id": self.dept_finance.id}
        )
        self.assertFalse(complaint.date_reply)

    def test_reply_record_cannot_be_rewritten(self):
        complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        self.env["cs.complaint.reply.wizard"].with_user(self.dept_member_user).create(
            {"complaint_id": complaint.id, "body": "<p>On time</p>"}
        ).action_send()
        reply = complaint.reply_ids
        for user in (self.manager, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                reply.with_user(user).write({"is_late": True})

    def test_after_complaint_callback_cancelled_by_supervisors_only(self):
        complaint = self._advance(self._create_complaint(), "resolved")
        callback = complaint.callback_ids
        self.assertEqual(callback.kind, "after_complaint")
        with self.assertRaises(AccessError):
            callback.with_user(self.agent_a).action_cancel()
        self.assertEqual(callback.state, "todo")
        callback.with_user(self.supervisor).action_cancel()
        self.assertEqual(callback.state, "cancelled")
        # an ordinary callback: its agent cancels it
        other = self._create_callback(self.customer_a, self.agent_a)
        other.with_user(self.agent_a).action_cancel()
        self.assertEqual(other.state, "cancelled")

    def test_callback_done_only_through_its_button(self):
        callback = self._create_callback(self.customer_a, self.agent_a)
        for vals in (
            {"state": "done"},
            {"attempt_count": 3},
            {"date_done": "2026-01-01"},
        ):
            for user in (self.agent_a, self.supervisor, self.admin_user):
                with (
                    self.subTest(vals=vals, user=user.login),
                    self.assertRaises(AccessError),
                ):
                    callback.with_user(user).write(vals)
        callback.with_user(self.agent_a).write(
            {"outcome": "reached", "satisfaction": "satisfied", "score": 5}
        )
        callback.with_user(self.agent_a).action_done()
        self.assertEqual(callback.state, "done")
        # what was recorded of the call is fixed once it is over
        with self.assertRaises(UserError):
            callback.with_user(self.supervisor).write({"satisfaction": "unsatisfied"})

    def test_category_proposes_department_and_severity(self):
        category = self.env["cs.complaint.category"].create(
            {
                "name": "Installation (test)",
                "department_id": self.dept_after_sales.id,
                "default_severity": "serious",
            }
        )
        form = Form(self.env["cs.complaint"].with_user(self.agent_a))
        form.partner_id = self.customer_a
        form.description = "<p>The installer broke the wall.</p>"
        form.category_id = category
        self.assertEqual(form.department_id, self.dept_after_sales)
        self.assertEqual(form.severity, "serious")
        complaint = form.save()
        # saving routes it as any department change does
        self.assertTrue(complaint.date_routed)
        self.assertTrue(complaint.date_reply_deadline)
