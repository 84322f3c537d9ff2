# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CsComplaintCommon


@tagged("post_install", "-at_install")
class TestDepartmentInbox(CsComplaintCommon):
    """Complaints to Answer (部门投诉): what another department sees and does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_repair = cls.env["hr.department"].create(
            {"name": "Repair team (test)", "parent_id": cls.dept_after_sales.id}
        )
        cls.complaint = cls._create_complaint(department_id=cls.dept_after_sales.id)
        cls.sub_complaint = cls._create_complaint(department_id=cls.dept_repair.id)
        cls.reply_type = cls.env.ref("cs_complaint.mail_activity_type_department_reply")

    def _inbox(self, user):
        return (
            self.env["cs.complaint"]
            .with_user(user)
            .search([("is_my_department", "=", True)])
        )

    def test_inbox_shows_the_department_and_its_sub_departments(self):
        inbox = self._inbox(self.dept_member_user)
        self.assertIn(self.complaint, inbox)
        self.assertIn(self.sub_complaint, inbox)
        self.assertIn(self.complaint, self._inbox(self.dept_manager_user))
        self.assertFalse(self._inbox(self.other_dept_user))
        # the record rule agrees: the sub-department's complaint is readable
        self.sub_complaint.with_user(self.dept_member_user).read(["name"])
        with self.assertRaises(AccessError):
            self.complaint.with_user(self.other_dept_user).read(["name"])

    def test_manager_names_who_answers_and_the_activity_moves(self):
        activity = self.complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == self.reply_type
        )
        self.assertEqual(activity.user_id, self.dept_manager_user)
        self.complaint.with_user(self.dept_manager_user).write(
            {"department_user_id": self.dept_member_user.id}
        )
        self.assertEqual(self.complaint.department_user_id, self.dept_member_user)
        self.assertEqual(activity.user_id, self.dept_member_user)
        self.assertIn(
            self.dept_member_user.partner_id, self.complaint.message_partner_ids
        )
        # the member finds it under Mine and answers it
        mine = (
            self.env["cs.complaint"]
            .with_user(self.dept_member_user)
            .search([("department_user_id", "=", self.dept_member_user.id)])
        )
        self.assertIn(self.complaint, mine)

    def test_only_the_manager_names_a_member_of_the_department(self):
        for user in (self.dept_member_user, self.other_dept_user, self.agent_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.complaint.with_user(user).write(
                    {"department_user_id": self.dept_member_user.id}
                )
        with self.assertRaises(ValidationError):
            self.complaint.with_user(self.dept_manager_user).write(
                {"department_user_id": self.other_dept_user.id}
            )

    def test_persons_complained_about_are_told_the_result(self):
        complaint = self._create_complaint(
            department_id=self.dept_after_sales.id,
            responsible_employee_ids=[(6, 0, self.emp_dept_member.ids)],
        )
        complaint = self._advance(complaint, "resolved")
        note = complaint.message_ids.filtered(
            lambda m: self.dept_member_user.partner_id in m.partner_ids
            and "resolved" in (m.body or "")
        )
        self.assertTrue(note)
        self.assertEqual(note[:1].subtype_id, self.env.ref("mail.mt_note"))
