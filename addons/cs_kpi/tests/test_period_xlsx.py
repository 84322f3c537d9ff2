# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .report_case import (
    INDICATORS,
    MONTHLY_REPORT,
    RANKING_REPORT,
    KpiReportsCase,
)


@tagged("post_install", "-at_install")
class TestPeriodXlsx(KpiReportsCase):
    """The XLSX of the month and the rights on the supervisors' reports."""

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------

    def _export(self, user):
        wizard = (
            self.env["cs.kpi.period.xlsx.wizard"]
            .with_user(user)
            .create({"period_id": self.period.id})
        )
        action = wizard.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(
            f"/cs.kpi.period.xlsx.wizard/{wizard.id}/file_data/", action["url"]
        )
        self.assertEqual(wizard.file_name, "assessment_2026-04.xlsx")
        # the file leaves the system: logged like every export (A3)
        log = self.env["cs.export.log"].search([], limit=1)
        self.assertEqual(
            (log.model, log.user_id, log.row_count),
            ("cs.kpi.scorecard", user, len(wizard._get_data()["rows"])),
        )
        return self._workbook(wizard)

    @staticmethod
    def _table(sheet):
        """(header, rows) of a sheet whose table starts at the line whose
        first cell is "Department"."""
        lines = list(sheet.iter_rows(values_only=True))
        start = next(i for i, line in enumerate(lines) if line[0] == "Department")
        return lines[start], lines[start + 1 :]

    def test_export_scorecards_sheet(self):
        book = self._export(self.manager)
        self.assertEqual(book.sheetnames, ["Scorecards", "Departments"])
        header, rows = self._table(book["Scorecards"])
        self.assertEqual(
            header,
            ("Department", "Rank", "Employee", "Job Position")
            + INDICATORS
            + ("Total Score", "Grade", "Star of the Month"),
        )
        self.assertEqual(
            [row[:3] for row in rows],
            [
                ("After-sales (test)", 1, "Agent B"),
                ("Customer service (test)", 1, "Agent A"),
                ("Customer service (test)", 2, "Agent A2"),
            ],
        )
        grades = dict(self.card_a._fields["grade"]._description_selection(self.env))
        for row, card in zip(
            rows, (self.card_b, self.card_a, self.card_a2), strict=True
        ):
            self.assertEqual(row[3], "Agent (test)")
            scores = {line.metric_id.name: line.score for line in card.line_ids}
            for name, value in zip(INDICATORS, row[4:11], strict=True):
                self.assertAlmostEqual(value, scores[name], places=6, msg=name)
            self.assertAlmostEqual(row[11], card.total_score, places=6)
            self.assertEqual(row[12], grades[card.grade])
            self.assertEqual(row[13], "Yes" if card.is_star else None)
        # callbacks done and quality inspection of agent A
        self.assertEqual((rows[1][4], rows[1][8]), (2.5, 100))

    def test_export_departments_sheet(self):
        book = self._export(self.manager)
        header, rows = self._table(book["Departments"])
        self.assertEqual(
            header,
            (
                "Department",
                "Employees",
                "Average Score",
                "Best Score",
                "Lowest Score",
                "Grade A",
                "Grade B",
                "Grade C",
                "Grade D",
                "Star of the Month",
            ),
        )
        self.assertEqual(
            [row[0] for row in rows],
            ["After-sales (test)", "Customer service (test)", "All departments"],
        )
        cards = (self.card_a, self.card_a2)
        totals = [card.total_score for card in cards]
        service = rows[1]
        self.assertEqual(service[1], 2)
        self.assertAlmostEqual(service[2], round(sum(totals) / 2, 2), places=6)
        self.assertAlmostEqual(service[3], max(totals), places=6)
        self.assertAlmostEqual(service[4], min(totals), places=6)
        expected = [sum(1 for card in cards if card.grade == g) for g in "abcd"]
        self.assertEqual(list(service[5:9]), expected)
        self.assertEqual(service[9], "Agent A")
        total = rows[2]
        self.assertEqual(total[1], 3)
        self.assertEqual(sum(total[5:9]), 3)
        self.assertEqual(set(total[9].split(", ")), {"Agent A", "Agent B"})

    def test_export_supervisor_own_department(self):
        book = self._export(self.supervisor)
        __, rows = self._table(book["Scorecards"])
        self.assertEqual([row[2] for row in rows], ["Agent A", "Agent A2"])
        __, rows = self._table(book["Departments"])
        self.assertEqual(
            [row[0] for row in rows], ["Customer service (test)", "All departments"]
        )

    def test_export_button(self):
        """The form's *Export XLSX* button (a server action) downloads the
        workbook of the month."""
        server_action = self.env.ref("cs_kpi.cs_kpi_period_action_export_xlsx")
        context = {
            "active_model": "cs.kpi.period",
            "active_id": self.period.id,
            "active_ids": self.period.ids,
        }
        action = server_action.with_user(self.supervisor).with_context(**context).run()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(
            action["url"].endswith("/assessment_2026-04.xlsx?download=true")
        )
        with self.assertRaises(AccessError):
            server_action.with_user(self.agent_a).with_context(**context).run()

    def test_form_buttons(self):
        arch = self.env["cs.kpi.period"].get_view(
            self.env.ref("cs_kpi.cs_kpi_period_view_form").id, "form"
        )["arch"]
        for xmlid in (
            MONTHLY_REPORT,
            RANKING_REPORT,
            "cs_kpi.cs_kpi_period_action_export_xlsx",
        ):
            self.assertIn(f'name="{self.env.ref(xmlid).id}"', arch)

    # ------------------------------------------------------------------
    # rights of the supervisors' reports
    # ------------------------------------------------------------------

    def test_agent_denied(self):
        """The ranking, the XLSX and the monthly report are for supervisors
        and managers: an agent gets an AccessError whatever the way."""
        for report in (RANKING_REPORT, MONTHLY_REPORT):
            with self.assertRaises(AccessError):
                self._html(report, self.period, self.agent_a)
            self.assertEqual(
                self.env.ref(report).groups_id,
                self.env.ref("cs_member.group_cs_supervisor"),
            )
        with self.assertRaises(AccessError):
            self.env["cs.kpi.period.xlsx.wizard"].with_user(self.agent_a).create(
                {"period_id": self.period.id}
            )
        wizard = (
            self.env["cs.kpi.period.xlsx.wizard"]
            .with_user(self.supervisor)
            .create({"period_id": self.period.id})
        )
        for method in ("action_export_xlsx", "_get_data"):
            with self.assertRaises(AccessError):
                getattr(wizard.with_user(self.agent_a), method)()
        with self.assertRaises(AccessError):
            self.env["report.cs_kpi.report_kpi_monthly"].with_user(
                self.agent_a
            )._get_month(self.period)
