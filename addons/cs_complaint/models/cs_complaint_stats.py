# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.cs_member.reporting import check_report_right, rate

RESOLVED_STATES = ("resolved", "closed")
INVALID_STATE = "rejected"


def _ancestor_ids(category):
    """Ids of ``category`` and of its ancestors, from the root down."""
    return [int(part) for part in category.parent_path.split("/") if part]


def _new_line():
    """Running figures of one row of the statistics."""
    return {
        "count": 0,
        "valid": 0,
        "resolved": 0,
        "hours": 0.0,
        "met": 0,
        "cells": defaultdict(int),
    }


class CsComplaintStats(models.AbstractModel):
    """The complaint figures of a period, each defined here and only here:
    the classification statistics (顾客投诉分类统计表, its wizard, XLSX and
    PDF), the monthly service report and the assessment indicators read them
    from these methods, with ``(date_from, date_to, company, department)``.

    - **Received**: complaints of the company received from ``date_from`` to
      ``date_to`` (the company's days); **valid**: not rejected.
    - **Resolved** and **solved in time**: complaints of the company resolved
      (``date_resolved``) in the period, and those of them that met their
      deadline (``sla_met``); the average handling time is theirs.

    A department includes its sub-departments."""

    _name = "cs.complaint.stats"
    _description = "Complaint Statistics"

    # ------------------------------------------------------------------
    # definitions
    # ------------------------------------------------------------------

    @api.model
    def _received_domain(self, date_from, date_to, company, department=None):
        start, stop = company._cs_utc_bounds(date_from, date_to)
        return self._scope(company, department) + [
            ("date_received", ">=", start),
            ("date_received", "<", stop),
        ]

    @api.model
    def _resolved_domain(self, date_from, date_to, company, department=None):
        start, stop = company._cs_utc_bounds(date_from, date_to)
        return self._scope(company, department) + [
            ("state", "in", RESOLVED_STATES),
            ("date_resolved", ">=", start),
            ("date_resolved", "<", stop),
        ]

    @api.model
    def _scope(self, company, department):
        company.ensure_one()
        domain = [("company_id", "=", company.id)]
        if department:
            domain.append(("department_id", "child_of", department.id))
        return domain

    @api.model
    def _check_report_right(self):
        check_report_right(
            self.env,
            self.env._(
                "Only a customer service supervisor or manager can run the "
                "complaint statistics."
            ),
        )

    @api.model
    def _complaints(self, company):
        """The complaints as the reader sees them, in the company's time
        zone (months are the company's) and with the company allowed (an
        ``AccessError`` if the reader does not belong to it)."""
        return (
            self.env["cs.complaint"]
            .with_company(company)
            .with_context(tz=company._cs_tz().zone)
        )

    @api.model
    def _get_resolved(self, date_from, date_to, company, department=None, groupby=None):
        """Complaints resolved in the period, grouped by ``groupby`` (None or
        a field of the complaint, e.g. ``"user_id"``): ``{key: {"count",
        "met", "late", "hours", "avg_hours", "sla_rate", "exact_rate"}}``,
        the key a record (or None). One grouped query."""
        domain = self._resolved_domain(date_from, date_to, company, department)
        groups = self._complaints(company)._read_group(
            domain,
            [groupby, "sla_met"] if groupby else ["sla_met"],
            ["__count", "handling_hours:sum"],
        )
        lines = defaultdict(lambda: {"count": 0, "met": 0, "hours": 0.0})
        for group in groups:
            key = group[0] if groupby else None
            met, count, hours = group[-3:]
            line = lines[key]
            line["count"] += count
            line["met"] += count if met else 0
            line["hours"] += hours or 0.0
        if groupby is None and None not in lines:
            # the period's line, also without any complaint
            lines[None] = {"count": 0, "met": 0, "hours": 0.0}
        for line in lines.values():
            line["late"] = line["count"] - line["met"]
            line["sla_rate"] = rate(line["met"], line["count"])
            line["exact_rate"] = (
                100.0 * line["met"] / line["count"] if line["count"] else None
            )
            line["avg_hours"] = (
                round(line["hours"] / line["count"], 2) if line["count"] else None
            )
        return dict(lines)

    # ------------------------------------------------------------------
    # the classification statistics
    # ------------------------------------------------------------------

    @api.model
    def _get_stats(self, date_from, date_to, company, department=None):
        """All figures of the classification statistics, from three grouped
        queries: {count, months: table, departments: table, resolved,
        labels}, where a table is {columns: [label], rows: [row], total: row}
        and a row is {name, depth, cells (received per column), count,
        valid, valid_rate, resolved, avg_hours, met, sla_rate}. A category's
        row includes its sub-categories; the total counts each complaint
        once. ``resolved`` is :meth:`_get_resolved` of the period."""
        self._check_report_right()
        Complaint = self._complaints(company)
        received = self._received_domain(date_from, date_to, company, department)
        by_month = [
            (category, month.date(), state, count)
            for category, month, state, count in Complaint._read_group(
                received, ["category_id", "date_received:month", "state"], ["__count"]
            )
        ]
        by_department = Complaint._read_group(
            received, ["category_id", "department_id", "state"], ["__count"]
        )
        resolved = Complaint._read_group(
            self._resolved_domain(date_from, date_to, company, department),
            ["category_id", "sla_met"],
            ["__count", "handling_hours:sum"],
        )
        departments = {group[1] for group in by_department}
        month_columns = [
            (month, month.strftime("%Y-%m"))
            for month in self._get_months(date_from, date_to)
        ]
        return {
            "count": sum(group[3] for group in by_month),
            "months": self._get_table(by_month, resolved, month_columns),
            "departments": self._get_table(
                by_department, resolved, self._get_department_columns(departments)
            ),
            "resolved": self._get_resolved(date_from, date_to, company, department)[
                None
            ],
            "labels": {
                "company": company.name,
                "date_from": date_from,
                "date_to": date_to,
                "department": department.complete_name
                if department
                else self.env._("All departments"),
                "printed": company._cs_today(),
            },
        }

    @api.model
    def _get_months(self, date_from, date_to):
        """First days of the months of the period."""
        month = date_from.replace(day=1)
        months = []
        while month <= date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    @api.model
    def _get_department_columns(self, departments):
        """The departments of the complaints by full name, then the
        complaints without department."""
        columns = [
            (department, department.complete_name or department.name)
            for department in sorted(
                (department for department in departments if department),
                key=lambda department: (department.complete_name or "", department.id),
            )
        ]
        if any(not department for department in departments):
            columns.append((self.env["hr.department"], self.env._("No department")))
        return columns

    @api.model
    def _get_table(self, received, resolved, columns):
        """Rows of the categories (each rolling up its sub-categories through
        ``parent_path``) and the total row, from the ``received`` groups of
        (category, column, state, count) and the ``resolved`` groups of
        (category, sla_met, count, hours)."""
        lines = defaultdict(_new_line)
        total = _new_line()
        paths = {}

        def rows_of(category):
            if category not in paths:
                paths[category] = _ancestor_ids(category) if category else [False]
            return [lines[key] for key in paths[category]] + [total]

        for category, column, state, count in received:
            for line in rows_of(category):
                line["count"] += count
                line["cells"][column] += count
                if state != INVALID_STATE:
                    line["valid"] += count
        for category, sla_met, count, hours in resolved:
            for line in rows_of(category):
                line["resolved"] += count
                line["hours"] += hours or 0.0
                if sla_met:
                    line["met"] += count
        categories = self.env["cs.complaint.category"].browse(
            [key for key in lines if key]
        )
        by_id = {category.id: category for category in categories}
        # the tree's order: each category under its parent, siblings by
        # sequence; the complaints without category last
        sort_keys = {
            category.id: [
                (by_id[ancestor].sequence, ancestor)
                for ancestor in _ancestor_ids(category)
            ]
            for category in categories
        }
        sort_keys[False] = [(float("inf"), 0)]
        rows = [
            self._get_row(
                lines[key],
                columns,
                by_id[key].display_name if key else self.env._("No category"),
                len(sort_keys[key]) - 1,
            )
            for key in sorted(lines, key=sort_keys.get)
        ]
        return {
            "columns": [label for __, label in columns],
            "rows": rows,
            "total": self._get_row(total, columns, self.env._("Total"), 0),
        }

    @api.model
    def _get_row(self, line, columns, name, depth):
        return {
            "name": name,
            "depth": depth,
            "cells": [line["cells"].get(key, 0) for key, __ in columns],
            "count": line["count"],
            "valid": line["valid"],
            "valid_rate": rate(line["valid"], line["count"]),
            "resolved": line["resolved"],
            "avg_hours": round(line["hours"] / line["resolved"], 2)
            if line["resolved"]
            else None,
            "met": line["met"],
            "sla_rate": rate(line["met"], line["resolved"]),
        }
