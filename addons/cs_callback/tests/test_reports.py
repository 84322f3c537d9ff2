# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin
from odoo.addons.cs_member.tests.report_common import ReportTestMixin

RECORD_REPORT = "cs_callback.action_report_callback_record"
SUMMARY_REPORT = "cs_callback.action_report_callback_summary"


@tagged("post_install", "-at_install")
class TestCallbackReports(QueryBudgetMixin, ReportTestMixin, TransactionCase):
    """回访记录表 and 回访总结报告: figures, XLSX and PDF rendering, rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            "cbrep_supervisor",
            groups="cs_member.group_cs_supervisor",
            name="CB Supervisor",
        )
        cls.agent_a = new_test_user(
            cls.env,
            "cbrep_agent_a",
            groups="cs_member.group_cs_agent",
            name="CB Agent A",
        )
        cls.agent_b = new_test_user(
            cls.env,
            "cbrep_agent_b",
            groups="cs_member.group_cs_agent",
            name="CB Agent B",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Zhang San 张三", "phone": "+86 138 0000 0001"}
        )
        cls.other = cls.env["res.partner"].create({"name": "Li Si 李四"})
        cls.plan = cls.env["cs.callback.plan"].create(
            {"name": "March routine (test)", "agent_ids": [(6, 0, cls.agent_a.ids)]}
        )
        cls.Callback = cls.env["cs.callback"]
        march = date(2026, 3, 10)
        cls.c1 = cls._callback(
            cls.agent_a,
            march,
            state="done",
            outcome="reached",
            satisfaction="satisfied",
            score=5,
            feedback="Great service",
            date_done=datetime(2026, 3, 4, 3, 0),
            plan_id=cls.plan.id,
        )
        cls.c2 = cls._callback(
            cls.agent_a,
            march,
            state="done",
            outcome="reached",
            satisfaction="average",
            score=3,
            feedback="送货太慢 Delivery too slow",
            date_done=datetime(2026, 3, 5, 3, 0),
            plan_id=cls.plan.id,
        )
        cls.c3 = cls._callback(
            cls.agent_a,
            march,
            state="done",
            outcome="reached",
            satisfaction="unsatisfied",
            score=1,
            feedback="Rude staff",
            unsatisfied_reason="The shop assistant was rude.",
            date_done=datetime(2026, 3, 6, 3, 0),
            attempt_count=2,
        )
        cls.c4 = cls._callback(
            cls.agent_a, march, state="failed", outcome="wrong_number"
        )
        cls.c5 = cls._callback(cls.agent_b, march, state="done", outcome="refused")
        cls.c6 = cls._callback(cls.agent_b, march)
        cls.c7 = cls._callback(cls.agent_b, march, state="cancelled")
        cls.c8 = cls._callback(
            cls.agent_b,
            march,
            state="done",
            outcome="reached",
            satisfaction="satisfied",
            score=4,
            date_done=datetime(2026, 3, 7, 3, 0),
        )
        # outside the period: never counted
        cls._callback(
            cls.agent_a,
            date(2026, 4, 5),
            state="done",
            outcome="reached",
            satisfaction="unsatisfied",
            score=2,
            feedback="Outside the period",
            date_done=datetime(2026, 4, 5, 3, 0),
        )

    @classmethod
    def _callback(cls, agent, deadline, **vals):
        callback = cls.Callback.create(
            {
                "partner_id": cls.customer.id,
                "user_id": agent.id,
                "date_deadline": deadline,
            }
        )
        if vals:
            callback.write(vals)
        return callback

    def _wizard(self, user=None, **vals):
        Wizard = self.env["cs.callback.summary.wizard"].with_user(
            user or self.supervisor
        )
        return Wizard.create(
            dict({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)}, **vals)
        )

    # ------------------------------------------------------------------
    # summary figures
    # ------------------------------------------------------------------

    def test_summary_figures(self):
        summary = self._wizard()._get_summary()
        self.assertEqual(
            summary["totals"],
            {"total": 8, "todo": 1, "done": 5, "failed": 1, "cancelled": 1},
        )
        self.assertEqual(summary["reached"], 4)
        self.assertEqual(summary["reached_rate"], 66.7)  # 4 / (5 done + 1 failed)
        self.assertEqual(
            [(s["code"], s["count"], s["rate"]) for s in summary["satisfaction"]],
            [("satisfied", 2, 50.0), ("average", 1, 25.0), ("unsatisfied", 1, 25.0)],
        )
        self.assertEqual(summary["satisfaction_total"], 4)
        self.assertEqual(summary["average_score"], 3.25)  # (5 + 3 + 1 + 4) / 4
        self.assertEqual(
            [
                (
                    a["name"],
                    a["count"],
                    a["done"],
                    a["reached_rate"],
                    a["average_score"],
                    a["unsatisfied"],
                )
                for a in summary["agents"]
            ],
            [
                ("CB Agent A", 4, 3, 75.0, 3.0, 1),
                ("CB Agent B", 4, 2, 50.0, 4.0, 0),
            ],
        )
        self.assertEqual(
            [f["feedback"] for f in summary["feedback"]],
            ["Rude staff", "送货太慢 Delivery too slow"],
        )

    def test_summary_filters(self):
        by_plan = self._wizard(plan_id=self.plan.id, date_from=False, date_to=False)
        self.assertEqual(by_plan._get_summary()["totals"]["total"], 2)
        by_agent = self._wizard(user_ids=[(6, 0, self.agent_b.ids)])
        summary = by_agent._get_summary()
        self.assertEqual(summary["totals"]["total"], 4)
        self.assertEqual([a["name"] for a in summary["agents"]], ["CB Agent B"])
        # no period: every callback of these agents, also outside the month
        # (other callbacks in the database, e.g. demo data, are left out)
        everything = self._wizard(
            date_from=False,
            date_to=False,
            user_ids=[(6, 0, (self.agent_a | self.agent_b).ids)],
        )._get_summary()
        self.assertEqual(everything["totals"]["total"], 9)
        self.assertEqual(everything["feedback"][0]["feedback"], "Outside the period")

    def test_summary_empty(self):
        summary = self._wizard(
            date_from=date(2020, 1, 1), date_to=date(2020, 1, 31)
        )._get_summary()
        self.assertEqual(summary["totals"]["total"], 0)
        self.assertEqual(summary["reached_rate"], 0.0)
        self.assertEqual(summary["average_score"], 0.0)
        self.assertEqual(summary["agents"], [])
        self.assertEqual(summary["feedback"], [])

    def test_summary_queries_do_not_grow(self):
        """Grouped queries only: more callbacks, agents and customers cost no
        more queries."""
        wizard = self._wizard()
        self._queries(wizard._get_summary)  # warm the caches (groups, rules)
        baseline = self._queries(wizard._get_summary)
        for index in range(5):
            agent = new_test_user(
                self.env, f"cbrep_agent_x{index}", groups="cs_member.group_cs_agent"
            )
            customer = self.env["res.partner"].create({"name": f"Customer {index}"})
            self.Callback.create(
                {
                    "partner_id": customer.id,
                    "user_id": agent.id,
                    "date_deadline": date(2026, 3, 12),
                }
            ).write(
                {
                    "state": "done",
                    "outcome": "reached",
                    "satisfaction": "average",
                    "score": 3,
                    "feedback": f"Feedback {index}",
                    "date_done": datetime(2026, 3, 8, 3, index),
                }
            )
        self.assertEqual(len(wizard._get_summary()["agents"]), 7)
        self.assertQueriesDoNotGrow([baseline, self._queries(wizard._get_summary)], 12)

    def test_summary_defaults_from_plan(self):
        wizard = (
            self.env["cs.callback.summary.wizard"]
            .with_user(self.supervisor)
            .with_context(active_model="cs.callback.plan", active_id=self.plan.id)
            .create({})
        )
        self.assertEqual(wizard.plan_id, self.plan)
        self.assertFalse(wizard.date_from)
        self.assertEqual(wizard._get_summary()["totals"]["total"], 2)

    # ------------------------------------------------------------------
    # rights and validation
    # ------------------------------------------------------------------

    def test_date_order(self):
        with self.assertRaises(ValidationError):
            self._wizard(date_from=date(2026, 3, 31), date_to=date(2026, 3, 1))

    def test_agent_denied(self):
        with self.assertRaises(AccessError):
            self._wizard(user=self.agent_a)
        wizard = self._wizard()
        for method in ("_get_summary", "action_print_pdf", "action_export_xlsx"):
            with self.assertRaises(AccessError):
                getattr(wizard.with_user(self.agent_a), method)()

    # ------------------------------------------------------------------
    # XLSX and PDF
    # ------------------------------------------------------------------

    def test_export_xlsx(self):
        wizard = self._wizard()
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/{wizard.id}/file_data/", action["url"])
        self.assertTrue(wizard.file_name.endswith(".xlsx"))
        # the file leaves the system: logged like every export (A3)
        log = self.env["cs.export.log"].search([], limit=1)
        self.assertEqual(
            (log.model, log.user_id, log.row_count),
            ("cs.callback", wizard.env.user, len(wizard._get_summary()["agents"])),
        )
        book = self._workbook(wizard)
        values = {
            row[0]: row[1]
            for row in book.worksheets[0].iter_rows(values_only=True)
            if row[0]
        }
        self.assertEqual(values["Total Callbacks"], 8)
        self.assertEqual(values["Done"], 5)
        self.assertEqual(values["Failed"], 1)
        self.assertEqual(values["Cancelled"], 1)
        self.assertEqual(values["Open"], 1)
        self.assertEqual(values["Reached Rate"], 66.7)
        self.assertEqual(values["Average Score"], 3.25)
        self.assertEqual(values["Satisfied"], 2)
        agents = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
        self.assertEqual(agents[0][:3], ("CB Agent A", 4, 3))
        feedback = list(book.worksheets[2].iter_rows(min_row=2, values_only=True))
        self.assertEqual(feedback[0][4], "Rude staff")

    def test_print_pdf_action(self):
        action = self._wizard().action_print_pdf()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "cs_callback.report_callback_summary")

    def test_record_report_html(self):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html(RECORD_REPORT, (self.c2 | self.c3).ids)
        )
        html = html.decode()
        self.assertIn("Zhang San 张三", html)
        self.assertIn("送货太慢 Delivery too slow", html)
        self.assertIn("The shop assistant was rude.", html)
        self.assertEqual(html.count('class="page o_cs_callback_form"'), 2)

    def test_summary_report_html(self):
        wizard = self._wizard()
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor)
            ._render_qweb_html(SUMMARY_REPORT, wizard.ids)
        )
        html = html.decode()
        self.assertIn("<span>66.7</span> %", html)
        self.assertIn("CB Agent A", html)
        self.assertIn("Rude staff", html)

    def test_record_report_pdf(self):
        text = self._pdf_text(self._render_pdf(RECORD_REPORT, self.c3))
        self.assertIn("Zhang San", text)
        self.assertIn("Rude staff", text)

    def test_record_report_pdf_batch(self):
        """One page per callback. wkhtmltopdf built without its patched Qt
        cannot render several pages at once (whatever the report)."""
        self._skip_without_multipage_pdf()
        pdf = self._render_pdf(RECORD_REPORT, self.c1 | self.c3)
        self.assertEqual(self._pdf_text(pdf).count("\f"), 2)

    def test_summary_report_pdf(self):
        pdf = self._render_pdf(SUMMARY_REPORT, self._wizard())
        self.assertIn("CB Agent A", self._pdf_text(pdf))
