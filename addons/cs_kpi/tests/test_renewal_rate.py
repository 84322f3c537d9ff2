# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from .common import CsKpiCommon


class TestRenewalRate(CsKpiCommon):
    """The renewal-rate indicator (续卡率, E2) is the member movements
    report's figure of the month (one owner, cs_member)."""

    def _card(self, partner, date_start, state="active", **vals):
        # written as superuser: the cards' history, not their workflow
        return self._create_card(
            partner, date_start=date_start, activate=False, state=state, **vals
        )

    def test_indicator_equals_report(self):
        # agent A: two cards due in April 2026, one renewed; agent A2: one
        # due, not renewed; a card due in May does not count
        other_a = self._create_member("Renewal member (test)", self.agent_a)
        renewed = self._card(self.customer_a, date(2025, 4, 16), state="expired")
        self._card(
            self.customer_a,
            date(2026, 4, 16),
            change_type="renew",
            previous_card_id=renewed.id,
        )
        self._card(other_a, date(2025, 4, 30))
        self._card(self.customer_a2, date(2025, 4, 2))
        self._card(self.customer_b, date(2025, 5, 20))
        metric = self.env.ref("cs_kpi.cs_kpi_metric_renewal_rate")
        employees = self.emp_agent_a | self.emp_agent_a2 | self.emp_agent_b
        actuals = metric._cs_compute_actuals(self.period, employees)
        movements = self.env["cs.member.movement.report"]._cs_movements(
            self.period.company_id,
            self.period.date_from,
            self.period.date_to,
            groupby="agent",
        )
        self.assertAlmostEqual(actuals[self.emp_agent_a.id], 50.0)
        self.assertAlmostEqual(actuals[self.emp_agent_a2.id], 0.0)
        self.assertNotIn(self.emp_agent_b.id, actuals)
        self.assertEqual(
            actuals[self.emp_agent_a.id], movements[self.agent_a.id]["exact_rate"]
        )
        self.assertEqual(movements[self.agent_a.id]["renewal_rate"], 50.0)
        self.assertTrue(metric._cs_is_ratio())
