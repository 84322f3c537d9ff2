# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import local
from .report_case import MONTHLY_REPORT, ReportCase


@tagged("post_install", "-at_install")
class TestMonthlyReport(ReportCase):
    """The monthly service report (服务月报) of April 2026, on a company of
    its own so that nothing else of the database (demo data) is counted.
    Its users live in Asia/Shanghai: the month runs from 31 March 16:00 to
    30 April 16:00 UTC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company2 = cls.env["res.company"].create(
            {
                "name": "Monthly Report Co (test)",
                "cs_card_validity_months": 12,
                "cs_complaint_repeat_days": 90,
            }
        )
        (cls.supervisor | cls.manager | cls.agent_a).write(
            {"company_ids": [Command.link(cls.company2.id)]}
        )
        cls._setup_staff()
        cls._setup_complaints()
        cls._setup_callbacks()
        cls._setup_inspections()
        cls.period2 = cls.env["cs.kpi.period"].create(
            {
                "name": "2026-04",
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
                "company_id": cls.company2.id,
            }
        )
        # the indicators are computed in SQL: write the data first
        cls.env.flush_all()
        cls.period2.with_user(cls.supervisor).action_compute()
        cls.env.invalidate_all()

    @classmethod
    def _setup_staff(cls):
        """Five agents assessed on customer praise only: 3, 2, 1, 0 and 0
        praises score 100, 66.7, 33.3, 0 and 0; a fine, a penalty, and a
        fine still to confirm."""
        company = cls.company2.id
        cls.dept2 = cls.env["hr.department"].create(
            {"name": "Service Desk (test)", "company_id": company}
        )
        job = cls.env["hr.job"].create(
            {"name": "Desk Agent (test)", "company_id": company}
        )
        cls.env["cs.kpi.template"].create(
            {
                "name": "Desk agents (test)",
                "job_id": job.id,
                "company_id": company,
                "line_ids": [
                    Command.create(
                        {"metric_id": cls.metric["praise_count"].id, "weight": 100}
                    )
                ],
            }
        )
        Employee = cls.env["hr.employee"]
        cls.staff = {
            name: Employee.create(
                {
                    "name": name,
                    "company_id": company,
                    "department_id": cls.dept2.id,
                    "job_id": job.id,
                }
            )
            for name in ("Li Lei", "Han Meimei", "Wang Fang", "Zhao Qiang", "Sun Li")
        }
        for name, praises in (("Li Lei", 3), ("Han Meimei", 2), ("Wang Fang", 1)):
            for __ in range(praises):
                cls._event2(name, "praise")
        cls._event2("Zhao Qiang", "fine", 50, reason="Private call on duty")
        cls._event2("Sun Li", "penalty", 200, reason="Rude to a customer 态度恶劣")
        cls._event2("Zhao Qiang", "fine", 10, state="draft")
        # outside the month
        cls._event2("Li Lei", "praise", day="2026-05-02")
        cls._event2("Sun Li", "fine", 100, day="2026-03-31")

    @classmethod
    def _event2(
        cls, name, kind, amount=0.0, day="2026-04-15", state="confirmed", reason=None
    ):
        return cls.env["cs.kpi.event"].create(
            {
                "employee_id": cls.staff[name].id,
                "kind": kind,
                "amount": amount,
                "date": day,
                "reason": reason or f"{kind} (test)",
                "state": state,
                "company_id": cls.company2.id,
            }
        )

    @classmethod
    def _complaint(cls, partner, received, category, deadline=None, **vals):
        complaint = cls.env["cs.complaint"].create(
            {
                "partner_id": partner.id,
                "description": "<p>Monthly report complaint</p>",
                "date_received": local(received),
                "category_id": category.id,
                "company_id": cls.company2.id,
                "user_id": cls.agent_a.id,
            }
        )
        for key in ("date_resolved", "date_closed"):
            if key in vals:
                vals[key] = local(vals[key])
        if vals:
            complaint.write(vals)
        if deadline:
            complaint.date_resolve_deadline = local(deadline)
        return complaint

    @classmethod
    def _setup_complaints(cls):
        """Received in April (Shanghai): C1, C2, C3, C4, C5, C8, C10; C6 and
        C7 in March, C9 on 1 May 01:00 (30 April UTC)."""
        Partner = cls.env["res.partner"]
        cls.zhou = Partner.create({"name": "周杰 Zhou Jie"})
        others = Partner.create(
            [{"name": f"Report customer {n} (test)"} for n in range(8)]
        )

        def resolved(state, day, hours, met):
            return {
                "state": state,
                "date_resolved": day,
                "handling_hours": hours,
                "sla_met": met,
            }

        attitude, product, service = cls.cat_attitude, cls.cat_product, cls.cat_service
        cls.c1 = cls._complaint(
            others[0],
            "2026-04-02 10:00",
            attitude,
            **resolved("resolved", "2026-04-03 10:00", 10, True),
        )
        cls.c2 = cls._complaint(
            cls.zhou,
            "2026-04-05 10:00",
            product,
            **resolved("closed", "2026-04-20 10:00", 100, False),
        )
        # the same customer and category again: a repeat complaint, late
        cls.c3 = cls._complaint(
            cls.zhou,
            "2026-04-10 10:00",
            product,
            "2026-04-15 18:00",
            state="investigating",
            escalation_level="1",
        )
        cls.c4 = cls._complaint(
            others[1], "2026-04-28 10:00", service, "2026-05-06 18:00", state="assessed"
        )
        cls.c5 = cls._complaint(
            others[2],
            "2026-04-12 10:00",
            service,
            state="rejected",
            reject_reason="Not our product",
            date_closed="2026-04-13 10:00",
        )
        cls.c6 = cls._complaint(
            others[3],
            "2026-03-20 10:00",
            service,
            "2026-03-27 18:00",
            state="investigating",
        )
        cls.c7 = cls._complaint(
            others[4],
            "2026-03-25 10:00",
            service,
            **resolved("resolved", "2026-04-02 10:00", 50, True),
        )
        # resolved after the end of the month: open at its end, and late
        cls.c8 = cls._complaint(
            others[5],
            "2026-04-20 10:00",
            product,
            "2026-04-27 18:00",
            **resolved("resolved", "2026-05-03 10:00", 300, False),
        )
        cls.c9 = cls._complaint(
            others[6], "2026-05-01 01:00", product, state="assessed"
        )
        # 1 April 00:30 in Shanghai (31 March UTC): an April complaint
        cls.c10 = cls._complaint(
            others[7],
            "2026-04-01 00:30",
            attitude,
            severity="serious",
            **resolved("closed", "2026-04-01 10:00", 8, True),
        )

    @classmethod
    def _callback2(cls, partner, deadline, state="todo", done=None, **vals):
        callback = cls.env["cs.callback"].create(
            {
                "partner_id": partner.id,
                "user_id": cls.agent_a.id,
                "date_deadline": deadline,
                "company_id": cls.company2.id,
            }
        )
        if state != "todo":
            vals.update(state=state, date_done=local(done))
        if vals:
            callback.write(vals)
        return callback

    @classmethod
    def _member(cls, name, state, date_start, company=None):
        partner = cls.env["res.partner"].create({"name": name})
        cls._create_card(
            partner,
            date_start=date_start,
            activate=False,
            state=state,
            company_id=(company or cls.company2).id,
        )
        return partner

    @classmethod
    def _setup_callbacks(cls):
        """Members with a card valid in April: M1, M2 (expires 30 April), M3
        and M4; M1, M2 and M4 were called back in April."""
        m1 = cls._member("Member 1 (test)", "active", "2026-01-01")
        m2 = cls._member("Member 2 (test)", "expired", "2025-05-01")
        m3 = cls._member("Member 3 (test)", "active", "2026-02-01")
        m4 = cls._member("Member 4 (test)", "active", "2026-03-01")
        m5 = cls._member("Member 5 (test)", "active", "2026-05-10")
        m6 = cls._member("Member 6 (test)", "expired", "2025-01-01")
        m7 = cls._member("Member 7 (test)", "cancelled", "2026-01-01")
        m8 = cls._member("Member 8 (test)", "active", "2026-01-01", company=cls.company)
        guest = cls.env["res.partner"].create({"name": "Guest (test)"})

        def reached(score, satisfaction):
            return {"outcome": "reached", "score": score, "satisfaction": satisfaction}

        cls._callback2(
            m1, "2026-04-03", "done", "2026-04-03 10:00", **reached(5, "satisfied")
        )
        cls._callback2(
            m2, "2026-04-10", "done", "2026-04-10 10:00", **reached(3, "average")
        )
        cls._callback2(
            guest, "2026-04-15", "done", "2026-04-15 10:00", **reached(1, "unsatisfied")
        )
        cls._callback2(
            m3, "2026-04-16", "failed", "2026-04-16 10:00", outcome="no_answer"
        )
        cls._callback2(
            m3, "2026-05-02", "done", "2026-05-02 10:00", **reached(5, "satisfied")
        )
        # 1 April 00:30 in Shanghai
        cls._callback2(
            m4, "2026-04-01", "done", "2026-04-01 00:30", **reached(4, "satisfied")
        )
        # due in April, not made by its end
        cls._callback2(guest, "2026-04-20")
        cls._callback2(
            guest, "2026-04-25", "done", "2026-05-03 10:00", **reached(5, "satisfied")
        )
        # due in May
        cls._callback2(guest, "2026-05-05")
        # callbacks of customers whose card was not valid in April (or is
        # another company's): made and reached, but no member covered
        for member in (m5, m6, m7, m8):
            cls._callback2(
                member, "2026-04-08", "done", "2026-04-08 10:00", outcome="reached"
            )

    @classmethod
    def _setup_inspections(cls):
        Inspection = cls.env["cs.qa.inspection"]
        for day, scores, state in (
            ("2026-04-10", [10, 20, 30, 20, 20], "done"),
            ("2026-04-20", [5, 10, 15, 10, 10], "appealed"),
            ("2026-04-21", [10, 20, 30, 20, 20], "draft"),
            ("2026-05-02", [0, 0, 0, 0, 0], "done"),
        ):
            inspection = Inspection.create(
                {
                    "agent_id": cls.agent_a.id,
                    "form_id": cls.qa_form.id,
                    "date": day,
                    "company_id": cls.company2.id,
                }
            )
            for line, score in zip(inspection.line_ids, scores, strict=True):
                line.score = score
            inspection.state = state

    def _month(self, user=None, period=None):
        return (
            self.env["report.cs_kpi.report_kpi_monthly"]
            .with_user(user or self.manager)
            ._get_month(period or self.period2)
        )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------

    def test_complaint_figures(self):
        complaints = self._month()["complaints"]
        self.assertEqual(complaints["received"], 7)
        self.assertEqual(
            (complaints["repeat"], complaints["serious"], complaints["escalated"]),
            (1, 1, 1),
        )
        self.assertEqual(
            [(line["code"], line["count"]) for line in complaints["states"]],
            [
                ("assessed", 1),
                ("investigating", 1),
                ("resolved", 2),
                ("closed", 2),
                ("rejected", 1),
            ],
        )
        rows = {row["name"]: row for row in complaints["categories"]}
        self.assertEqual(
            list(rows),
            ["Service (test)", "Service (test) / Attitude (test)", "Product (test)"],
        )

        def figures(row):
            return tuple(
                row[key]
                for key in (
                    "count",
                    "valid",
                    "resolved",
                    "avg_hours",
                    "met",
                    "sla_rate",
                )
            )

        # received: C4, C5 (rejected), C1 and C10 (attitude); resolved in
        # April, whenever received: C1 and C10 (10 h and 8 h) and C7 (received
        # in March, 50 h), all in time
        self.assertEqual(figures(rows["Service (test)"]), (4, 3, 3, 22.67, 3, 100.0))
        self.assertEqual(
            figures(rows["Service (test) / Attitude (test)"]), (2, 2, 2, 9.0, 2, 100.0)
        )
        # received: C2, C3, C8; resolved in April: C2, late in 100 h (C8 is
        # resolved in May)
        self.assertEqual(figures(rows["Product (test)"]), (3, 3, 1, 100.0, 0, 0.0))
        # the table's total is the month's resolved figure: one definition
        self.assertEqual(figures(complaints["total"]), (7, 6, 4, 42.0, 3, 75.0))
        self.assertEqual(
            complaints["resolved"],
            {
                "count": 4,
                "met": 3,
                "late": 1,
                "hours": 168.0,
                "sla_rate": 75.0,
                "exact_rate": 75.0,
                "avg_hours": 42.0,
            },
        )

    def test_open_problems(self):
        problems = self._month()["problems"]
        # C3, C4, C6 (March) and C8 (resolved in May); C3, C6 and C8 late
        self.assertEqual((problems["open"], problems["overdue"]), (4, 3))
        self.assertEqual(
            problems["open_list"].ids, (self.c6 | self.c3 | self.c8 | self.c4).ids
        )
        self.assertEqual(problems["repeat_list"], self.c3)
        self.assertEqual(self.c3.repeat_of_id, self.c2)
        self.assertEqual(problems["resolved_late"], 1)
        self.assertEqual(problems["callbacks_missed"], 2)
        self.assertEqual(problems["unsatisfied"], 1)

    def test_callback_figures(self):
        month = self._month()
        callbacks = month["callbacks"]
        # made in April: M1, M2, guest, M3 (failed), M4 and the four others
        self.assertEqual(
            (
                callbacks["made"],
                callbacks["done"],
                callbacks["failed"],
                callbacks["reached"],
            ),
            (9, 8, 1, 8),
        )
        self.assertEqual(callbacks["reach_rate"], 88.9)
        self.assertEqual(callbacks["average_score"], 3.25)
        self.assertEqual(
            [
                (line["code"], line["count"], line["rate"])
                for line in callbacks["satisfaction"]
            ],
            [("satisfied", 2, 50.0), ("average", 1, 25.0), ("unsatisfied", 1, 25.0)],
        )
        self.assertEqual(
            month["coverage"],
            {
                "members": 4,
                "covered": 3,
                "uncovered": 1,
                "rate": 75.0,
                "exact": 75.0,
            },
        )
        self.assertEqual(month["quality"], {"count": 2, "average": 75.0, "appealed": 1})

    def test_kpi_and_event_figures(self):
        month = self._month()
        kpi = month["kpi"]
        self.assertEqual(kpi["count"], 5)
        self.assertAlmostEqual(kpi["average"], 40.0)
        self.assertEqual(
            [(line["name"], line["count"]) for line in kpi["grades"]],
            [("A", 1), ("B", 0), ("C", 1), ("D", 3)],
        )
        self.assertEqual(kpi["stars"].employee_id.mapped("name"), ["Li Lei"])
        self.assertEqual(
            kpi["top"].employee_id.mapped("name"), ["Li Lei", "Han Meimei", "Wang Fang"]
        )
        self.assertEqual(
            set(kpi["bottom"].employee_id.mapped("name")), {"Zhao Qiang", "Sun Li"}
        )
        self.assertEqual(
            kpi["departments"],
            [{"name": "Service Desk (test)", "count": 5, "average": kpi["average"]}],
        )
        events = month["events"]
        self.assertEqual(
            [(kind["code"], kind["count"], kind["amount"]) for kind in events["kinds"]],
            [
                ("praise", 6, 0.0),
                ("reward", 0, 0.0),
                ("penalty", 1, 200.0),
                ("fine", 1, 50.0),
            ],
        )
        self.assertEqual(len(events["entries"]), 8)
        self.assertEqual(events["pending"], 1)

    def test_record_rules_apply(self):
        """A supervisor runs the report; the scorecards of departments they
        do not lead are not counted."""
        month = self._month(self.supervisor)
        self.assertEqual(month["complaints"]["received"], 7)
        self.assertEqual(month["kpi"]["count"], 0)

    def test_empty_month(self):
        """Nothing happened: zeros, no rate made up, the report still
        complete."""
        period = self.env["cs.kpi.period"].create(
            {
                "name": "2020-01",
                "date_from": date(2020, 1, 1),
                "date_to": date(2020, 1, 31),
                "company_id": self.company2.id,
            }
        )
        month = self._month(period=period)
        self.assertEqual(month["complaints"]["received"], 0)
        self.assertEqual(month["complaints"]["resolved"]["sla_rate"], None)
        self.assertEqual(month["callbacks"]["reach_rate"], None)
        self.assertEqual(month["callbacks"]["average_score"], None)
        self.assertEqual(month["coverage"]["rate"], None)
        self.assertEqual(month["kpi"]["count"], 0)
        self.assertEqual(month["problems"]["open"], 0)
        html = self._html(MONTHLY_REPORT, period, self.manager)
        self.assertInPage("No complaint was received in this month.", html)
        self.assertInPage("The assessment of this month has not been computed.", html)

    def test_queries_do_not_grow(self):
        """Grouped queries only: more complaints, callbacks, members and
        events cost no more queries."""

        self._queries(self._month)  # warm the caches (groups, rules, translations)
        baseline = self._queries(self._month)
        for index in range(5):
            partner = self._member(
                f"Extra member {index} (test)", "active", "2026-01-01"
            )
            self._complaint(
                partner, f"2026-04-1{index} 10:00", self.cat_product, state="assessed"
            )
            self._callback2(
                partner, "2026-04-11", "done", "2026-04-11 10:00", outcome="reached"
            )
            self._event2("Wang Fang", "fine", 5)
        self.assertEqual(self._month()["complaints"]["received"], 12)
        # 30 of its own; cs_satisfaction's Open Problems section adds two
        self.assertQueriesDoNotGrow([baseline, self._queries(self._month)], 32)

    # ------------------------------------------------------------------
    # PDF
    # ------------------------------------------------------------------

    def test_monthly_html(self):
        html = self._html(MONTHLY_REPORT, self.period2, self.manager)
        for text in (
            "Monthly Service Report",
            "Monthly Report Co (test)",
            "Key Figures",
            "Service (test) / Attitude (test)",
            "<span>42.00</span>",
            "<span>50.0 %</span>",
            "<span>75.0 %</span>",
            "<span>88.9 %</span>",
            "<span>3.25</span>",
            "Li Lei",
            "Han Meimei",
            "Sun Li",
            "Rude to a customer 态度恶劣",
            "Open Problems",
            "Complaints Open at the End of the Month",
            "Repeat Complaints",
            "overdue",
            self.c3.name,
            self.c6.name,
            "Provisional",
            "Head of Customer Service",
            "Asia/Shanghai",
        ):
            self.assertInPage(text, html)
        # the repeat complaint names the complaint it repeats
        repeats = html[html.index("<h5>Repeat Complaints</h5>") :]
        self.assertInPage(self.c2.name, repeats)
        self.assertNotInPage(self.c9.name, html)
        self.assertNotInPage(self.c5.name, html[html.index("Open Problems") :])

    def test_monthly_pdf(self):
        text = self._pdf_text(
            self._render_pdf(MONTHLY_REPORT, self.period2, self.manager)
        )
        self.assertIn("Monthly Service Report", text)
        self.assertIn("Open Problems", text)
        self.assertIn("Li Lei", text)

    def test_monthly_agent_denied(self):
        self.agent_a.write({"company_ids": [Command.link(self.company2.id)]})
        with self.assertRaises(AccessError):
            self._html(MONTHLY_REPORT, self.period2, self.agent_a)
        with self.assertRaises(AccessError):
            self._month(self.agent_a)
