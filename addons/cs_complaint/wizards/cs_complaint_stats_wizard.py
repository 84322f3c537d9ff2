# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..report.cs_complaint_stats_xlsx import build_stats_xlsx

_logger = logging.getLogger(__name__)

RESOLVED_STATES = ("resolved", "closed")
INVALID_STATE = "rejected"


def _rate(part, whole):
    """Percentage rounded to one decimal; None when there is nothing to
    count (no rate is not a 0 % rate)."""
    return round(100.0 * part / whole, 1) if whole else None


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


def _add(line, column, state, sla_met, count, hours):
    """Add one group of complaints (same column, state and result) to
    ``line``."""
    line["count"] += count
    line["cells"][column] += count
    if state != INVALID_STATE:
        line["valid"] += count
    if state in RESOLVED_STATES:
        line["resolved"] += count
        line["hours"] += hours or 0.0
        if sla_met:
            line["met"] += count


class CsComplaintStatsWizard(models.TransientModel):
    """Complaint classification statistics (顾客投诉分类统计表) of a period,
    as XLSX or PDF: complaints by category and month, by category and
    responsible department, with the valid rate, the average handling time
    and the deadline compliance of each category (its sub-categories
    included)."""

    _name = "cs.complaint.stats.wizard"
    _inherit = ["cs.xlsx.export.mixin"]
    _description = "Complaint Classification Statistics"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_date_from(),
        help="First day of receipt included.",
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_date_to(),
        help="Last day of receipt included.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        help="Only the complaints routed to this department or to one of its "
        "sub-departments; empty includes all.",
    )

    def _default_date_from(self):
        """The last twelve months, the current one included."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=11)

    def _default_date_to(self):
        return fields.Date.context_today(self)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The start date must be on or before the end date.")
                )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    def action_print_pdf(self):
        self.ensure_one()
        self._check_report_right()
        return self.env.ref("cs_complaint.action_report_complaint_stats").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        self._check_report_right()
        action = self._cs_xlsx_download(
            build_stats_xlsx(self, self._get_stats()),
            self.env._(
                "complaint_statistics_%(date_from)s_%(date_to)s.xlsx",
                date_from=self.date_from,
                date_to=self.date_to,
            ),
        )
        _logger.info("Complaint statistics exported by user #%s", self.env.uid)
        return action

    def _check_report_right(self):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            raise AccessError(
                self.env._(
                    "Only a customer service supervisor or manager can run the "
                    "complaint statistics."
                )
            )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------

    def _get_tz(self):
        tz = self.env.context.get("tz") or self.env.user.tz
        return tz if tz in pytz.all_timezones_set else "UTC"

    def _get_domain(self):
        """Complaints of the company received in the period (days of the
        user's time zone), of the department and its sub-departments."""
        self.ensure_one()
        tz = pytz.timezone(self._get_tz())

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        domain = [
            ("company_id", "=", self.company_id.id),
            ("date_received", ">=", utc(self.date_from)),
            ("date_received", "<", utc(self.date_to + timedelta(days=1))),
        ]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        return domain

    def _get_months(self):
        """First days of the months of the period."""
        month = self.date_from.replace(day=1)
        months = []
        while month <= self.date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def _get_stats(self):
        """All figures of the report, from two grouped queries:
        {count, months: table, departments: table, labels}, where a table is
        {columns: [label], rows: [row], total: row} and a row is
        {name, depth, cells (counts per column), count, valid, valid_rate,
        resolved, avg_hours, met, sla_rate}. A category's row includes its
        sub-categories; the total counts each complaint once."""
        self.ensure_one()
        self._check_report_right()
        domain = self._get_domain()
        # grouped by month in the user's time zone, like the period
        Complaint = self.env["cs.complaint"].with_context(tz=self._get_tz())
        aggregates = ["__count", "handling_hours:sum"]
        by_month = [
            (category, month.date(), state, sla_met, count, hours)
            for category, month, state, sla_met, count, hours in Complaint._read_group(
                domain,
                ["category_id", "date_received:month", "state", "sla_met"],
                aggregates,
            )
        ]
        by_department = Complaint._read_group(
            domain, ["category_id", "department_id", "state", "sla_met"], aggregates
        )
        departments = {group[1] for group in by_department}
        month_columns = [
            (month, month.strftime("%Y-%m")) for month in self._get_months()
        ]
        total = sum(group[4] for group in by_month)
        return {
            "count": total,
            "months": self._get_table(by_month, month_columns),
            "departments": self._get_table(
                by_department, self._get_department_columns(departments)
            ),
            "labels": self._get_labels(),
        }

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

    def _get_table(self, groups, columns):
        """Rows of the categories (each rolling up its sub-categories through
        ``parent_path``) and the total row, from ``groups`` of
        (category, column, state, sla_met, count, hours)."""
        lines = defaultdict(_new_line)
        total = _new_line()
        paths = {}
        for category, column, state, sla_met, count, hours in groups:
            if category not in paths:
                paths[category] = _ancestor_ids(category) if category else [False]
            for category_id in paths[category]:
                _add(lines[category_id], column, state, sla_met, count, hours)
            _add(total, column, state, sla_met, count, hours)
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

    def _get_row(self, line, columns, name, depth):
        return {
            "name": name,
            "depth": depth,
            "cells": [line["cells"].get(key, 0) for key, __ in columns],
            "count": line["count"],
            "valid": line["valid"],
            "valid_rate": _rate(line["valid"], line["count"]),
            "resolved": line["resolved"],
            "avg_hours": round(line["hours"] / line["resolved"], 2)
            if line["resolved"]
            else None,
            "met": line["met"],
            "sla_rate": _rate(line["met"], line["resolved"]),
        }

    def _get_labels(self):
        """Human-readable filters shown in the report's header."""
        return {
            "company": self.company_id.name,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "department": self.department_id.complete_name
            or self.env._("All departments"),
            "printed": fields.Date.context_today(self),
        }
