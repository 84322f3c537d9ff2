# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.cs_member.tests.report_common import ReportTestMixin

TZ = "Asia/Shanghai"
# 1 December 17:30 UTC is already 2 December 01:30 in Beijing
NOW = "2026-12-01 17:30:00"


@freeze_time(NOW)
@tagged("post_install", "-at_install")
class TestOneTruth(ReportTestMixin, TransactionCase):
    """One month, one set of figures: the monthly service report, the
    complaint statistics (XLSX) and the scorecards agree on callbacks done,
    satisfaction, member coverage, complaints received and complaints solved
    in time. The company works in Beijing; the manager reads from New York,
    at a time when UTC and Beijing are on different dates; the data sit on
    the month's edges (UTC times whose Beijing date is another month)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.company = cls.env["res.company"].create({"name": "One Truth Co (test)"})
        cls.company.resource_calendar_id.tz = TZ
        companies = {
            "company_id": cls.company.id,
            "company_ids": [Command.set(cls.company.ids)],
        }
        cls.manager = new_test_user(
            cls.env,
            "truth_manager",
            groups="cs_member.group_cs_manager",
            tz="America/New_York",
            **companies,
        )
        cls.agent_1 = new_test_user(
            cls.env, "truth_agent_1", groups="cs_member.group_cs_agent", **companies
        )
        cls.agent_2 = new_test_user(
            cls.env, "truth_agent_2", groups="cs_member.group_cs_agent", **companies
        )
        cls._setup_assessment()
        cls._setup_members()
        cls._setup_callbacks()
        cls._setup_complaints()

    @classmethod
    def _setup_assessment(cls):
        cls.env["cs.kpi.template"].search([]).active = False
        job = cls.env["hr.job"].create(
            {"name": "Truth Agent (test)", "company_id": cls.company.id}
        )
        cls.metrics = (
            "callbacks_done",
            "avg_satisfaction",
            "member_coverage",
            "complaint_sla",
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "Truth agents (test)",
                "job_id": job.id,
                "company_id": cls.company.id,
                "line_ids": [
                    Command.create(
                        {
                            "metric_id": cls.env.ref(f"cs_kpi.cs_kpi_metric_{code}").id,
                            "weight": 25,
                        }
                    )
                    for code in cls.metrics
                ],
            }
        )
        cls.employees = cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "job_id": job.id,
                    "company_id": cls.company.id,
                }
                for user in (cls.agent_1, cls.agent_2)
            ]
        )
        cls.period = cls.env["cs.kpi.period"].create(
            {
                "name": "2026-11",
                "date_from": date(2026, 11, 1),
                "date_to": date(2026, 11, 30),
                "company_id": cls.company.id,
            }
        )

    @classmethod
    def _setup_members(cls):
        level = cls.env["cs.member.level"].create(
            {
                "name": "Truth Level (test)",
                "code": "TRUTH",
                "sequence": 900,
                "min_points": 10_000_000,
                "callback_interval_days": 30,
                "validity_months": 24,
            }
        )
        Partner = cls.env["res.partner"]
        cls.m = {}
        for key, agent in (
            ("m1", cls.agent_1),
            ("m2", cls.agent_1),
            ("m3", cls.agent_1),
            ("m4", cls.agent_2),
            ("m5", cls.agent_2),
        ):
            cls.m[key] = Partner.create(
                {"name": f"Truth {key} (test)", "cs_agent_id": agent.id}
            )
        cls.env["cs.member.card"].create(
            [
                {
                    "partner_id": partner.id,
                    "level_id": level.id,
                    "company_id": cls.company.id,
                    "date_start": date(2026, 1, 1),
                    "state": "active",
                }
                for partner in cls.m.values()
            ]
        )

    @classmethod
    def _callback(cls, agent, member, date_done, state="done", **vals):
        callback = cls.env["cs.callback"].create(
            {
                "partner_id": cls.m[member].id,
                "user_id": agent.id,
                "company_id": cls.company.id,
                "date_deadline": date_done[:10],
            }
        )
        callback.write(dict({"state": state, "date_done": date_done}, **vals))
        return callback

    @classmethod
    def _setup_callbacks(cls):
        reached = {"outcome": "reached"}
        # agent 1: m1 on 1 November 01:00 in Beijing (31 October in UTC)
        cls._callback(
            cls.agent_1,
            "m1",
            "2026-10-31 17:00:00",
            score=5,
            satisfaction="satisfied",
            **reached,
        )
        cls._callback(
            cls.agent_1,
            "m2",
            "2026-11-15 02:00:00",
            score=3,
            satisfaction="average",
            **reached,
        )
        # m3 on 1 December 00:30 in Beijing: not November's
        cls._callback(
            cls.agent_1,
            "m3",
            "2026-11-30 16:30:00",
            score=1,
            satisfaction="unsatisfied",
            **reached,
        )
        # agent 2: m4 in November, m5 failed in November and called on
        # 31 October 23:00 in Beijing: within 30 days of 30 November
        cls._callback(
            cls.agent_2,
            "m4",
            "2026-11-20 02:00:00",
            score=2,
            satisfaction="unsatisfied",
            **reached,
        )
        cls._callback(cls.agent_2, "m5", "2026-11-21 02:00:00", "failed")
        cls._callback(cls.agent_2, "m5", "2026-10-31 15:00:00", **reached)

    @classmethod
    def _complaint(cls, agent, received, resolved=None, met=False):
        complaint = cls.env["cs.complaint"].create(
            {
                "partner_id": cls.m["m1"].id,
                "description": "<p>Truth complaint</p>",
                "date_received": received,
                "user_id": agent.id,
                "company_id": cls.company.id,
            }
        )
        if resolved:
            complaint.write(
                {
                    "state": "resolved",
                    "date_resolved": resolved,
                    "sla_met": met,
                    "handling_hours": 10,
                }
            )
        return complaint

    @classmethod
    def _setup_complaints(cls):
        # received 1 November in Beijing, resolved in time in November
        cls._complaint(cls.agent_1, "2026-10-31 17:00:00", "2026-11-05 02:00:00", True)
        # received in November, resolved on 1 December in Beijing
        cls._complaint(cls.agent_1, "2026-11-10 02:00:00", "2026-11-30 16:30:00", True)
        # received in October, resolved late in November
        cls._complaint(cls.agent_2, "2026-10-20 02:00:00", "2026-11-03 02:00:00")
        # received on 1 December in Beijing
        cls._complaint(cls.agent_2, "2026-11-30 16:30:00")

    # ------------------------------------------------------------------

    def _lines(self):
        """{metric code: {employee: actual}} of the month's scorecards."""
        scorecards = self.env["cs.kpi.scorecard"].search(
            [("period_id", "=", self.period.id)]
        )
        self.assertEqual(scorecards.employee_id, self.employees)
        result = {code: {} for code in self.metrics}
        for line in scorecards.line_ids.filtered("is_measured"):
            result[line.metric_id.code][line.scorecard_id.employee_id] = line.actual
        return result

    def _xlsx_total(self):
        wizard = (
            self.env["cs.complaint.stats.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": self.period.date_from,
                    "date_to": self.period.date_to,
                    "company_id": self.company.id,
                }
            )
        )
        wizard.action_export_xlsx()
        sheet = self._workbook(wizard)["By Month"]
        lines = list(sheet.iter_rows(values_only=True))
        header = next(line for line in lines if line[0] == "Category")
        total = next(line for line in lines if line[0] == "Total")
        return dict(zip(header, total, strict=True))

    def test_figures_agree(self):
        self.period.with_user(self.manager).action_compute()
        lines = self._lines()
        agent_1, agent_2 = self.employees
        month = (
            self.env["report.cs_kpi.report_kpi_monthly"]
            .with_user(self.manager)
            ._get_month(self.period)
        )

        # callbacks done: m1 and m2 for agent 1, m4 for agent 2
        callbacks = month["callbacks"]
        self.assertEqual((callbacks["done"], callbacks["failed"]), (3, 1))
        self.assertEqual(lines["callbacks_done"], {agent_1: 2, agent_2: 1})
        self.assertEqual(sum(lines["callbacks_done"].values()), callbacks["done"])

        # satisfaction: (5 + 3) / 2 and 2, weighted by the scored calls
        satisfaction = lines["avg_satisfaction"]
        self.assertAlmostEqual(satisfaction[agent_1], 4.0)
        self.assertAlmostEqual(satisfaction[agent_2], 2.0)
        self.assertEqual(callbacks["average_score"], 3.33)
        self.assertAlmostEqual(
            (satisfaction[agent_1] * 2 + satisfaction[agent_2] * 1) / 3,
            callbacks["exact_score"],
        )

        # coverage: agent 1 covers m1 and m2 of 3, agent 2 both of 2
        coverage = lines["member_coverage"]
        self.assertAlmostEqual(coverage[agent_1], 200 / 3)
        self.assertAlmostEqual(coverage[agent_2], 100.0)
        self.assertEqual(
            (month["coverage"]["members"], month["coverage"]["covered"]), (5, 4)
        )
        self.assertEqual(month["coverage"]["rate"], 80.0)
        self.assertAlmostEqual(
            (coverage[agent_1] * 3 + coverage[agent_2] * 2) / 5,
            month["coverage"]["exact"],
        )

        # complaints received in November: the first two; solved in time:
        # 1 of the 2 resolved in November
        xlsx = self._xlsx_total()
        complaints = month["complaints"]
        self.assertEqual(complaints["received"], 2)
        self.assertEqual(xlsx["Total"], 2)
        resolved = complaints["resolved"]
        self.assertEqual((resolved["count"], resolved["met"]), (2, 1))
        self.assertEqual(
            (xlsx["Resolved"], xlsx["Solved in Time"], xlsx["Deadline Compliance"]),
            (2, 1, 50),
        )
        self.assertEqual(resolved["sla_rate"], 50.0)
        sla = lines["complaint_sla"]
        self.assertEqual(sla, {agent_1: 100.0, agent_2: 0.0})
        self.assertAlmostEqual((sla[agent_1] + sla[agent_2]) / 2, resolved["sla_rate"])

    def test_coverage_report_is_the_same_figure_today(self):
        """The coverage report is the same query on the database's today in
        Beijing (PostgreSQL's clock, which the test does not freeze)."""
        self.env.flush_all()
        rows = self.env["cs.callback.coverage.report"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(rows), 5)
        [[today]] = self.env.execute_query(
            SQL("SELECT (now() AT TIME ZONE %s)::date", TZ)
        )
        figure = self.env["cs.callback.figures"]._cs_coverage(
            self.company, today, today
        )[None]
        self.assertEqual(
            (figure["members"], figure["covered"]),
            (len(rows), len(rows.filtered("is_covered"))),
        )
