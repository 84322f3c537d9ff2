# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .report_case import RANKING_REPORT, KpiReportsCase


@tagged("post_install", "-at_install")
class TestRankingReport(KpiReportsCase):
    """The ranking posted in each department (张榜公布) of April 2026."""

    # ------------------------------------------------------------------

    def test_ranking_html(self):
        """The manager prints every department's ranking, each with its
        star highlighted."""
        html = self._html(RANKING_REPORT, self.period, self.manager)
        self.assertInPage("Assessment Ranking", html)
        self.assertNotInPage("Provisional", html)
        # departments by name
        after_sales = html.index("After-sales (test)")
        customer_service = html.index("Customer service (test)")
        self.assertLess(after_sales, customer_service)
        self.assertEqual(html.count('class="o_cs_kpi_star"'), 2)
        section = html[customer_service:]
        # agent A (rank 1, the star) before agent A2 (rank 2)
        table = section[section.index('name="ranking"') :]
        self.assertLess(
            table.index("<span>Agent A</span>"), table.index("<span>Agent A2</span>")
        )
        self.assertInPage(f"<span>{self.card_a.total_score:.1f}</span>", section)
        self.assertInPage(f"<span>{self.card_a2.total_score:.1f}</span>", section)
        self.assertInPage("★ Star of the Month:", section)
        self.assertInPage("<span>Agent B</span>", html[after_sales:customer_service])
        self.assertInPage(self.manager.name, html)

    def test_ranking_supervisor_sees_own_department(self):
        html = self._html(RANKING_REPORT, self.period, self.supervisor)
        self.assertInPage("Customer service (test)", html)
        self.assertInPage("Agent A2", html)
        self.assertNotInPage("After-sales (test)", html)
        self.assertNotInPage("Agent B", html)
        self.assertEqual(html.count('class="o_cs_kpi_star"'), 1)

    def test_ranking_provisional(self):
        self.period.with_user(self.manager).action_reopen()
        html = self._html(RANKING_REPORT, self.period, self.manager)
        self.assertInPage("Provisional ranking", html)
        period = self.env["cs.kpi.period"].create(
            {
                "name": "2026-05",
                "date_from": date(2026, 5, 1),
                "date_to": date(2026, 5, 31),
            }
        )
        html = self._html(RANKING_REPORT, period, self.manager)
        self.assertInPage("No scorecard has been computed for this month.", html)

    def test_ranking_pdf(self):
        text = self._pdf_text(
            self._render_pdf(RANKING_REPORT, self.period, self.manager)
        )
        self.assertIn("Assessment Ranking", text)
        self.assertIn("Star of the Month", text)
        self.assertIn("Agent A2", text)
