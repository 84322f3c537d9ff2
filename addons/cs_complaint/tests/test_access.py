# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import freeze_time

from .common import CsComplaintCommon, local


@freeze_time(local("2026-04-08 10:00"))
class TestAccess(CsComplaintCommon):
    """Agents see their own, their team's and the unassigned complaints;
    supervisors, quality and managers all; other employees only those routed
    to their department; portal users only theirs (DESIGN security table)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_complaint(user=cls.agent_a)
        cls.team = cls._create_complaint(user=cls.agent_a2, partner=cls.customer_a2)
        cls.other_team = cls._create_complaint(user=cls.agent_b, partner=cls.customer_b)
        cls.unassigned = cls._create_complaint(user=cls.env["res.users"])
        cls.unassigned.user_id = False
        cls.routed = cls._create_complaint(
            user=cls.agent_b,
            partner=cls.customer_b,
            department_id=cls.dept_after_sales.id,
        )
        cls.portal_partner = cls.portal_user.partner_id
        cls.portal_own = cls._create_complaint(
            user=cls.agent_b, partner=cls.portal_partner
        )
        cls.all = (
            cls.mine
            | cls.team
            | cls.other_team
            | cls.unassigned
            | cls.routed
            | cls.portal_own
        )

    def _visible(self, user):
        return self.Complaint.with_user(user).search([("id", "in", self.all.ids)])

    def test_agent_scope(self):
        self.assertEqual(
            self._visible(self.agent_a), self.mine | self.team | self.unassigned
        )
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent_a).read(["name"])
        with self.assertRaises(AccessError):
            self.other_team.with_user(self.agent_a).write({"subject": "x"})
        self.mine.with_user(self.agent_a).write({"subject": "Leak"})
        self.assertEqual(self.mine.subject, "Leak")

    def test_supervisor_quality_manager_see_all(self):
        for user in (self.supervisor, self.quality, self.manager):
            self.assertEqual(self._visible(user), self.all)

    def test_department_member_scope(self):
        self.assertEqual(self._visible(self.dept_member_user), self.routed)
        self.assertEqual(self._visible(self.dept_manager_user), self.routed)
        self.assertFalse(self._visible(self.other_dept_user))
        self.assertFalse(self._visible(self.internal_user))
        with self.assertRaises(AccessError):
            self.mine.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.routed.with_user(self.dept_member_user).write({"subject": "x"})
        with self.assertRaises(AccessError):
            self.Complaint.with_user(self.internal_user).create(
                {"partner_id": self.customer_a.id, "description": "<p>x</p>"}
            )

    def test_portal_scope(self):
        self.assertEqual(self._visible(self.portal_user), self.portal_own)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.portal_own.with_user(self.portal_user).write({"subject": "x"})

    def test_configuration_rights(self):
        policy = self.sla_normal
        for user in (self.agent_a, self.supervisor, self.internal_user):
            with self.assertRaises(AccessError):
                policy.with_user(user).write({"reply_days": 4})
            with self.assertRaises(AccessError):
                self.cat_service.with_user(user).write({"name": "x"})
            with self.assertRaises(AccessError):
                self.env["cs.resource.makeup.day"].with_user(user).create(
                    {"calendar_id": self.calendar.id, "date": "2026-04-12"}
                )
        policy.with_user(self.manager).write({"reply_days": 4})
        self.env["cs.resource.makeup.day"].with_user(self.manager).create(
            {"calendar_id": self.calendar.id, "date": "2026-04-12"}
        )

    def test_penalty_scope(self):
        penalty = self.env["cs.complaint.penalty"].create(
            {
                "complaint_id": self.other_team.id,
                "employee_id": self.emp_dept_member.id,
                "amount": 200,
                "reason": "Late",
            }
        )
        own_penalty = self.env["cs.complaint.penalty"].create(
            {
                "complaint_id": self.other_team.id,
                "employee_id": self.emp_agent_a.id,
                "amount": 200,
                "reason": "Rude",
            }
        )
        Penalty = self.env["cs.complaint.penalty"]
        self.assertEqual(
            Penalty.with_user(self.agent_a).search(
                [("id", "in", (penalty | own_penalty).ids)]
            ),
            own_penalty,
        )
        with self.assertRaises(AccessError):
            penalty.with_user(self.agent_a).read(["amount"])
        with self.assertRaises(AccessError):
            own_penalty.with_user(self.agent_a).write({"amount": 300})
        for user in (self.internal_user, self.dept_member_user, self.portal_user):
            with self.assertRaises(AccessError):
                penalty.with_user(user).read(["amount"])
        self.assertEqual(
            Penalty.with_user(self.supervisor).search(
                [("id", "in", (penalty | own_penalty).ids)]
            ),
            penalty | own_penalty,
        )

    def test_reply_records_scope(self):
        self.env["cs.complaint.reply.wizard"].with_user(self.dept_member_user).create(
            {"complaint_id": self.routed.id, "body": "<p>Done</p>"}
        ).action_send()
        reply = self.routed.reply_ids
        self.assertTrue(reply.with_user(self.dept_manager_user).read(["body"]))
        for user in (self.other_dept_user, self.agent_a, self.portal_user):
            with self.assertRaises(AccessError):
                reply.with_user(user).read(["body"])
        for user in (self.dept_member_user, self.supervisor):
            with self.assertRaises(AccessError):
                reply.with_user(user).write({"body": "<p>changed</p>"})
