# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tests import new_test_user

from odoo.addons.cs_kpi.models.cs_kpi_period import (
    SCORECARD_VARYING_FIELDS,
    CsKpiPeriod,
)

from .common import CsKpiCommon


class TestComputeSideEffects(CsKpiCommon):
    """Everything the month's computation writes for a batch of 20
    employees, as the supervisor: the scorecards and their indicators, the
    followers and the creation notes of the scorecards, nothing in the month's
    chatter; computing again changes nothing but the write dates. Kept green
    by every speed-up of ``action_compute``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._april_activity()
        Employee = cls.env["hr.employee"]
        cls.extra_agents = cls.env["res.users"]
        for n in range(17):
            cls.extra_agents |= new_test_user(
                cls.env,
                login=f"kpi_batch_{n}",
                name=f"Batch Agent {n:02d}",
                groups="cs_member.group_cs_agent",
            )
        departments = cls.dept_cs | cls.dept_after_sales
        cls.extra_employees = Employee.create(
            [
                {
                    "name": agent.name,
                    "user_id": agent.id,
                    "job_id": cls.job_agent.id,
                    "department_id": departments[n % 2].id,
                }
                for n, agent in enumerate(cls.extra_agents)
            ]
        )
        # a varied month: callbacks with different scores, praise and fines
        for n, agent in enumerate(cls.extra_agents[:12]):
            for day in range(1, 1 + n % 4):
                cls._done_callback(
                    agent,
                    cls.customer_a,
                    f"2026-04-{day + 10} 09:30",
                    2 + (n + day) % 4,
                )
        for n, employee in enumerate(cls.extra_employees[:9]):
            cls._event(employee, "praise" if n % 3 else "fine", amount=10.0 * (n % 3))
        cls.employees = (
            cls.emp_agent_a | cls.emp_agent_a2 | cls.emp_agent_b | cls.extra_employees
        )

    def _snapshot(self):
        self.env.invalidate_all()
        cards = self.period.scorecard_ids.sorted(lambda c: c.employee_id.id)
        return {
            card.employee_id.id: (
                card.user_id.id,
                card.department_id.id,
                card.job_id.id,
                card.template_id.id,
                card.company_id.id,
                card.state,
                round(card.total_score, 6),
                card.rank,
                card.grade,
                card.is_star,
                tuple(
                    (
                        line.sequence,
                        line.metric_id.id,
                        line.weight,
                        line.is_manual,
                        line.is_measured,
                        round(line.actual, 6),
                        round(line.score, 6),
                        round(line.weighted_score, 6),
                    )
                    for line in card.line_ids.sorted(lambda x: (x.sequence, x.id))
                ),
            )
            for card in cards
        }

    def test_compute_writes_exactly(self):
        # the set-based creation is taken (no module here changes it)
        vals = dict.fromkeys(SCORECARD_VARYING_FIELDS, False)
        self.assertTrue(
            self.period._cs_can_insert_scorecards([vals | {"period_id": 1}])
        )
        self._check_compute_writes_exactly()

    def test_compute_through_create_writes_the_same(self):
        """When a module changes what creating a scorecard does, the month
        creates them through ``create()``: the same records."""
        with patch.object(
            CsKpiPeriod, "_cs_can_insert_scorecards", return_value=False
        ) as can_insert:
            self._check_compute_writes_exactly()
        can_insert.assert_called()

    def _check_compute_writes_exactly(self):
        Message = self.env["mail.message"]
        period_messages = Message.search(
            [("model", "=", "cs.kpi.period"), ("res_id", "=", self.period.id)]
        )
        self.period.with_user(self.supervisor).action_compute()
        # the tracking is written at commit
        self.env.cr.precommit.run()
        cards = self.period.scorecard_ids
        self.assertEqual(cards.employee_id, self.employees)
        self.assertEqual(len(cards.line_ids), 7 * len(self.employees))
        # the values: the template's indicators, the employee's department
        first = self._snapshot()
        for employee in self.employees:
            user, dept, job, template, company, state, *_rest, lines = first[
                employee.id
            ]
            self.assertEqual(
                (user, dept, job, template, company, state),
                (
                    employee.user_id.id,
                    employee.department_id.id,
                    self.job_agent.id,
                    self.template.id,
                    self.company.id,
                    "computed",
                ),
            )
            self.assertEqual(
                [line[:4] for line in lines],
                [
                    (
                        t.sequence,
                        t.metric_id.id,
                        t.weight,
                        t.metric_id.source == "manual",
                    )
                    for t in self.template.line_ids.sorted(lambda x: (x.sequence, x.id))
                ],
            )
        # each score is the metric's score of the actual, weighted, and the
        # total is over the measured weights
        for card in cards:
            measured = card.line_ids.filtered("is_measured")
            for line in card.line_ids:
                score = line.metric_id._score(line.actual) if line.is_measured else 0
                self.assertAlmostEqual(line.score, score, places=1)
                self.assertAlmostEqual(
                    line.weighted_score, score * line.weight / 100, places=2
                )
            weights = sum(measured.mapped("weight"))
            self.assertAlmostEqual(
                card.total_score,
                sum(measured.mapped("weighted_score")) * 100 / weights,
                places=1,
            )
            self.assertEqual(card.create_uid, self.supervisor)
            self.assertEqual(card.line_ids.create_uid, self.supervisor)
        # ranks 1..n in each department, best first, one star per department
        for department in self.dept_cs | self.dept_after_sales:
            dept_cards = cards.filtered(lambda c, d=department: c.department_id == d)
            ordered = dept_cards.sorted(
                lambda c: (-c.total_score, c.employee_id.name, c.id)
            )
            self.assertEqual(ordered.mapped("rank"), list(range(1, len(ordered) + 1)))
            self.assertEqual(dept_cards.filtered("is_star"), ordered[0])
            for card in dept_cards:
                self.assertEqual(
                    card.grade, self.company._cs_kpi_grade(card.total_score)
                )
        # the chatter: the supervisor follows each scorecard, which has its
        # creation note and no activity; the month tracks its state
        for card in cards:
            self.assertEqual(card.message_partner_ids, self.supervisor.partner_id)
            self.assertEqual(len(card.message_ids), 1)
            note = card.message_ids
            self.assertEqual(note.message_type, "notification")
            self.assertEqual(note.author_id, self.supervisor.partner_id)
            self.assertFalse(note.tracking_value_ids)
        self.assertFalse(
            self.env["mail.activity"].search_count(
                [("res_model", "=", "cs.kpi.scorecard"), ("res_id", "in", cards.ids)]
            )
        )
        messages = (
            Message.search(
                [("model", "=", "cs.kpi.period"), ("res_id", "=", self.period.id)]
            )
            - period_messages
        )
        # the month's chatter is left as it was
        self.assertFalse(messages)
        self.assertFalse(
            Message.search_count([("model", "=", "cs.kpi.scorecard.line")])
        )
        # computing again: the same values, no new message or follower
        messages_before = Message.search_count([("model", "=", "cs.kpi.scorecard")])
        self.period.with_user(self.supervisor).action_compute()
        self.env.cr.precommit.run()
        self.assertEqual(self._snapshot(), first)
        self.assertEqual(self.period.scorecard_ids, cards)
        self.assertEqual(
            Message.search_count([("model", "=", "cs.kpi.scorecard")]), messages_before
        )
        for card in cards:
            self.assertEqual(card.message_partner_ids, self.supervisor.partner_id)
