# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

import xlsxwriter

from odoo import fields, models
from odoo.exceptions import AccessError

from ..models.res_partner import GRADE_SELECTION
from ..reporting import selection_labels

GRADES = [code for code, _label in GRADE_SELECTION]


class CsMemberGradingReportWizard(models.TransientModel):
    """Customer grading statement (客户等级分类表) as XLSX: counts per grade and
    level, then the customer list. Exports are restricted to supervisors and
    logged, as customer files may not leave the department at will (A3)."""

    _name = "cs.member.grading.report.wizard"
    _inherit = ["cs.xlsx.export.mixin"]
    _description = "Customer Grading Report"

    grade = fields.Selection(
        GRADE_SELECTION, help="Only this grade; empty includes every grade."
    )
    level_ids = fields.Many2many("cs.member.level", string="Levels")
    agent_ids = fields.Many2many("res.users", string="Agents")
    members_only = fields.Boolean(default=True)
    include_list = fields.Boolean(string="Include Customer List", default=True)

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.env.user.has_group("cs_member.group_cs_supervisor"):
            raise AccessError(
                self.env._("Only a customer service supervisor can export customers.")
            )
        return self._cs_xlsx_download(
            self._build_xlsx(),
            self.env._(
                "customer_grading_%(date)s.xlsx",
                date=self.env.company._cs_today(),
            ),
            "res.partner",
            len(self._get_partners()) if self.include_list else 0,
        )

    def _get_domain(self):
        domain = [("cs_grade", "!=", False)]
        if self.grade:
            domain.append(("cs_grade", "=", self.grade))
        if self.level_ids:
            domain.append(("cs_level_id", "in", self.level_ids.ids))
        if self.agent_ids:
            domain.append(("cs_agent_id", "in", self.agent_ids.ids))
        if self.members_only:
            domain.append(("cs_is_member", "=", True))
        return domain

    def _get_partners(self):
        return self.env["res.partner"].search(
            self._get_domain(), order="cs_grade, name"
        )

    def _get_matrix(self):
        """{(grade, level): count} and the levels in order, one grouped query."""
        groups = self.env["res.partner"]._read_group(
            self._get_domain(), ["cs_grade", "cs_level_id"], ["__count"]
        )
        matrix = {(grade, level.id): count for grade, level, count in groups}
        level_ids = {level.id for _grade, level, _count in groups if level}
        levels = (
            self.env["cs.member.level"]
            .with_context(active_test=False)
            .search([("id", "in", list(level_ids))])
        )
        return matrix, levels

    def _build_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "head": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1}
            ),
            "cell": workbook.add_format({"border": 1}),
            "total": workbook.add_format({"bold": True, "border": 1}),
            "date": workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd"}),
        }
        self._write_summary(workbook.add_worksheet(self.env._("Summary")), styles)
        if self.include_list:
            self._write_list(workbook.add_worksheet(self.env._("Customers")), styles)
        workbook.close()
        return output.getvalue()

    def _grade_labels(self):
        return selection_labels(self.env["res.partner"], "cs_grade")

    def _write_summary(self, sheet, styles):
        matrix, levels = self._get_matrix()
        labels = self._grade_labels()
        columns = [(level.id, level.name) for level in levels]
        columns.append((False, self.env._("No Level")))
        sheet.write(0, 0, self.env._("Customer Grading"), styles["title"])
        sheet.write(1, 0, self.env.company.name)
        sheet.write(3, 0, self.env._("Grade"), styles["head"])
        for col, (_level_id, name) in enumerate(columns, start=1):
            sheet.write(3, col, name, styles["head"])
        sheet.write(3, len(columns) + 1, self.env._("Total"), styles["head"])
        row = 4
        col_totals = [0] * len(columns)
        for grade in GRADES:
            sheet.write(row, 0, labels[grade], styles["cell"])
            total = 0
            for col, (level_id, _name) in enumerate(columns):
                count = matrix.get((grade, level_id), 0)
                sheet.write_number(row, col + 1, count, styles["cell"])
                col_totals[col] += count
                total += count
            sheet.write_number(row, len(columns) + 1, total, styles["total"])
            row += 1
        sheet.write(row, 0, self.env._("Total"), styles["total"])
        for col, total in enumerate(col_totals, start=1):
            sheet.write_number(row, col, total, styles["total"])
        sheet.write_number(row, len(columns) + 1, sum(col_totals), styles["total"])
        sheet.set_column(0, 0, 18)
        sheet.set_column(1, len(columns) + 1, 12)

    def _write_list(self, sheet, styles):
        headers = [
            self.env._("Customer"),
            self.env._("Grade"),
            self.env._("Level"),
            self.env._("Card Number"),
            self.env._("Card Valid Until"),
            self.env._("Points"),
            self.env._("Responsible Agent"),
            self.env._("Phone"),
            self.env._("City"),
        ]
        for col, header in enumerate(headers):
            sheet.write(0, col, header, styles["head"])
        labels = self._grade_labels()
        partners = self._get_partners()
        partners.fetch(
            [
                "name",
                "cs_grade",
                "cs_level_id",
                "cs_card_id",
                "cs_card_date_end",
                "cs_points",
                "cs_agent_id",
                "phone",
                "city",
            ]
        )
        for row, partner in enumerate(partners, start=1):
            values = [
                partner.name or "",
                labels.get(partner.cs_grade, ""),
                partner.cs_level_id.name or "",
                partner.cs_card_id.number or "",
            ]
            for col, value in enumerate(values):
                sheet.write(row, col, value, styles["cell"])
            if partner.cs_card_date_end:
                sheet.write_datetime(
                    row,
                    4,
                    fields.Datetime.to_datetime(partner.cs_card_date_end),
                    styles["date"],
                )
            else:
                sheet.write(row, 4, "", styles["cell"])
            sheet.write_number(row, 5, partner.cs_points, styles["cell"])
            sheet.write(row, 6, partner.cs_agent_id.name or "", styles["cell"])
            sheet.write(row, 7, partner.phone or "", styles["cell"])
            sheet.write(row, 8, partner.city or "", styles["cell"])
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, 8, 14)
        sheet.freeze_panes(1, 0)
