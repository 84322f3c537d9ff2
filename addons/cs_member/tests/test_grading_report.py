# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


from odoo.tests import freeze_time

from .common import TODAY, CsMemberCommon
from .report_common import ReportTestMixin

HEADERS = [
    "Customer",
    "Grade",
    "Level",
    "Card Number",
    "Card Valid Until",
    "Points",
    "Responsible Agent",
    "Phone",
    "City",
]


@freeze_time(TODAY)
class TestGradingReport(ReportTestMixin, CsMemberCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only this test's customers are graded
        Partner = cls.env["res.partner"]
        Partner.search([("cs_grade", "!=", False)]).cs_grade = False
        cls.customer_a.cs_grade = "important"
        cls.customer_a2.cs_grade = "normal"
        cls.customer_b.cs_grade = "key"
        cls._create_card(cls.customer_a, cls.gold)
        cls._create_card(cls.customer_a2, cls.silver)
        cls._create_card(cls.customer_b, cls.diamond)
        cls._book(cls.customer_a, 1234)
        cls.key_gold = cls._create_member(
            "Key Gold",
            cls.agent_a,
            cs_grade="key",
            phone="+86 21 5555 0000",
            city="Shanghai",
        )
        cls._create_card(cls.key_gold, cls.gold)
        cls.normal_silver = cls._create_member(
            "Normal Silver", cls.agent_b, cs_grade="normal"
        )
        cls._create_card(cls.normal_silver, cls.silver)
        cls.prospect = cls._create_member("Prospect", cls.agent_a, cs_grade="potential")
        cls.suspended = cls._create_member(
            "Suspended Member", cls.agent_b, cs_grade="potential"
        )
        cls._create_card(cls.suspended, cls.gold).action_suspend()
        # a member without a grade is not in the grading
        cls._create_card(cls._create_member("Ungraded", cls.agent_a), cls.gold)

    def _export(self, **vals):
        wizard = (
            self.env["cs.member.grading.report.wizard"]
            .with_user(self.supervisor)
            .create(vals)
        )
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(
            f"/web/content/{wizard._name}/{wizard.id}/file_data/", action["url"]
        )
        self.assertTrue(wizard.file_name.endswith(".xlsx"))
        self.assertIn("2026-03-10", wizard.file_name)
        # the file leaves the system: logged like every export (A3)
        log = self.env["cs.export.log"].search([], limit=1)
        self.assertEqual(
            (log.model, log.user_id, log.row_count),
            (
                "res.partner",
                self.supervisor,
                len(wizard._get_partners()) if wizard.include_list else 0,
            ),
        )
        return self._workbook(wizard)

    def _summary(self, book):
        """{grade: {column: count}} of the Summary sheet."""
        sheet = book["Summary"]
        self.assertEqual(sheet["A1"].value, "Customer Grading")
        self.assertEqual(sheet["A2"].value, self.company.name)
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        header = rows[0]
        self.assertEqual(header[0], "Grade")
        return {
            row[0]: dict(zip(header[1:], row[1:], strict=True))
            for row in rows[1:]
            if row[0]
        }

    @staticmethod
    def _customers(book):
        rows = list(book["Customers"].iter_rows(values_only=True))
        return rows[0], {row[0]: row for row in rows[1:]}

    def test_summary_counts(self):
        book = self._export()
        self.assertEqual(book.sheetnames, ["Summary", "Customers"])
        summary = self._summary(book)
        self.assertEqual(
            list(summary), ["Key Account", "Important", "Normal", "Potential", "Total"]
        )
        self.assertEqual(
            list(summary["Total"]), ["Silver", "Gold", "Diamond", "No Level", "Total"]
        )
        self.assertEqual(
            summary["Key Account"],
            {"Silver": 0, "Gold": 1, "Diamond": 1, "No Level": 0, "Total": 2},
        )
        self.assertEqual(summary["Important"]["Gold"], 1)
        self.assertEqual(summary["Normal"]["Silver"], 2)
        self.assertEqual(summary["Potential"]["Total"], 0)
        self.assertEqual(
            summary["Total"],
            {"Silver": 2, "Gold": 2, "Diamond": 1, "No Level": 0, "Total": 5},
        )

    def test_customer_list(self):
        header, customers = self._customers(self._export())
        self.assertEqual(list(header), HEADERS)
        self.assertEqual(
            set(customers),
            {
                "Customer of A",
                "Customer of A2",
                "Customer of B",
                "Key Gold",
                "Normal Silver",
            },
        )
        row = customers["Customer of A"]
        self.assertEqual(
            row[1:4], ("Important", "Gold", self.customer_a.cs_card_id.number)
        )
        self.assertEqual(row[4].date(), self._date("2027-03-09"))
        self.assertEqual(row[5], 1234)
        self.assertEqual(row[6], self.agent_a.name)
        row = customers["Key Gold"]
        self.assertEqual(row[7:9], ("+86 21 5555 0000", "Shanghai"))

    def test_non_members_included_on_request(self):
        book = self._export(members_only=False)
        summary = self._summary(book)
        self.assertEqual(summary["Potential"]["No Level"], 2)
        self.assertEqual(summary["Total"]["Total"], 7)
        _header, customers = self._customers(book)
        self.assertEqual(len(customers), 7)
        self.assertEqual(customers["Prospect"][2:4], (None, None))

    def test_filter_by_grade(self):
        book = self._export(grade="key")
        summary = self._summary(book)
        self.assertEqual(summary["Total"]["Total"], 2)
        self.assertEqual(summary["Important"]["Total"], 0)
        _header, customers = self._customers(book)
        self.assertEqual(set(customers), {"Customer of B", "Key Gold"})

    def test_filter_by_level(self):
        book = self._export(level_ids=[(6, 0, self.gold.ids)])
        summary = self._summary(book)
        self.assertEqual(list(summary["Total"]), ["Gold", "No Level", "Total"])
        self.assertEqual(summary["Total"]["Gold"], 2)
        _header, customers = self._customers(book)
        self.assertEqual(set(customers), {"Customer of A", "Key Gold"})

    def test_filter_by_agent(self):
        book = self._export(agent_ids=[(6, 0, (self.agent_b | self.agent_a2).ids)])
        summary = self._summary(book)
        self.assertEqual(summary["Total"]["Total"], 3)
        _header, customers = self._customers(book)
        self.assertEqual(
            set(customers), {"Customer of B", "Normal Silver", "Customer of A2"}
        )

    def test_summary_only(self):
        book = self._export(include_list=False)
        self.assertEqual(book.sheetnames, ["Summary"])
