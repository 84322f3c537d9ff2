# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time

from .common import CsComplaintCommon, local


@freeze_time(local("2026-04-08 10:00"))
class TestRouting(CsComplaintCommon):
    """Routing to the responsible department: its manager is asked to reply
    within the working days of the policy, its members see the complaint and
    their reply stops the clock."""

    def _reply_activity(self, complaint):
        return complaint.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("cs_complaint.mail_activity_type_department_reply")
        )

    def _reply(self, complaint, user, text="We replaced the seal."):
        wizard = (
            self.env["cs.complaint.reply.wizard"]
            .with_user(user)
            .create({"complaint_id": complaint.id, "body": f"<p>{text}</p>"})
        )
        return wizard.action_send()

    def test_routing_asks_department_manager(self):
        complaint = self._create_complaint()
        self.assertFalse(self._reply_activity(complaint))
        complaint.with_user(self.agent_a).department_id = self.dept_after_sales
        activity = self._reply_activity(complaint)
        self.assertEqual(activity.user_id, self.dept_manager_user)
        self.assertEqual(activity.summary, "Reply within 3 working days")
        self.assertEqual(complaint.date_routed, local("2026-04-08 10:00"))
        self.assertEqual(complaint.date_reply_deadline, local("2026-04-13 18:00"))
        self.assertEqual(str(activity.date_deadline), "2026-04-13")
        self.assertIn(self.dept_manager_user.partner_id, complaint.message_partner_ids)

    def test_department_members_read_and_reply(self):
        complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        as_member = complaint.with_user(self.dept_member_user)
        self.assertEqual(as_member.name, complaint.name)
        with self.assertRaises(AccessError):
            as_member.write({"severity": "normal"})
        with self.assertRaises(AccessError):
            complaint.with_user(self.other_dept_user).read(["name"])
        with self.assertRaises(AccessError):
            self._reply(complaint, self.other_dept_user)
        with freeze_time(local("2026-04-09 11:00")):
            self._reply(complaint, self.dept_member_user)
        reply = complaint.reply_ids
        self.assertEqual(reply.user_id, self.dept_member_user)
        self.assertEqual(reply.department_id, self.dept_after_sales)
        self.assertIn("replaced the seal", reply.body)
        self.assertFalse(reply.is_late)
        self.assertEqual(complaint.date_reply, local("2026-04-09 11:00"))
        self.assertFalse(self._reply_activity(complaint))
        self.assertIn("replaced the seal", complaint.message_ids[0].body)
        self.assertEqual(
            complaint.message_ids[0].author_id, self.dept_member_user.partner_id
        )
        # a second reply is recorded, the clock stays at the first
        with freeze_time(local("2026-04-14 11:00")):
            self._reply(complaint, self.dept_manager_user, "Parts ordered.")
        self.assertEqual(len(complaint.reply_ids), 2)
        self.assertEqual(complaint.date_reply, local("2026-04-09 11:00"))

    def test_late_reply_flagged_and_empty_reply_refused(self):
        complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        with self.assertRaisesText(UserError, "empty"):
            self._reply(complaint, self.dept_member_user, "")
        with freeze_time(local("2026-04-14 09:00")):
            self._reply(complaint, self.dept_member_user)
        self.assertTrue(complaint.reply_ids.is_late)

    def test_rerouting_restarts_the_clock(self):
        complaint = self._create_complaint(department_id=self.dept_after_sales.id)
        self._reply(complaint, self.dept_member_user)
        with freeze_time(local("2026-04-09 10:00")):
            complaint.department_id = self.dept_finance
        self.assertFalse(complaint.date_reply)
        self.assertEqual(complaint.date_routed, local("2026-04-09 10:00"))
        self.assertEqual(complaint.date_reply_deadline, local("2026-04-14 18:00"))
        # finance has no manager: noted in the chatter, nobody asked
        self.assertIn("has no manager", complaint.message_ids[0].body)
        self.assertTrue(complaint.with_user(self.other_dept_user).read(["name"]))
        with self.assertRaises(AccessError):
            complaint.with_user(self.dept_member_user).read(["name"])

    def test_category_routes_whatever_the_channel(self):
        """The category's department and severity apply on the server: an
        e-mail, a portal post or an import routes like the agent's form."""
        category = self.env["cs.complaint.category"].create(
            {
                "name": "Installation (test)",
                "department_id": self.dept_after_sales.id,
                "default_severity": "serious",
            }
        )
        routed, chosen = self.Complaint.with_user(self.agent_a).create(
            [
                {
                    "partner_id": self.customer_a.id,
                    "description": "<p>The installer broke the wall.</p>",
                    "channel": "email",
                    "category_id": category.id,
                },
                {
                    "partner_id": self.customer_a.id,
                    "description": "<p>The invoice is wrong.</p>",
                    "category_id": category.id,
                    "department_id": self.dept_finance.id,
                    "severity": "critical",
                },
            ]
        )
        self.assertEqual(routed.department_id, self.dept_after_sales)
        self.assertEqual(routed.severity, "serious")
        self.assertEqual(routed.date_routed, local("2026-04-08 10:00"))
        self.assertTrue(routed.date_reply_deadline)
        self.assertEqual(self._reply_activity(routed).user_id, self.dept_manager_user)
        # what the agent chose is kept
        self.assertEqual(chosen.department_id, self.dept_finance)
        self.assertEqual(chosen.severity, "critical")
        # a saved complaint keeps its handler's choice when recategorised
        later = self._create_complaint()
        later.with_user(self.agent_a).category_id = category
        self.assertFalse(later.department_id)
        self.assertEqual(later.severity, "normal")

    def test_agent_form_registers_fast(self):
        self.customer_a.phone = "021-6666 1234"
        with Form(self.Complaint.with_user(self.agent_a)) as form:
            form.lookup_phone = "02166661234"
            self.assertEqual(form.partner_id, self.customer_a)
            form.description = "<p>Rude installer</p>"
            form.category_id = self.cat_attitude
            form.department_id = self.dept_after_sales
        complaint = form.record
        self.assertEqual(complaint.user_id, self.agent_a)
        self.assertEqual(complaint.channel, "phone")
        self.assertTrue(self._reply_activity(complaint))
