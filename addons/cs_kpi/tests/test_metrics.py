# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import ValidationError

from .common import CsKpiCommon, local


class TestMetrics(CsKpiCommon):
    """Each shipped indicator counts the month's data of each employee; its
    value is scored linearly between its bounds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # agent A: 3 callbacks in April (scores 5, 4, 3), one in March
        for when, score in (
            ("2026-04-02 10:00", 5),
            ("2026-04-15 10:00", 4),
            ("2026-04-30 20:00", 3),
            ("2026-03-31 10:00", 5),
        ):
            cls._done_callback(cls.agent_a, cls.customer_a, when, score)
        # agent A2: one callback
        cls._done_callback(cls.agent_a2, cls.customer_a2, "2026-04-20 10:00", 2)
        # complaints: two name agent A, one rejected; agent A handled two
        # resolved complaints in April, one in time
        cls.c1 = cls._create_complaint(
            date_received=local("2026-04-03 10:00"),
            responsible_employee_ids=[cls.emp_agent_a.id],
        )
        cls.c2 = cls._create_complaint(
            date_received=local("2026-04-04 10:00"),
            responsible_employee_ids=[cls.emp_agent_a.id],
        )
        cls.c3 = cls._create_complaint(
            date_received=local("2026-04-05 10:00"),
            responsible_employee_ids=[cls.emp_agent_a.id],
        )
        cls.c3.state = "rejected"
        cls.c1.write(
            {
                "state": "resolved",
                "date_resolved": local("2026-04-10 10:00"),
                "sla_met": True,
            }
        )
        cls.c2.write(
            {
                "state": "closed",
                "date_resolved": local("2026-04-20 10:00"),
                "sla_met": False,
            }
        )
        # QA: agent A 80% and 100%
        cls._inspection(cls.agent_a, [10, 20, 30, 10, 10])
        cls._inspection(cls.agent_a, [10, 20, 30, 20, 20])
        cls._inspection(cls.agent_a, [0, 0, 0, 0, 0], state="draft")
        # praise: agent A2 twice; penalties: agent A 300
        cls._event(cls.emp_agent_a2, "praise")
        cls._event(cls.emp_agent_a2, "praise")
        cls._event(cls.emp_agent_a2, "praise", state="draft")
        cls._event(cls.emp_agent_a, "penalty", 300)
        cls._event(cls.emp_agent_a, "fine", 50, day="2026-05-01")

    def _actuals(self, code):
        metric = self.env.ref(f"cs_kpi.cs_kpi_metric_{code}")
        employees = self.emp_agent_a | self.emp_agent_a2 | self.emp_agent_b
        return metric._cs_compute_actuals(self.period, employees)

    def test_callbacks_done_and_satisfaction(self):
        done = self._actuals("callbacks_done")
        self.assertEqual(done[self.emp_agent_a.id], 3)
        self.assertEqual(done[self.emp_agent_a2.id], 1)
        self.assertNotIn(self.emp_agent_b.id, done)
        satisfaction = self._actuals("avg_satisfaction")
        self.assertAlmostEqual(satisfaction[self.emp_agent_a.id], 4.0)
        self.assertAlmostEqual(satisfaction[self.emp_agent_a2.id], 2.0)

    def test_complaints(self):
        against = self._actuals("complaints_against")
        self.assertEqual(against[self.emp_agent_a.id], 2)
        self.assertEqual(against[self.emp_agent_b.id], 0)
        sla = self._actuals("complaint_sla")
        self.assertAlmostEqual(sla[self.emp_agent_a.id], 50.0)

    def test_qa_praise_penalties(self):
        self.assertAlmostEqual(self._actuals("qa_score")[self.emp_agent_a.id], 90.0)
        praise = self._actuals("praise_count")
        self.assertEqual(praise[self.emp_agent_a2.id], 2)
        self.assertEqual(praise[self.emp_agent_a.id], 0)
        penalties = self._actuals("penalty_amount")
        self.assertEqual(penalties[self.emp_agent_a.id], 300)

    def test_member_coverage(self):
        # cards valid in April, from the start of the year
        for customer in (self.customer_a, self.customer_a2):
            self._create_card(
                customer, date_start=date(2026, 1, 1), activate=False, state="active"
            )
        coverage = self._actuals("member_coverage")
        self.assertAlmostEqual(coverage[self.emp_agent_a.id], 100.0)
        self.assertAlmostEqual(coverage[self.emp_agent_a2.id], 100.0)

    def test_exam_score_from_certifications(self):
        survey = self.env["survey.survey"].create(
            {
                "title": "April exam",
                "certification": True,
                "scoring_type": "scoring_with_answers",
            }
        )
        answer = self.env["survey.user_input"].create(
            {
                "survey_id": survey.id,
                "partner_id": self.agent_a.partner_id.id,
                "state": "done",
            }
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE survey_user_input SET scoring_percentage = 85, create_date = %s "
            "WHERE id = %s",
            (local("2026-04-12 10:00"), answer.id),
        )
        self.env.invalidate_all()
        self.assertAlmostEqual(self._actuals("exam_score")[self.emp_agent_a.id], 85.0)

    def test_attendance_entered_by_hand_without_the_app(self):
        metric = self.env.ref("cs_kpi.cs_kpi_metric_attendance")
        if "hr.attendance" in self.env:
            self.skipTest("Attendances is installed: attendance is computed")
        self.assertTrue(metric._cs_is_manual())
        self.assertEqual(self._actuals("attendance"), {})

    def test_month_in_company_time_zone(self):
        """A callback at 07:00 on 1 May in Shanghai is 23:00 on 30 April in
        UTC: it belongs to May, not April."""
        self._done_callback(self.agent_b, self.customer_b, "2026-05-01 07:00")
        self._done_callback(self.agent_b, self.customer_b, "2026-04-01 07:00")
        self.assertEqual(self._actuals("callbacks_done")[self.emp_agent_b.id], 1)

    def test_scoring_between_bounds(self):
        higher = self.metric["callbacks_done"]  # 0 -> 0, 120 -> 100
        self.assertEqual(higher._score(60), 50.0)
        self.assertEqual(higher._score(200), 100.0)
        self.assertEqual(higher._score(-5), 0.0)
        lower = self.metric["complaints_against"]  # 3 -> 0, 0 -> 100
        self.assertAlmostEqual(lower._score(1), 66.666, places=2)
        self.assertEqual(lower._score(5), 0.0)

    def test_metric_without_bounds_refused(self):
        with self.assertRaisesText(ValidationError, "needs scoring bounds"):
            self.env["cs.kpi.metric"].create(
                {
                    "name": "Renewal rate",
                    "code": "renewal",
                    "bound_worst": 0,
                    "bound_best": 0,
                }
            )
        with self.assertRaisesText(ValidationError, "must be above"):
            self.env["cs.kpi.metric"].create(
                {
                    "name": "Renewal rate",
                    "code": "renewal",
                    "bound_worst": 80,
                    "bound_best": 20,
                }
            )
        with self.assertRaisesText(ValidationError, "choose what it is computed"):
            self.env["cs.kpi.metric"].create(
                {
                    "name": "Renewal rate",
                    "code": "renewal",
                    "source": "computed",
                    "bound_worst": 0,
                    "bound_best": 100,
                }
            )
