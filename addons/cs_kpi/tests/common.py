# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.cs_complaint.tests.common import CsComplaintCommon, local

__all__ = ["CsKpiCommon", "local"]


class CsKpiCommon(CsComplaintCommon):
    """Shared setup of the cs_kpi tests: the customer-service department
    (managed by the supervisor) with the three agents as employees of the
    job "Agent", whose template weighs seven indicators; April 2026 as the
    assessment month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the tests' template: those of other data (demo) are archived
        cls.env["cs.kpi.template"].search([]).active = False
        Employee = cls.env["hr.employee"]
        cls.job_agent = cls.env["hr.job"].create({"name": "Agent (test)"})
        cls.dept_cs = cls.env["hr.department"].create(
            {"name": "Customer service (test)"}
        )
        cls.emp_supervisor = Employee.create(
            {
                "name": "Supervisor",
                "user_id": cls.supervisor.id,
                "department_id": cls.dept_cs.id,
            }
        )
        cls.dept_cs.manager_id = cls.emp_supervisor
        cls.emp_agent_a.write(
            {"department_id": cls.dept_cs.id, "job_id": cls.job_agent.id}
        )
        cls.emp_agent_a2 = Employee.create(
            {
                "name": "Agent A2",
                "user_id": cls.agent_a2.id,
                "department_id": cls.dept_cs.id,
                "job_id": cls.job_agent.id,
            }
        )
        cls.emp_agent_b = Employee.create(
            {
                "name": "Agent B",
                "user_id": cls.agent_b.id,
                "department_id": cls.dept_after_sales.id,
                "job_id": cls.job_agent.id,
            }
        )
        cls.metric = {
            code: cls.env.ref(f"cs_kpi.cs_kpi_metric_{code}")
            for code in (
                "callbacks_done",
                "avg_satisfaction",
                "complaints_against",
                "complaint_sla",
                "qa_score",
                "praise_count",
                "attitude",
            )
        }
        weights = {
            "callbacks_done": 20,
            "avg_satisfaction": 20,
            "complaints_against": 10,
            "complaint_sla": 10,
            "qa_score": 20,
            "praise_count": 10,
            "attitude": 10,
        }
        cls.template = cls.env["cs.kpi.template"].create(
            {
                "name": "Agents (test)",
                "job_id": cls.job_agent.id,
                "line_ids": [
                    Command.create({"metric_id": cls.metric[code].id, "weight": weight})
                    for code, weight in weights.items()
                ],
            }
        )
        cls.period = cls.env["cs.kpi.period"].create(
            {
                "name": "2026-04",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
            }
        )
        cls.qa_form = cls.env.ref("cs_kpi.cs_qa_form_call")

    @classmethod
    def _done_callback(cls, agent, partner, when, score=5):
        callback = cls.env["cs.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": agent.id,
                "date_deadline": when[:10],
            }
        )
        callback.write(
            {
                "state": "done",
                "outcome": "reached",
                "score": score,
                "satisfaction": "satisfied" if score >= 4 else "unsatisfied",
                "date_done": local(when),
            }
        )
        return callback

    @classmethod
    def _april_activity(cls):
        """The April 2026 the reports and the month's tests read: agent A
        made three callbacks scored 5 and was inspected; agent A2 has
        nothing but two praises."""
        for day in range(1, 4):
            cls._done_callback(cls.agent_a, cls.customer_a, f"2026-04-0{day} 10:00", 5)
        cls._event(cls.emp_agent_a2, "praise")
        cls._event(cls.emp_agent_a2, "praise")
        cls._inspection(cls.agent_a, [10, 20, 30, 20, 20])

    @classmethod
    def _event(cls, employee, kind, amount=0.0, day="2026-04-15", state="confirmed"):
        return cls.env["cs.kpi.event"].create(
            {
                "employee_id": employee.id,
                "kind": kind,
                "amount": amount,
                "date": day,
                "reason": f"{kind} (test)",
                "state": state,
            }
        )

    @classmethod
    def _inspection(cls, agent, scores, day="2026-04-10", state="done"):
        inspection = cls.env["cs.qa.inspection"].create(
            {"agent_id": agent.id, "form_id": cls.qa_form.id, "date": day}
        )
        for line, score in zip(inspection.line_ids, scores, strict=True):
            line.score = score
        inspection.state = state
        return inspection

    def _card(self, employee, period=None):
        return self.env["cs.kpi.scorecard"].search(
            [
                ("period_id", "=", (period or self.period).id),
                ("employee_id", "=", employee.id),
            ]
        )

    def _line(self, employee, code):
        return self._card(employee).line_ids.filtered(
            lambda line: line.metric_id.code == code
        )
