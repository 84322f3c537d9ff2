# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import CsComplaintCommon, local

HANDLING_REPORT = "cs_complaint.action_report_complaint_handling"


@freeze_time(local("2026-04-08 10:00"))
@tagged("post_install", "-at_install")
class TestComplaintHandlingReport(ReportTestMixin, CsComplaintCommon):
    """客户投诉处理表: the internal handling form of a complaint, with its
    registration, investigation, department reply, approval, penalties and
    summary; printed by customer service only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.complaint = cls._create_complaint(
            subject="Washing machine leaks 洗衣机漏水",
            customer_request="Replace the machine 更换新机",
        )
        cls.complaint = cls._advance(
            cls.complaint,
            "investigating",
            root_cause="Seal mounted wrongly 密封圈装反",
            solution="Replace the seal and check the drain",
            summary="Train the fitters 培训安装工",
        )
        cls.env["cs.complaint.reply.wizard"].with_user(cls.dept_manager_user).create(
            {
                "complaint_id": cls.complaint.id,
                "body": "<p>The fitter mounted the seal upside down.</p>",
            }
        ).action_send()
        cls.penalty = (
            cls.env["cs.complaint.penalty"]
            .with_user(cls.supervisor)
            .create(
                {
                    "complaint_id": cls.complaint.id,
                    "employee_id": cls.emp_dept_member.id,
                    "role": "direct",
                    "amount": 300,
                    "reason": "Wrong seal mounted 安装错误",
                }
            )
        )
        cls.complaint = cls._advance(cls.complaint, "closed")

    def _html(self, user):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(HANDLING_REPORT, self.complaint.ids)
        )
        return html.decode()

    def test_handling_form_html(self):
        """Every part of the handling: registration, cause and solution,
        the department's reply, the approval, the penalty, the summary and
        the three signatures."""
        html = self._html(self.agent_a)
        for text in (
            "Complaint Handling Form",
            self.complaint.name,
            "Washing machine leaks 洗衣机漏水",
            "Replace the machine 更换新机",
            "Seal mounted wrongly 密封圈装反",
            "Replace the seal and check the drain",
            "Department Replies",
            "The fitter mounted the seal upside down.",
            "Approval",
            self.manager.name,
            "Penalties",
            self.emp_dept_member.name,
            "Directly Responsible",
            "300.00",
            "Wrong seal mounted 安装错误",
            "Proposed",
            "Train the fitters 培训安装工",
            "Handler: ____",
            "Supervisor: ____",
            "Manager: ____",
        ):
            self.assertIn(text, html)

    def test_handling_form_pdf(self):
        text = self._pdf_text(self._render_pdf(HANDLING_REPORT, self.complaint))
        self.assertIn("Complaint Handling Form", text)
        self.assertIn(self.complaint.name, text)
        self.assertIn("Train the fitters", text)
        self._assert_cjk_font()
        self.assertIn("培训安装工", text)

    def test_handling_form_internal_only(self):
        """A department member reads the complaint routed to them, but not
        its internal handling form with the penalties."""
        self.complaint.with_user(self.dept_member_user).check_access("read")
        with self.assertRaises(AccessError):
            self._html(self.dept_member_user)
        report = self.env.ref(HANDLING_REPORT)
        self.assertEqual(report.groups_id, self.env.ref("cs_member.group_cs_agent"))
