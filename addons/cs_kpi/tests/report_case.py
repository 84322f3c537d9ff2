# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared setup of the assessment reports' tests."""

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin
from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import CsKpiCommon

SCORECARD_REPORT = "cs_kpi.action_report_kpi_scorecard"
RANKING_REPORT = "cs_kpi.action_report_kpi_ranking"
MONTHLY_REPORT = "cs_kpi.action_report_kpi_monthly"
# the indicators of the test template, in the order of their sequence
INDICATORS = (
    "Callbacks done",
    "Average satisfaction",
    "Complaints against the employee",
    "Complaints solved in time",
    "Quality inspection score",
    "Customer praise",
    "Work attitude",
)


class ReportCase(QueryBudgetMixin, ReportTestMixin, CsKpiCommon):
    """Rendering helpers shared by the report tests (as in cs_complaint's
    report tests)."""

    def assertInPage(self, text, page):
        """``assertIn`` that does not print the whole page when it fails."""
        self.assertTrue(text in page, f"{text!r} is not in the page")

    def assertNotInPage(self, text, page):
        self.assertFalse(text in page, f"{text!r} is in the page")

    def _html(self, report, records, user):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_qweb_html(report, records.ids)
        )
        return html.decode()


class KpiReportsCase(ReportCase):
    """The scorecard (考核表), the ranking (张榜公布) and the XLSX of April
    2026: agent A (customer service) is the star of their department ahead
    of agent A2, agent B the star of after-sales. The supervisor manages
    customer service only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._april_activity()
        # the indicators are computed in SQL: write the data first
        cls.env.flush_all()
        cls.period.with_user(cls.supervisor).action_compute()
        cls.env.invalidate_all()
        cls.card_a = cls._card_of(cls.emp_agent_a)
        cls.card_a2 = cls._card_of(cls.emp_agent_a2)
        cls.card_b = cls._card_of(cls.emp_agent_b)
        cls.card_a.with_user(
            cls.manager
        ).manager_comment = "Patient and precise 耐心细致"
        cls.period.with_user(cls.manager).action_confirm()

    @classmethod
    def _card_of(cls, employee):
        return cls.env["cs.kpi.scorecard"].search(
            [("period_id", "=", cls.period.id), ("employee_id", "=", employee.id)]
        )
