# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin

from .common import CsKpiCommon


class TestPeriod(QueryBudgetMixin, CsKpiCommon):
    """The month: computed by a supervisor, confirmed by the manager,
    published to the departments; reopened by the manager only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._april_activity()

    def _compute(self, user=None):
        self.period.with_user(user or self.supervisor).action_compute()
        self.env.invalidate_all()

    def test_compute_fills_scorecards(self):
        self._compute()
        self.assertEqual(self.period.state, "computed")
        cards = self.period.scorecard_ids
        self.assertEqual(
            cards.employee_id, self.emp_agent_a | self.emp_agent_a2 | self.emp_agent_b
        )
        card_a = self._card(self.emp_agent_a)
        self.assertEqual(len(card_a.line_ids), 7)
        self.assertEqual(card_a.department_id, self.dept_cs)
        self.assertEqual(card_a.user_id, self.agent_a)
        done = self._line(self.emp_agent_a, "callbacks_done")
        self.assertEqual(done.actual, 3)
        self.assertAlmostEqual(done.score, 2.5)
        self.assertAlmostEqual(done.weighted_score, 0.5)
        satisfaction = self._line(self.emp_agent_a, "avg_satisfaction")
        self.assertEqual(satisfaction.score, 100.0)
        self.assertEqual(satisfaction.weighted_score, 20.0)
        # no complaint against: the best score of a lower-is-better indicator
        self.assertEqual(
            self._line(self.emp_agent_a, "complaints_against").score, 100.0
        )
        self.assertEqual(self._line(self.emp_agent_a, "qa_score").score, 100.0)
        self.assertTrue(self._line(self.emp_agent_a, "attitude").is_manual)
        # no complaint resolved by agent A this month: the share solved in
        # time is left out, the total is over the other 90% of the weights
        sla = self._line(self.emp_agent_a, "complaint_sla")
        self.assertFalse(sla.is_measured)
        self.assertEqual(sla.weighted_score, 0.0)
        measured = card_a.line_ids.filtered("is_measured")
        self.assertEqual(sum(measured.mapped("weight")), 90)
        expected = sum(measured.mapped("weighted_score")) * 100 / 90
        self.assertAlmostEqual(card_a.total_score, expected, places=1)
        # counts are always measured: no callback is a real zero
        done_a2 = self._line(self.emp_agent_a2, "callbacks_done")
        self.assertTrue(done_a2.is_measured)
        self.assertEqual(done_a2.actual, 0)
        self.assertFalse(self._line(self.emp_agent_a2, "avg_satisfaction").is_measured)

    def test_rank_grade_and_star_per_department(self):
        self._compute()
        card_a, card_a2 = self._card(self.emp_agent_a), self._card(self.emp_agent_a2)
        self.assertGreater(card_a.total_score, card_a2.total_score)
        self.assertEqual((card_a.rank, card_a2.rank), (1, 2))
        self.assertTrue(card_a.is_star)
        self.assertFalse(card_a2.is_star)
        card_b = self._card(self.emp_agent_b)
        self.assertEqual(card_b.rank, 1, "ranked within their own department")
        self.assertEqual(card_a.grade, self.company._cs_kpi_grade(card_a.total_score))

    def test_manual_values_kept_and_recompute_is_stable(self):
        self._compute()
        attitude = self._line(self.emp_agent_a2, "attitude")
        attitude.with_user(self.supervisor).actual = 100
        self.env.invalidate_all()
        first = {
            (c.employee_id.id, line.metric_id.code): (line.actual, line.score)
            for c in self.period.scorecard_ids
            for line in c.line_ids
        }
        totals = {
            c.employee_id.id: (c.total_score, c.rank, c.grade)
            for c in self.period.scorecard_ids
        }
        self._compute()
        second = {
            (c.employee_id.id, line.metric_id.code): (line.actual, line.score)
            for c in self.period.scorecard_ids
            for line in c.line_ids
        }
        self.assertEqual(first, second)
        self.assertEqual(
            totals,
            {
                c.employee_id.id: (c.total_score, c.rank, c.grade)
                for c in self.period.scorecard_ids
            },
        )
        self.assertEqual(self._line(self.emp_agent_a2, "attitude").actual, 100)
        with self.assertRaisesText(UserError, "cannot be typed over"):
            self._line(self.emp_agent_a, "callbacks_done").actual = 99

    def test_workflow_and_rights(self):
        with self.assertRaises(AccessError):
            self.period.with_user(self.agent_a).action_compute()
        self._compute()
        with self.assertRaises(AccessError):
            self.period.with_user(self.supervisor).action_confirm()
        self.period.with_user(self.manager).action_confirm()
        self.assertEqual(self.period.state, "confirmed")
        self.assertEqual(self.period.confirmed_by_id, self.manager)
        with self.assertRaisesText(UserError, "must reopen it"):
            self.period.with_user(self.supervisor).action_compute()
        with self.assertRaisesText(UserError, "confirmed"):
            self._line(self.emp_agent_a, "attitude").with_user(
                self.supervisor
            ).actual = 50
        with self.assertRaises(AccessError):
            self.period.with_user(self.supervisor).action_publish()
        self.period.with_user(self.manager).action_publish()
        self.assertEqual(self.period.state, "published")
        with self.assertRaises(AccessError):
            self.period.with_user(self.supervisor).action_reopen()
        self.period.with_user(self.manager).action_reopen()
        self.assertEqual(self.period.state, "open")
        self._compute()
        self.assertEqual(self.period.state, "computed")

    def test_publish_posts_ranking_and_star(self):
        self._compute()
        self.period.with_user(self.manager).action_confirm()
        self.dept_cs.message_subscribe(partner_ids=self.agent_a2.partner_id.ids)
        self.period.with_user(self.manager).action_publish()
        message = self.dept_cs.message_ids[0]
        self.assertIn("Star of the month: Agent A", message.body)
        self.assertIn("Agent A2", message.body)
        self.assertIn(self.agent_a2.partner_id, message.notified_partner_ids)
        self.assertIn(
            "Assessment of 2026-04", self.dept_after_sales.message_ids[0].body
        )

    def test_only_manager_comments(self):
        self._compute()
        card = self._card(self.emp_agent_a)
        with self.assertRaises(UserError):
            card.with_user(self.supervisor).manager_comment = "Good"
        card.with_user(self.manager).manager_comment = "Good month"
        self.assertEqual(card.manager_comment, "Good month")

    def test_template_weights_must_sum_to_100(self):
        with self.assertRaisesText(ValidationError, "must sum to 100"):
            self.env["cs.kpi.template"].create(
                {
                    "name": "Inspectors",
                    "job_id": self.env["hr.job"]
                    .create({"name": "Inspector (test)"})
                    .id,
                    "line_ids": [
                        Command.create(
                            {"metric_id": self.metric["qa_score"].id, "weight": 60}
                        ),
                        Command.create(
                            {"metric_id": self.metric["attitude"].id, "weight": 30}
                        ),
                    ],
                }
            )
        with self.assertRaisesText(ValidationError, "must sum to 100"):
            self.template.line_ids[0].weight = 25

    def test_same_queries_for_10_and_100_employees(self):
        """One grouped query per indicator, never one per employee."""
        Employee = self.env["hr.employee"]

        def run(count, month):
            period = self.env["cs.kpi.period"].create(
                {
                    "name": f"2025-{month:02d}",
                    "date_from": f"2025-{month:02d}-01",
                    "date_to": f"2025-{month:02d}-28",
                }
            )
            employees = Employee.search([("job_id", "=", self.job_agent.id)])
            Employee.create(
                [
                    {
                        "name": f"Agent {len(employees) + n}",
                        "job_id": self.job_agent.id,
                        "department_id": self.dept_cs.id,
                    }
                    for n in range(count - len(employees))
                ]
            )
            queries = self._queries(period.with_user(self.supervisor).action_compute)
            self.assertEqual(len(period.scorecard_ids), count)
            return queries

        run(10, 1)  # warm the caches
        self.assertQueriesDoNotGrow([run(10, 2), run(100, 3)], 36)

    def test_grade_thresholds(self):
        self.company.write(
            {"cs_kpi_grade_a": 95, "cs_kpi_grade_b": 80, "cs_kpi_grade_c": 50}
        )
        self.assertEqual(
            [self.company._cs_kpi_grade(t) for t in (96, 95, 85, 55, 10)],
            ["a", "a", "b", "c", "d"],
        )
        with self.assertRaisesText(ValidationError, "must go up from C to A"):
            self.company.write({"cs_kpi_grade_b": 99})
