# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, freeze_time, new_test_user, tagged

from odoo.addons.cs_member.tests.query_common import QueryBudgetMixin
from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import SIGNATURE_PNG

REGISTRATION_REPORT = "cs_complaint.action_report_complaint_registration"
NOTICE_REPORT = "cs_complaint.action_report_complaint_notice"
STATS_REPORT = "cs_complaint.action_report_complaint_stats"
TODAY = "2026-03-10 12:00:00"
TZ = "Asia/Shanghai"
# columns after the category and the month or department columns
FIGURES = ("total", "valid", "valid_rate", "resolved", "avg_hours", "met", "sla_rate")


@freeze_time(TODAY)
@tagged("post_install", "-at_install")
class TestComplaintReports(QueryBudgetMixin, ReportTestMixin, TransactionCase):
    """顾客投诉登记表, 客户投诉处理通知书 (PDF) and 顾客投诉分类统计表
    (XLSX, PDF): contents, figures, rights.

    The statistics are checked on a company of their own, so that no other
    complaint of the database (demo data) is counted. Its working schedule
    is in Asia/Shanghai (UTC+8): a complaint received on 31 January 17:00
    UTC is a February complaint there, whatever the reader's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.main_company = cls.env.company
        cls.company = cls.env["res.company"].create(
            {"name": "Complaint Stats Co (test)"}
        )
        # the company's days are Beijing's: they bound the periods and months
        cls.company.resource_calendar_id.tz = TZ
        companies = [Command.set((cls.main_company | cls.company).ids)]
        cls.supervisor = new_test_user(
            cls.env,
            "csrep_supervisor",
            groups="cs_member.group_cs_supervisor",
            name="CS Report Supervisor",
            company_ids=companies,
            tz=TZ,
        )
        cls.manager = new_test_user(
            cls.env,
            "csrep_manager",
            groups="cs_member.group_cs_manager",
            company_ids=companies,
            tz=TZ,
        )
        cls.agent = new_test_user(
            cls.env,
            "csrep_agent",
            groups="cs_member.group_cs_agent",
            name="CS Report Agent",
            company_ids=companies,
            tz=TZ,
        )
        cls.quality = new_test_user(
            cls.env,
            "csrep_quality",
            groups="cs_member.group_cs_quality",
            company_ids=companies,
            tz=TZ,
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "王五 Wang Wu",
                "phone": "+86 138 0000 0055",
                "mobile": "+86 139 0000 0055",
                "street": "88 Nanjing Road",
                "city": "Shanghai",
            }
        )
        cls._setup_stats_data()
        cls._setup_form_data()

    @classmethod
    def _complaint(cls, received, category=None, department=None, **vals):
        complaint = cls.env["cs.complaint"].create(
            {
                "partner_id": cls.customer.id,
                "description": "<p>Stats complaint</p>",
                "date_received": received,
                "category_id": category.id if category else False,
                "department_id": department.id if department else False,
                "company_id": vals.pop("company_id", cls.company.id),
            }
        )
        if vals.get("state") in ("resolved", "closed"):
            vals.setdefault("date_resolved", received)
        if vals:
            complaint.write(vals)
        return complaint

    @classmethod
    def _setup_stats_data(cls):
        Category = cls.env["cs.complaint.category"]
        cls.cat_quality = Category.create(
            {"name": "Stats Quality (test)", "sequence": 1}
        )
        cls.cat_broken = Category.create(
            {"name": "Broken (test)", "parent_id": cls.cat_quality.id, "sequence": 1}
        )
        cls.cat_missing = Category.create(
            {
                "name": "Missing Parts (test)",
                "parent_id": cls.cat_quality.id,
                "sequence": 2,
            }
        )
        cls.cat_service = Category.create(
            {"name": "Stats Service (test)", "sequence": 2}
        )
        Department = cls.env["hr.department"]
        cls.sales = Department.create(
            {"name": "Stats Sales (test)", "company_id": cls.company.id}
        )
        cls.logistics = Department.create(
            {"name": "Stats Logistics (test)", "company_id": cls.company.id}
        )

        def resolved(hours, met, state="resolved"):
            return {"state": state, "handling_hours": hours, "sla_met": met}

        quality, broken, missing = cls.cat_quality, cls.cat_broken, cls.cat_missing
        cls._complaint("2026-01-10 02:00:00", quality, cls.sales, **resolved(10, True))
        cls._complaint(
            "2026-01-20 02:00:00", broken, cls.sales, **resolved(30, False, "closed")
        )
        cls._complaint("2026-02-05 02:00:00", broken, cls.logistics, state="rejected")
        # 1 February 01:00 in Shanghai
        cls._complaint(
            "2026-01-31 17:00:00", missing, cls.logistics, **resolved(20, True)
        )
        cls._complaint("2026-03-03 02:00:00", missing, state="investigating")
        cls._complaint(
            "2026-02-14 02:00:00", cls.cat_service, cls.sales, **resolved(4, True)
        )
        cls._complaint(
            "2026-03-20 02:00:00", cls.cat_service, cls.sales, state="rejected"
        )
        cls._complaint("2026-03-25 02:00:00")
        # outside: 31 December 23:00 and 1 April 00:30 in Shanghai, and
        # another company
        cls._complaint("2025-12-31 15:00:00", broken, cls.sales)
        cls._complaint("2026-03-31 16:30:00", broken, cls.sales)
        cls._complaint("2026-02-10 02:00:00", broken, company_id=cls.main_company.id)

    @classmethod
    def _setup_form_data(cls):
        cls.department = cls.env["hr.department"].create({"name": "After-Sales (test)"})
        Complaint = cls.env["cs.complaint"]
        cls.form_a = Complaint.create(
            {
                "partner_id": cls.customer.id,
                "subject": "Washing machine leaks",
                "channel": "walk_in",
                "date_received": "2026-03-02 01:30:00",
                "category_id": cls.cat_broken.id,
                "severity": "serious",
                "description": "<p>The washing machine leaks water 洗衣机漏水.</p>",
                "customer_request": "Replace the machine 更换新机",
                "department_id": cls.department.id,
                "user_id": cls.agent.id,
            }
        )
        cls.form_a.write(
            {
                "state": "implementing",
                "root_cause": "Faulty inlet valve from supplier batch 42",
                "solution": "Replace the machine and extend the warranty 延保一年",
                "compensation_amount": 300.0,
                "compensation_kind": "voucher",
                "customer_signature": SIGNATURE_PNG,
                "customer_signed_by": "Zhang Wei 张伟",
                "date_accepted": "2026-03-05 06:00:00",
                "customer_feedback": "Quick and fair",
            }
        )
        cls.form_b = Complaint.create(
            {
                "partner_id": cls.customer.id,
                "subject": "Late delivery",
                "channel": "phone",
                "date_received": "2026-03-03 02:00:00",
                "category_id": cls.cat_service.id,
                "description": "<p>The sofa came a week late.</p>",
                "user_id": cls.agent.id,
            }
        )
        cls.form_b.write(
            {
                "state": "rejected",
                "reject_reason": "The delivery date agreed in the order was kept.",
            }
        )

    def _wizard(self, user=None, **vals):
        Wizard = self.env["cs.complaint.stats.wizard"].with_user(
            user or self.supervisor
        )
        return Wizard.create(
            dict(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                    "company_id": self.company.id,
                },
                **vals,
            )
        )

    @staticmethod
    def _figures(row):
        return tuple(row[key] for key in ("count",) + FIGURES[1:])

    def _rows(self, table):
        return {row["name"]: row for row in table["rows"]}

    # ------------------------------------------------------------------
    # statistics figures
    # ------------------------------------------------------------------

    def test_stats_by_month(self):
        stats = self._wizard()._get_stats()
        self.assertEqual(stats["count"], 8)
        table = stats["months"]
        self.assertEqual(table["columns"], ["2026-01", "2026-02", "2026-03"])
        self.assertEqual(
            [(row["name"], row["depth"]) for row in table["rows"]],
            [
                ("Stats Quality (test)", 0),
                ("Stats Quality (test) / Broken (test)", 1),
                ("Stats Quality (test) / Missing Parts (test)", 1),
                ("Stats Service (test)", 0),
                ("No category", 0),
            ],
        )
        rows = self._rows(table)
        quality = rows["Stats Quality (test)"]
        # the parent rolls up its own complaint and its sub-categories'
        self.assertEqual(quality["cells"], [2, 2, 1])
        # 5 complaints, 1 rejected; resolved 10 h (met), 30 h, 20 h (met)
        self.assertEqual(self._figures(quality), (5, 4, 80.0, 3, 20.0, 2, 66.7))
        broken = rows["Stats Quality (test) / Broken (test)"]
        self.assertEqual(broken["cells"], [1, 1, 0])
        self.assertEqual(self._figures(broken), (2, 1, 50.0, 1, 30.0, 0, 0.0))
        missing = rows["Stats Quality (test) / Missing Parts (test)"]
        # received on 31 January UTC, 1 February in Shanghai
        self.assertEqual(missing["cells"], [0, 1, 1])
        self.assertEqual(self._figures(missing), (2, 2, 100.0, 1, 20.0, 1, 100.0))
        service = rows["Stats Service (test)"]
        self.assertEqual(service["cells"], [0, 1, 1])
        self.assertEqual(self._figures(service), (2, 1, 50.0, 1, 4.0, 1, 100.0))
        # nothing resolved: no average, no compliance (not 0)
        no_category = rows["No category"]
        self.assertEqual(no_category["cells"], [0, 0, 1])
        self.assertEqual(self._figures(no_category), (1, 1, 100.0, 0, None, 0, None))
        total = table["total"]
        self.assertEqual(total["cells"], [2, 3, 3])
        # each complaint once: (10 + 30 + 20 + 4) / 4 hours, 3 of 4 in time
        self.assertEqual(self._figures(total), (8, 6, 75.0, 4, 16.0, 3, 75.0))

    def test_stats_by_department(self):
        table = self._wizard()._get_stats()["departments"]
        self.assertEqual(
            table["columns"],
            ["Stats Logistics (test)", "Stats Sales (test)", "No department"],
        )
        rows = self._rows(table)
        self.assertEqual(rows["Stats Quality (test)"]["cells"], [2, 2, 1])
        self.assertEqual(
            rows["Stats Quality (test) / Broken (test)"]["cells"], [1, 1, 0]
        )
        self.assertEqual(rows["Stats Service (test)"]["cells"], [0, 2, 0])
        self.assertEqual(rows["No category"]["cells"], [0, 0, 1])
        self.assertEqual(
            self._figures(rows["Stats Quality (test)"]), (5, 4, 80.0, 3, 20.0, 2, 66.7)
        )
        self.assertEqual(table["total"]["cells"], [2, 4, 2])
        self.assertEqual(self._figures(table["total"]), (8, 6, 75.0, 4, 16.0, 3, 75.0))

    def test_stats_days_are_the_company_s(self):
        """A reader in New York counts the same complaints in the same months."""
        self.supervisor.tz = "America/New_York"
        stats = self._wizard()._get_stats()
        self.assertEqual(stats["count"], 8)
        self.assertEqual(stats["months"]["total"]["cells"], [2, 3, 3])

    def test_stats_resolved_in_period(self):
        """Resolved, handling time and compliance count the complaints
        resolved in the period, also those received before it; received
        counts only those received in it."""
        self._complaint(
            "2025-12-20 02:00:00",
            self.cat_service,
            self.sales,
            state="resolved",
            handling_hours=40,
            sla_met=False,
            date_resolved="2026-02-02 03:00:00",
        )
        # resolved on 1 April in Beijing: after the period
        self._complaint(
            "2026-03-30 02:00:00",
            self.cat_service,
            self.sales,
            state="resolved",
            handling_hours=8,
            sla_met=True,
            date_resolved="2026-03-31 17:00:00",
        )
        stats = self._wizard()._get_stats()
        self.assertEqual(stats["count"], 9)
        service = self._rows(stats["months"])["Stats Service (test)"]
        # received: 14 Feb, 20 Mar, 30 Mar; resolved in the period: 4 h (met)
        # and 40 h (late)
        self.assertEqual(self._figures(service), (3, 2, 66.7, 2, 22.0, 1, 50.0))
        self.assertEqual(
            self._figures(stats["months"]["total"]), (9, 7, 77.8, 5, 20.8, 3, 60.0)
        )
        resolved = stats["resolved"]
        self.assertEqual(
            (resolved["count"], resolved["met"], resolved["late"]), (5, 3, 2)
        )
        self.assertEqual(resolved["sla_rate"], 60.0)

    def test_stats_department_filter(self):
        child = self.env["hr.department"].create(
            {
                "name": "Stats Online Sales (test)",
                "parent_id": self.sales.id,
                "company_id": self.company.id,
            }
        )
        self._complaint("2026-03-04 02:00:00", self.cat_service, child)
        stats = self._wizard(department_id=self.sales.id)._get_stats()
        self.assertEqual(stats["labels"]["department"], "Stats Sales (test)")
        table = stats["departments"]
        # the department and its sub-department
        self.assertEqual(
            table["columns"],
            ["Stats Sales (test)", "Stats Sales (test) / Stats Online Sales (test)"],
        )
        rows = self._rows(table)
        self.assertEqual(
            list(rows),
            [
                "Stats Quality (test)",
                "Stats Quality (test) / Broken (test)",
                "Stats Service (test)",
            ],
        )
        self.assertEqual(rows["Stats Service (test)"]["cells"], [2, 1])
        self.assertEqual(self._figures(table["total"]), (5, 4, 80.0, 3, 14.67, 2, 66.7))

    def test_stats_empty_period(self):
        """No complaint in the period: every figure is zero, no rate is
        made up, and the files are still complete."""
        wizard = self._wizard(date_from=date(2020, 1, 1), date_to=date(2020, 1, 31))
        stats = wizard._get_stats()
        self.assertEqual(stats["count"], 0)
        self.assertEqual(stats["months"]["columns"], ["2020-01"])
        self.assertEqual(stats["months"]["rows"], [])
        self.assertEqual(stats["departments"]["columns"], [])
        self.assertEqual(stats["months"]["total"]["cells"], [0])
        self.assertEqual(
            self._figures(stats["months"]["total"]), (0, 0, None, 0, None, 0, None)
        )
        book = self._export(wizard)
        self.assertEqual(book.sheetnames, ["By Month", "By Department"])
        sheet = book["By Month"]
        self.assertIn(
            "No complaint was received in this period.",
            [row[0] for row in sheet.iter_rows(values_only=True)],
        )
        header, rows, total = self._sheet_table(sheet)
        self.assertEqual(header, ("Category", "2020-01") + self._figure_headers())
        self.assertEqual(rows, {})
        self.assertEqual(total, ("Total", 0, 0, 0, None, 0, None, 0, None))
        html = self._html(STATS_REPORT, wizard)
        self.assertInPage("No complaint was received in this period.", html)

    def test_stats_queries_do_not_grow(self):
        """Grouped queries only: more complaints, categories and departments
        cost no more queries."""
        wizard = self._wizard()

        self._queries(wizard._get_stats)  # warm the caches (groups, rules)
        baseline = self._queries(wizard._get_stats)
        for index in range(4):
            category = self.env["cs.complaint.category"].create(
                {"name": f"Extra {index} (test)", "parent_id": self.cat_broken.id}
            )
            department = self.env["hr.department"].create(
                {
                    "name": f"Extra Department {index} (test)",
                    "company_id": self.company.id,
                }
            )
            self._complaint(
                f"2026-02-0{index + 1} 02:00:00",
                category,
                department,
                state="closed",
                handling_hours=8,
                sla_met=True,
            )
        self.assertEqual(len(wizard._get_stats()["months"]["rows"]), 9)
        self.assertQueriesDoNotGrow([baseline, self._queries(wizard._get_stats)], 10)

    # ------------------------------------------------------------------
    # rights and validation
    # ------------------------------------------------------------------

    def test_defaults(self):
        wizard = Form(self.env["cs.complaint.stats.wizard"].with_user(self.supervisor))
        # the last twelve months, the current one included
        self.assertEqual(wizard.date_from, date(2025, 4, 1))
        self.assertEqual(wizard.date_to, date(2026, 3, 10))
        self.assertEqual(wizard.company_id, self.main_company)
        self.assertFalse(wizard.department_id)

    def test_date_order(self):
        with self.assertRaises(ValidationError):
            self._wizard(date_from=date(2026, 3, 31), date_to=date(2026, 3, 1))

    def test_agent_denied(self):
        for user in (self.agent, self.quality):
            with self.assertRaises(AccessError):
                self._wizard(user=user)
        wizard = self._wizard()
        for method in ("_get_stats", "action_print_pdf", "action_export_xlsx"):
            with self.assertRaises(AccessError):
                getattr(wizard.with_user(self.agent), method)()

    def test_manager_allowed(self):
        stats = self._wizard(user=self.manager)._get_stats()
        self.assertEqual(stats["count"], 8)

    def test_menu_for_supervisors(self):
        menu = self.env.ref("cs_complaint.cs_complaint_stats_wizard_menu")
        self.assertEqual(menu.parent_id, self.env.ref("cs_member.menu_cs_reporting"))
        self.assertEqual(menu.groups_id, self.env.ref("cs_member.group_cs_supervisor"))

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------

    def _export(self, wizard):
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/{wizard.id}/file_data/", action["url"])
        self.assertTrue(wizard.file_name.endswith(".xlsx"))
        # the file leaves the system: logged like every export (A3)
        log = self.env["cs.export.log"].search([], limit=1)
        self.assertEqual(
            (log.model, log.user_id, log.row_count),
            ("cs.complaint", wizard.env.user, wizard._get_stats()["count"]),
        )
        return self._workbook(wizard)

    @staticmethod
    def _figure_headers():
        return (
            "Total",
            "Valid",
            "Valid Rate",
            "Resolved",
            "Average Handling Time (hours)",
            "Solved in Time",
            "Deadline Compliance",
        )

    @staticmethod
    def _sheet_table(sheet):
        """(header, {category: values}, total values) of a statistics sheet."""
        lines = list(sheet.iter_rows(values_only=True))
        start = next(i for i, line in enumerate(lines) if line[0] == "Category")
        body = lines[start + 1 :]
        rows = {line[0]: line[1:] for line in body[:-1]}
        return lines[start], rows, body[-1]

    def test_export_xlsx(self):
        wizard = self._wizard()
        book = self._export(wizard)
        self.assertEqual(
            wizard.file_name, "complaint_statistics_2026-01-01_2026-03-31.xlsx"
        )
        self.assertEqual(book.sheetnames, ["By Month", "By Department"])
        header, rows, total = self._sheet_table(book["By Month"])
        self.assertEqual(
            header,
            ("Category", "2026-01", "2026-02", "2026-03") + self._figure_headers(),
        )
        self.assertEqual(
            list(rows),
            [
                "Stats Quality (test)",
                "Stats Quality (test) / Broken (test)",
                "Stats Quality (test) / Missing Parts (test)",
                "Stats Service (test)",
                "No category",
            ],
        )
        self.assertEqual(
            rows["Stats Quality (test)"], (2, 2, 1, 5, 4, 80, 3, 20, 2, 66.7)
        )
        self.assertEqual(
            rows["Stats Quality (test) / Missing Parts (test)"],
            (0, 1, 1, 2, 2, 100, 1, 20, 1, 100),
        )
        self.assertEqual(rows["No category"], (0, 0, 1, 1, 1, 100, 0, None, 0, None))
        self.assertEqual(total, ("Total", 2, 3, 3, 8, 6, 75, 4, 16, 3, 75))
        header, rows, total = self._sheet_table(book["By Department"])
        self.assertEqual(
            header[:4],
            (
                "Category",
                "Stats Logistics (test)",
                "Stats Sales (test)",
                "No department",
            ),
        )
        self.assertEqual(
            rows["Stats Service (test)"], (0, 2, 0, 2, 1, 50, 1, 4, 1, 100)
        )
        self.assertEqual(total, ("Total", 2, 4, 2, 8, 6, 75, 4, 16, 3, 75))

    # ------------------------------------------------------------------
    # PDF
    # ------------------------------------------------------------------

    def assertInPage(self, text, page):
        """``assertIn`` that does not print the whole page when it fails."""
        self.assertTrue(text in page, f"{text!r} is not in the page")

    def assertNotInPage(self, text, page):
        self.assertFalse(text in page, f"{text!r} is in the page")

    def _html(self, report, records, user=None):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(user or self.supervisor)
            ._render_qweb_html(report, records.ids)
        )
        return html.decode()

    def test_stats_report(self):
        wizard = self._wizard()
        action = wizard.action_print_pdf()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "cs_complaint.report_complaint_stats")
        html = self._html(STATS_REPORT, wizard)
        self.assertInPage("Stats Quality (test) / Missing Parts (test)", html)
        self.assertInPage("<span>66.7</span> %", html)
        self.assertInPage("<span>16.00</span>", html)
        self.assertInPage("Stats Logistics (test)", html)

    def test_registration_form_html(self):
        """An agent prints the form of the complaints they handle, one page
        each."""
        html = self._html(REGISTRATION_REPORT, self.form_a | self.form_b, self.agent)
        self.assertEqual(html.count('class="page o_cs_complaint_form"'), 2)
        for text in (
            self.form_a.name,
            self.form_b.name,
            "Complaint Registration Form",
            "王五 Wang Wu",
            "+86 139 0000 0055",
            "88 Nanjing Road",
            "The washing machine leaks water 洗衣机漏水.",
            "Replace the machine 更换新机",
            "Stats Quality (test) / Broken (test)",
            "After-Sales (test)",
            "CS Report Agent",
            "Serious",
            "Visit",
            "The sofa came a week late.",
            "Supervisor review:",
        ):
            self.assertInPage(text, html)
        # the received time and the deadlines in the user's time zone
        self.assertInPage("03/02/2026 09:30:00", html)
        deadline = self.form_a.date_resolve_deadline
        self.assertTrue(deadline)
        local = fields.Datetime.context_timestamp(
            self.form_a.with_user(self.agent), deadline
        )
        self.assertInPage(local.strftime("%m/%d/%Y %H:%M:%S"), html)

    def test_handling_notice_html(self):
        html = self._html(NOTICE_REPORT, self.form_a | self.form_b, self.agent)
        self.assertEqual(html.count('class="page o_cs_complaint_form"'), 2)
        page_a, page_b = html.split('class="page o_cs_complaint_form"')[1:]
        for text in (
            self.form_a.name,
            "Complaint Handling Notice",
            "王五 Wang Wu",
            "Faulty inlet valve from supplier batch 42",
            "Replace the machine and extend the warranty 延保一年",
            "300.00",
            "Voucher",
            "After-Sales (test)",
            "I accept the solution above.",
            "Quick and fair",
            "Customer's signature:",
            # the customer's signed acceptance
            "Zhang Wei 张伟",
            'alt="Signature"',
        ):
            self.assertInPage(text, page_a)
        self.assertNotInPage('alt="Signature"', page_b)
        # a rejected complaint: the reason, nothing to accept
        self.assertInPage(self.form_b.name, page_b)
        self.assertInPage("The delivery date agreed in the order was kept.", page_b)
        self.assertNotInPage("I accept the solution above.", page_b)
        self.assertNotInPage("Faulty inlet valve", page_b)

    def test_registration_form_pdf(self):
        text = self._pdf_text(self._render_pdf(REGISTRATION_REPORT, self.form_a))
        self.assertIn(self.form_a.name, text)
        self.assertIn("Wang Wu", text)
        self.assertIn("Replace the machine", text)
        self._assert_cjk_font()
        self.assertIn("王五", text)
        self.assertIn("洗衣机漏水", text)

    def test_handling_notice_pdf(self):
        text = self._pdf_text(self._render_pdf(NOTICE_REPORT, self.form_a))
        self.assertIn(self.form_a.name, text)
        self.assertIn("Wang Wu", text)
        self.assertIn("Faulty inlet valve from supplier batch 42", text)
        self._assert_cjk_font()
        self.assertIn("延保一年", text)

    def test_forms_pdf_batch(self):
        """One page per complaint."""
        self._skip_without_multipage_pdf()
        for report in (REGISTRATION_REPORT, NOTICE_REPORT):
            text = self._pdf_text(self._render_pdf(report, self.form_a | self.form_b))
            self.assertEqual(text.count("\f"), 2)
            self.assertIn(self.form_b.name, text)

    def test_stats_pdf(self):
        text = self._pdf_text(self._render_pdf(STATS_REPORT, self._wizard()))
        self.assertIn("Stats Quality (test)", text)
        self.assertIn("Complaint Classification Statistics", text)
