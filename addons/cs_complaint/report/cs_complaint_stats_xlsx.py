# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX builder of the complaint classification statistics (顾客投诉分类统计表)."""

import io

import xlsxwriter

from odoo.addons.cs_member.models.cs_xlsx_export_mixin import xlsx_base_styles

MAX_INDENT = 5


def build_stats_xlsx(wizard, stats):
    """Return the bytes of a workbook with the figures of ``stats`` (the
    dict of ``cs.complaint.stats._get_stats()``): one sheet by
    category and month, one by category and responsible department."""
    _ = wizard.env._
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = _styles(workbook)
    _write_table(
        wizard,
        workbook.add_worksheet(_("By Month")),
        styles,
        stats,
        stats["months"],
        _("Complaints by Category and Month"),
    )
    _write_table(
        wizard,
        workbook.add_worksheet(_("By Department")),
        styles,
        stats,
        stats["departments"],
        _("Complaints by Category and Responsible Department"),
    )
    workbook.close()
    return output.getvalue()


def _styles(workbook):
    styles = {
        **xlsx_base_styles(workbook),
        "number": workbook.add_format({"border": 1, "num_format": "0.00"}),
        "percent": workbook.add_format({"border": 1, "num_format": "0.0\\%"}),
        "total_label": workbook.add_format(
            {"bold": True, "border": 1, "top": 2, "bg_color": "#F2F2F2"}
        ),
        "total": workbook.add_format(
            {"bold": True, "border": 1, "top": 2, "bg_color": "#F2F2F2"}
        ),
        "total_number": workbook.add_format(
            {
                "bold": True,
                "border": 1,
                "top": 2,
                "bg_color": "#F2F2F2",
                "num_format": "0.00",
            }
        ),
        "total_percent": workbook.add_format(
            {
                "bold": True,
                "border": 1,
                "top": 2,
                "bg_color": "#F2F2F2",
                "num_format": "0.0\\%",
            }
        ),
    }
    # category names indented by their depth in the tree, roots in bold
    for depth in range(MAX_INDENT + 1):
        styles[f"category_{depth}"] = workbook.add_format(
            {"border": 1, "indent": depth, "bold": depth == 0}
        )
    return styles


def _figure_headers(wizard):
    _ = wizard.env._
    return (
        _("Total"),
        _("Valid"),
        _("Valid Rate"),
        _("Resolved"),
        _("Average Handling Time (hours)"),
        _("Solved in Time"),
        _("Deadline Compliance"),
    )


def _write_header(wizard, sheet, styles, stats, title):
    _ = wizard.env._
    labels = stats["labels"]
    sheet.write(0, 0, _("Complaint Classification Statistics"), styles["title"])
    sheet.write(1, 0, title, styles["note"])
    sheet.write(
        2,
        0,
        _(
            "%(company)s · received from %(date_from)s to %(date_to)s · %(department)s",
            company=labels["company"],
            date_from=labels["date_from"],
            date_to=labels["date_to"],
            department=labels["department"],
        ),
        styles["note"],
    )
    sheet.write(
        3,
        0,
        _(
            "Resolved, average handling time and deadline compliance are of the "
            "complaints resolved in the period, whenever they were received."
        ),
        styles["note"],
    )
    if not stats["count"]:
        sheet.write(
            4, 0, _("No complaint was received in this period."), styles["note"]
        )


def _write_table(wizard, sheet, styles, stats, table, title):
    """One sheet: the header block, a row per category (sub-categories
    included), the total row."""
    _write_header(wizard, sheet, styles, stats, title)
    head_row = 5
    headers = [wizard.env._("Category"), *table["columns"], *_figure_headers(wizard)]
    for col, header in enumerate(headers):
        sheet.write(head_row, col, header, styles["head"])
    row = head_row
    for line in table["rows"]:
        row += 1
        depth = min(line["depth"], MAX_INDENT)
        sheet.write(row, 0, line["name"], styles[f"category_{depth}"])
        _write_figures(sheet, row, line, styles, "")
    row += 1
    sheet.write(row, 0, table["total"]["name"], styles["total_label"])
    _write_figures(sheet, row, table["total"], styles, "total")
    width = len(table["columns"])
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, width, 10)
    sheet.set_column(width + 1, width + 7, 13)
    sheet.set_row(head_row, 45)
    sheet.freeze_panes(head_row + 1, 1)


def _write_figures(sheet, row, line, styles, prefix):
    """The counts per column then the figures of a row; a rate or an
    average without anything to measure stays empty."""
    cell = styles[prefix or "cell"]
    number = styles[f"{prefix}_number" if prefix else "number"]
    percent = styles[f"{prefix}_percent" if prefix else "percent"]
    values = [(value, cell) for value in line["cells"]] + [
        (line["count"], cell),
        (line["valid"], cell),
        (line["valid_rate"], percent),
        (line["resolved"], cell),
        (line["avg_hours"], number),
        (line["met"], cell),
        (line["sla_rate"], percent),
    ]
    for col, (value, style) in enumerate(values, start=1):
        if value is None:
            sheet.write_blank(row, col, None, style)
        else:
            sheet.write_number(row, col, value, style)
