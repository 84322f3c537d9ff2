# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XLSX builder of an assessment month: every scorecard, and the summary of
each department."""

import io

import xlsxwriter

from odoo.addons.cs_member.models.cs_xlsx_export_mixin import xlsx_base_styles

HEAD_ROW = 3


def build_period_xlsx(wizard, data):
    """Return the bytes of a workbook with the figures of ``data`` (the dict
    of ``cs.kpi.period.xlsx.wizard._get_data()``): the sheet of the
    scorecards, one row per employee with the score of each indicator, and
    the sheet of the departments, one row per department."""
    _ = wizard.env._
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    styles = _styles(workbook)
    _write_scorecards(wizard, workbook.add_worksheet(_("Scorecards")), styles, data)
    _write_departments(wizard, workbook.add_worksheet(_("Departments")), styles, data)
    workbook.close()
    return output.getvalue()


def _styles(workbook):
    total = {"bold": True, "border": 1, "top": 2, "bg_color": "#F2F2F2"}
    return {
        **xlsx_base_styles(workbook),
        "score": workbook.add_format({"border": 1, "num_format": "0.0"}),
        "star": workbook.add_format({"border": 1, "bold": True, "bg_color": "#FFF3CD"}),
        "star_score": workbook.add_format(
            {"border": 1, "bold": True, "bg_color": "#FFF3CD", "num_format": "0.0"}
        ),
        "total": workbook.add_format(total),
        "total_score": workbook.add_format(dict(total, num_format="0.0")),
    }


def _write_title(wizard, sheet, styles, data, title):
    labels = data["labels"]
    sheet.write(0, 0, title, styles["title"])
    sheet.write(
        1,
        0,
        wizard.env._(
            "%(company)s · %(month)s (%(date_from)s – %(date_to)s) · %(state)s",
            company=labels["company"],
            month=labels["month"],
            date_from=labels["date_from"],
            date_to=labels["date_to"],
            state=labels["state"],
        ),
        styles["note"],
    )


def _write_value(sheet, row, col, value, style):
    if value is None or value is False or value == "":
        sheet.write_blank(row, col, None, style)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, style)
    else:
        sheet.write_string(row, col, value, style)


def _write_scorecards(wizard, sheet, styles, data):
    _ = wizard.env._
    _write_title(wizard, sheet, styles, data, _("Assessment Scorecards"))
    indicators = data["indicators"]
    headers = [
        _("Department"),
        _("Rank"),
        _("Employee"),
        _("Job Position"),
        *indicators,
        _("Total Score"),
        _("Grade"),
        _("Star of the Month"),
    ]
    for col, header in enumerate(headers):
        sheet.write(HEAD_ROW, col, header, styles["head"])
    row = HEAD_ROW
    for line in data["rows"]:
        row += 1
        cell, score = (
            (styles["star"], styles["star_score"])
            if line["is_star"]
            else (styles["cell"], styles["score"])
        )
        values = [
            (line["department"], cell),
            (line["rank"] or None, cell),
            (line["employee"], cell),
            (line["job"], cell),
            *((value, score) for value in line["scores"]),
            (line["total"], score),
            (line["grade"], cell),
            (_("Yes") if line["is_star"] else "", cell),
        ]
        for col, (value, style) in enumerate(values):
            _write_value(sheet, row, col, value, style)
    if not data["rows"]:
        sheet.write(
            HEAD_ROW + 1,
            0,
            _("No scorecard has been computed for this month."),
            styles["note"],
        )
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 6)
    sheet.set_column(2, 3, 20)
    sheet.set_column(4, 4 + len(indicators), 12)
    sheet.set_column(5 + len(indicators), 6 + len(indicators), 10)
    sheet.set_row(HEAD_ROW, 45)
    sheet.freeze_panes(HEAD_ROW + 1, 3)
    if data["rows"]:
        sheet.autofilter(HEAD_ROW, 0, row, len(headers) - 1)


def _write_departments(wizard, sheet, styles, data):
    _ = wizard.env._
    _write_title(wizard, sheet, styles, data, _("Assessment by Department"))
    grades = data["grade_names"]
    headers = [
        _("Department"),
        _("Employees"),
        _("Average Score"),
        _("Best Score"),
        _("Lowest Score"),
        *(_("Grade %(grade)s", grade=name) for name in grades),
        _("Star of the Month"),
    ]
    for col, header in enumerate(headers):
        sheet.write(HEAD_ROW, col, header, styles["head"])
    row = HEAD_ROW
    for line in data["departments"] + [data["total"]]:
        row += 1
        is_total = line is data["total"]
        cell = styles["total"] if is_total else styles["cell"]
        score = styles["total_score"] if is_total else styles["score"]
        values = [
            (line["name"], cell),
            (line["count"], cell),
            (line["average"], score),
            (line["best"], score),
            (line["lowest"], score),
            *((count, cell) for count in line["grades"]),
            (line["stars"], cell),
        ]
        for col, (value, style) in enumerate(values):
            _write_value(sheet, row, col, value, style)
    sheet.set_column(0, 0, 32)
    sheet.set_column(1, 4 + len(grades), 11)
    sheet.set_column(5 + len(grades), 5 + len(grades), 28)
    sheet.set_row(HEAD_ROW, 30)
    sheet.freeze_panes(HEAD_ROW + 1, 1)
