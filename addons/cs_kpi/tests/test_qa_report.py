# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .report_case import ReportCase

QA_REPORT = "cs_kpi.action_report_qa_inspection"


@tagged("post_install", "-at_install")
class TestQaInspectionReport(ReportCase):
    """质检评分表: the QA inspection score sheet of one inspection."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inspection = cls._inspection(cls.agent_a, [10, 20, 30, 20, 15])
        cls.inspection.write(
            {
                "feedback": "Greet the customer by name 称呼客户姓名",
                "call_reference": "REC-2026-0410-001",
            }
        )
        cls.inspection.line_ids[-1].comment = "Closing too quick"

    def test_score_sheet_html(self):
        """The agent prints their own score sheet: each criterion with its
        maximum and points, the total, the feedback and the signatures."""
        html = self._html(QA_REPORT, self.inspection, self.agent_a)
        self.assertEqual(
            html.count('class="page o_cs_complaint_form o_cs_kpi_report"'), 1
        )
        for text in (
            "QA Inspection Score Sheet",
            self.qa_form.name,
            self.agent_a.name,
            "REC-2026-0410-001",
            *self.qa_form.criterion_ids.mapped("name"),
            "Closing too quick",
            "Greet the customer by name 称呼客户姓名",
            f"<span>{self.inspection.total_score:.1f}</span> %",
            "Inspector: ____",
            "Agent (acknowledged):",
        ):
            self.assertInPage(text, html)
        self.assertInPage(f"<span>{self.inspection.total_points:g}</span>", html)

    def test_score_sheet_pdf(self):
        text = self._pdf_text(
            self._render_pdf(QA_REPORT, self.inspection, self.quality)
        )
        self.assertIn("QA Inspection Score Sheet", text)
        self.assertIn("REC-2026-0410-001", text)
        self._assert_cjk_font()
        self.assertIn("称呼客户姓名", text)

    def test_other_agent_denied(self):
        with self.assertRaises(AccessError):
            self._html(QA_REPORT, self.inspection, self.agent_a2)
