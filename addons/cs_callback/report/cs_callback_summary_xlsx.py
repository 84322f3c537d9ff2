# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX builder of the callback summary report (回访总结报告)."""

import io

import xlsxwriter

from odoo import fields


def build_summary_xlsx(wizard, summary):
    """Return the bytes of a workbook with the figures of ``summary`` (the
    dict of ``cs.callback.summary.wizard._get_summary()``)."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        "cell": workbook.add_format({"border": 1}),
        "wrap": workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"}),
        "number": workbook.add_format({"border": 1, "num_format": "0.00"}),
        "percent": workbook.add_format({"border": 1, "num_format": "0.0\\%"}),
        "date": workbook.add_format({"border": 1, "num_format": "yyyy-mm-dd hh:mm"}),
    }
    _write_summary(
        wizard, workbook.add_worksheet(wizard.env._("Summary")), styles, summary
    )
    _write_agents(
        wizard, workbook.add_worksheet(wizard.env._("Agents")), styles, summary
    )
    _write_feedback(
        wizard, workbook.add_worksheet(wizard.env._("Feedback")), styles, summary
    )
    workbook.close()
    return output.getvalue()


def _write_rows(sheet, row, rows, styles):
    for label, value, style in rows:
        sheet.write(row, 0, label, styles["head"])
        sheet.write(row, 1, value, styles[style])
        row += 1
    return row


def _write_summary(wizard, sheet, styles, summary):
    _ = wizard.env._
    labels = summary["labels"]
    totals = summary["totals"]
    sheet.write(0, 0, _("Callback Summary Report"), styles["title"])
    row = _write_rows(
        sheet,
        2,
        [
            (_("Company"), labels["company"], "cell"),
            (_("Plan"), labels["plan"], "cell"),
            (_("From"), str(labels["date_from"] or ""), "cell"),
            (_("To"), str(labels["date_to"] or ""), "cell"),
            (_("Agents"), labels["agents"], "cell"),
        ],
        styles,
    )
    row = _write_rows(
        sheet,
        row + 1,
        [
            (_("Total Callbacks"), totals["total"], "cell"),
            (_("Done"), totals["done"], "cell"),
            (_("Failed"), totals["failed"], "cell"),
            (_("Cancelled"), totals["cancelled"], "cell"),
            (_("Open"), totals["todo"], "cell"),
            (_("Reached"), summary["reached"], "cell"),
            (_("Reached Rate"), summary["reached_rate"], "percent"),
            (_("Average Score"), summary["average_score"], "number"),
        ],
        styles,
    )
    row += 1
    for col, header in enumerate((_("Satisfaction"), _("Count"), _("Share"))):
        sheet.write(row, col, header, styles["head"])
    for line in summary["satisfaction"]:
        row += 1
        sheet.write(row, 0, line["name"], styles["cell"])
        sheet.write_number(row, 1, line["count"], styles["cell"])
        sheet.write_number(row, 2, line["rate"], styles["percent"])
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 2, 16)


def _write_agents(wizard, sheet, styles, summary):
    _ = wizard.env._
    headers = (
        _("Agent"),
        _("Callbacks"),
        _("Done"),
        _("Reached Rate"),
        _("Average Score"),
        _("Unsatisfied"),
    )
    for col, header in enumerate(headers):
        sheet.write(0, col, header, styles["head"])
    for row, line in enumerate(summary["agents"], start=1):
        sheet.write(row, 0, line["name"], styles["cell"])
        sheet.write_number(row, 1, line["count"], styles["cell"])
        sheet.write_number(row, 2, line["done"], styles["cell"])
        sheet.write_number(row, 3, line["reached_rate"], styles["percent"])
        sheet.write_number(row, 4, line["average_score"], styles["number"])
        sheet.write_number(row, 5, line["unsatisfied"], styles["cell"])
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 5, 14)
    sheet.freeze_panes(1, 0)


def _write_feedback(wizard, sheet, styles, summary):
    _ = wizard.env._
    headers = (
        _("Date Done"),
        _("Customer"),
        _("Agent"),
        _("Satisfaction"),
        _("Feedback"),
    )
    for col, header in enumerate(headers):
        sheet.write(0, col, header, styles["head"])
    for row, line in enumerate(summary["feedback"], start=1):
        if line["date_done"]:
            sheet.write_datetime(
                row,
                0,
                fields.Datetime.context_timestamp(wizard, line["date_done"]).replace(
                    tzinfo=None
                ),
                styles["date"],
            )
        else:
            sheet.write(row, 0, "", styles["cell"])
        sheet.write(row, 1, line["customer"], styles["cell"])
        sheet.write(row, 2, line["agent"], styles["cell"])
        sheet.write(row, 3, line["satisfaction"], styles["cell"])
        sheet.write(row, 4, line["feedback"], styles["wrap"])
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 3, 16)
    sheet.set_column(4, 4, 60)
    sheet.freeze_panes(1, 0)
