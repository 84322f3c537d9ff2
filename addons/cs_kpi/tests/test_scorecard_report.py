# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .report_case import (
    INDICATORS,
    SCORECARD_REPORT,
    KpiReportsCase,
)


@tagged("post_install", "-at_install")
class TestScorecardReport(KpiReportsCase):
    """The scorecard (考核表) of April 2026, see KpiReportsCase."""

    def test_dataset(self):
        """What the reports below show."""
        self.assertEqual(
            (self.card_a.rank, self.card_a2.rank, self.card_b.rank), (1, 2, 1)
        )
        self.assertTrue(self.card_a.is_star and self.card_b.is_star)
        self.assertFalse(self.card_a2.is_star)
        self.assertGreater(self.card_a.total_score, self.card_a2.total_score)

    # ------------------------------------------------------------------
    # scorecard
    # ------------------------------------------------------------------

    def test_scorecard_html(self):
        """The agent prints their own scorecard: every indicator with its
        actual value, target, score, weight and weighted score, the total,
        the rank in the department, the grade, the star, the comment and the
        signature lines."""
        html = self._html(SCORECARD_REPORT, self.card_a, self.agent_a)
        self.assertEqual(
            html.count('class="page o_cs_complaint_form o_cs_kpi_report"'), 1
        )
        for text in (
            "Assessment Scorecard",
            "Agent A",
            "Customer service (test)",
            "Agent (test)",
            "2026-04",
            *INDICATORS,
            "Patient and precise 耐心细致",
            "★ Star of the Month",
            "Employee: ____",
            "Supervisor (assessed): ____",
            "Manager (confirmed):",
            self.manager.name,
        ):
            self.assertInPage(text, html)
        # the total, the rank among the two of the department, the grade
        self.assertInPage(f"<strong>{self.card_a.total_score:.1f}</strong>", html)
        self.assertRegex(html, r"<span>1</span>\s*/ <span>2</span>")
        grade = dict(self.card_a._fields["grade"]._description_selection(self.env))
        self.assertRegex(
            html, rf"Grade</th>\s*<td>\s*<span>{grade[self.card_a.grade]}</span>"
        )
        # callbacks done: 3 for a target of 100 score 2.5, weight 20
        done = self.card_a.line_ids.filtered(
            lambda line: line.metric_id.code == "callbacks_done"
        )
        self.assertEqual((done.actual, done.score, done.weight), (3, 2.5, 20))
        row = html[html.index("Callbacks done") :]
        row = row[: row.index("</tr>")]
        for cell in ("3", "100", "2.5", "20", "0.50"):
            self.assertInPage(f"<span>{cell}</span>", row)
        self.assertNotInPage("Provisional", html)

    def test_scorecard_provisional_and_not_star(self):
        self.period.with_user(self.manager).action_reopen()
        self.period.with_user(self.supervisor).action_compute()
        html = self._html(SCORECARD_REPORT, self.card_a2, self.agent_a2)
        self.assertInPage("Provisional", html)
        self.assertInPage("Agent A2", html)
        self.assertNotInPage("★ Star of the Month", html)
        self.assertRegex(html, r"<span>2</span>\s*/ <span>2</span>")

    def test_scorecard_rights(self):
        """Whoever reads the scorecards prints them; nobody else."""
        with self.assertRaises(AccessError):
            self._html(SCORECARD_REPORT, self.card_a2, self.agent_a)
        with self.assertRaises(AccessError):
            self._html(SCORECARD_REPORT, self.card_b, self.supervisor)
        html = self._html(SCORECARD_REPORT, self.card_a | self.card_a2, self.supervisor)
        self.assertEqual(
            html.count('class="page o_cs_complaint_form o_cs_kpi_report"'), 2
        )
        html = self._html(SCORECARD_REPORT, self.period.scorecard_ids, self.manager)
        self.assertEqual(
            html.count('class="page o_cs_complaint_form o_cs_kpi_report"'), 3
        )
        report = self.env.ref(SCORECARD_REPORT)
        self.assertEqual(report.binding_model_id.model, "cs.kpi.scorecard")
        self.assertFalse(report.groups_id)

    def test_scorecard_pdf(self):
        text = self._pdf_text(
            self._render_pdf(SCORECARD_REPORT, self.card_a, self.agent_a)
        )
        self.assertIn("Assessment Scorecard", text)
        self.assertIn("Agent A", text)
        self.assertIn("Quality inspection", text)
        self.assertIn(f"{self.card_a.total_score:.1f}", text)

    def test_scorecard_pdf_batch(self):
        """One page per scorecard."""
        self._skip_without_multipage_pdf()
        text = self._pdf_text(
            self._render_pdf(SCORECARD_REPORT, self.period.scorecard_ids, self.manager)
        )
        self.assertEqual(text.count("\f"), 3)
        self.assertIn("Agent B", text)

    # ------------------------------------------------------------------
    # ranking
