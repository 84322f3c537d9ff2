# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX builder of the recurring defects of a month (G4)."""

import io

import xlsxwriter

from odoo.addons.cs_member.models.cs_xlsx_export_mixin import xlsx_base_styles
from odoo.addons.cs_member.reporting import rate, record_name

HEAD_ROW = 3


def build_defect_xlsx(wizard, rows, date_from, date_to):
    """The bytes of a workbook with one row per product and problem category
    (``rows`` of ``cs.service.request._cs_defect_figures``) and a total."""
    _ = wizard.env._
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = xlsx_base_styles(workbook)
    styles["percent"] = workbook.add_format({"border": 1, "num_format": "0.0\\%"})
    styles["total"] = workbook.add_format({"bold": True, "border": 1, "top": 2})
    styles["total_percent"] = workbook.add_format(
        {"bold": True, "border": 1, "top": 2, "num_format": "0.0\\%"}
    )
    sheet = workbook.add_worksheet(_("Recurring Defects"))
    sheet.write(0, 0, _("Recurring Defects"), styles["title"])
    sheet.write(
        1,
        0,
        _(
            "%(company)s · repairs done from %(date_from)s to %(date_to)s · repeat "
            "visit: the customer asked again within 30 days",
            company=wizard.company_id.name,
            date_from=date_from,
            date_to=date_to,
        ),
        styles["note"],
    )
    headers = (
        _("Product"),
        _("Problem Category"),
        _("Repairs Done"),
        _("Repeat Visits"),
        _("Repeat Rate"),
    )
    for col, header in enumerate(headers):
        sheet.write(HEAD_ROW, col, header, styles["head"])
    row = HEAD_ROW
    for line in rows:
        row += 1
        sheet.write(row, 0, record_name(line["product_id"]), styles["cell"])
        sheet.write(
            row,
            1,
            record_name(line["problem_category_id"]) or _("No problem category"),
            styles["cell"],
        )
        _write_figures(sheet, row, line, styles["cell"], styles["percent"])
    row += 1
    done = sum(line["done"] for line in rows)
    repeats = sum(line["repeats"] for line in rows)
    total = {"done": done, "repeats": repeats, "repeat_rate": rate(repeats, done)}
    sheet.write(row, 0, _("Total"), styles["total"])
    sheet.write_blank(row, 1, None, styles["total"])
    _write_figures(sheet, row, total, styles["total"], styles["total_percent"])
    sheet.set_column(0, 1, 30)
    sheet.set_column(2, 4, 14)
    sheet.freeze_panes(HEAD_ROW + 1, 0)
    workbook.close()
    return output.getvalue()


def _write_figures(sheet, row, line, cell, percent):
    sheet.write_number(row, 2, line["done"], cell)
    sheet.write_number(row, 3, line["repeats"], cell)
    if line["repeat_rate"] is None:
        sheet.write_blank(row, 4, None, percent)
    else:
        sheet.write_number(row, 4, line["repeat_rate"], percent)
