# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.cs_complaint.models.cs_complaint import OPEN_STATES

from .cs_kpi_report_common import (
    check_report_right,
    format_figure,
    format_rate,
    rate,
    record_name,
)

RESOLVED_STATES = ("resolved", "closed")
SATISFACTIONS = ("satisfied", "average", "unsatisfied")
GRADES = ("a", "b", "c", "d")
EVENT_KINDS = ("praise", "reward", "penalty", "fine")
# longest lists printed; the counts above them are always complete
LIST_LIMIT = 30
TOP_LIMIT = 3


class ReportCsKpiMonthly(models.AbstractModel):
    """The monthly service report (服务月报) of an assessment month, what the
    head of customer service hands to the general manager: complaints,
    callbacks and satisfaction, member coverage, quality inspections, the
    assessment's results, rewards and penalties, and the open problems
    ("no good news only", E5).

    Every figure comes from a grouped query (or one SQL statement): the
    cost does not grow with the number of complaints or callbacks. Days are
    those of the user's time zone, like the complaint statistics; the
    figures the user may not read (record rules) are left out."""

    _name = "report.cs_kpi.report_kpi_monthly"
    _description = "Monthly Service Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        check_report_right(self.env)
        periods = self.env["cs.kpi.period"].browse(docids)
        periods.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "cs.kpi.period",
            "docs": periods,
            "reports": {period.id: self._get_month(period) for period in periods},
            "fmt": format_figure,
            "name_of": record_name,
            "pct": format_rate,
        }

    @api.model
    def _get_month(self, period):
        """All figures of ``period``'s report as a dict of sections."""
        check_report_right(self.env)
        stats_wizard = self.env["cs.complaint.stats.wizard"].new(
            {
                "date_from": period.date_from,
                "date_to": period.date_to,
                "company_id": period.company_id.id,
            }
        )
        tz_name = stats_wizard._get_tz()
        start, stop = self._get_bounds(period, tz_name)
        complaints = self._get_complaints(period, stats_wizard, start, stop)
        callbacks = self._get_callbacks(period, start, stop)
        return {
            "labels": self._get_labels(period, tz_name),
            "complaints": complaints,
            "callbacks": callbacks,
            "coverage": self._get_coverage(period, start, stop),
            "quality": self._get_quality(period),
            "kpi": self._get_kpi(period),
            "events": self._get_events(period),
            "problems": self._get_problems(period, start, stop, complaints, callbacks),
        }

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @api.model
    def _get_bounds(self, period, tz_name):
        """The month as UTC datetimes [start, stop) of the days of
        ``tz_name``."""
        tz = pytz.timezone(tz_name)

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return utc(period.date_from), utc(period.date_to + timedelta(days=1))

    @api.model
    def _selection_labels(self, model, field_name):
        return dict(
            self.env[model]._fields[field_name]._description_selection(self.env)
        )

    @api.model
    def _get_labels(self, period, tz_name):
        return {
            "company": period.company_id.name,
            "month": period.name,
            "date_from": period.date_from,
            "date_to": period.date_to,
            "tz": tz_name,
            "state": self._selection_labels("cs.kpi.period", "state")[period.state],
            "confirmed_by": period.confirmed_by_id.name or "",
            "prepared_by": self.env.user.name,
            "printed": fields.Date.context_today(self),
        }

    # ------------------------------------------------------------------
    # complaints
    # ------------------------------------------------------------------

    @api.model
    def _get_complaints(self, period, stats_wizard, start, stop):
        """The complaints received in the month by category (the complaint
        classification statistics of the month) and by state, and those
        resolved in the month with their deadline compliance."""
        Complaint = self.env["cs.complaint"]
        stats = stats_wizard._get_stats()
        received = stats_wizard._get_domain()
        state_labels = self._selection_labels("cs.complaint", "state")
        counts = dict.fromkeys(state_labels, 0)
        repeat = serious = escalated = 0
        for state, is_repeat, severity, level, count in Complaint._read_group(
            received,
            ["state", "is_repeat", "severity", "escalation_level"],
            ["__count"],
        ):
            counts[state] += count
            repeat += count if is_repeat else 0
            serious += count if severity in ("serious", "critical") else 0
            escalated += count if level and level != "0" else 0
        resolved = {"count": 0, "met": 0, "hours": 0.0}
        for met, count, hours in Complaint._read_group(
            [
                ("company_id", "=", period.company_id.id),
                ("state", "in", RESOLVED_STATES),
                ("date_resolved", ">=", start),
                ("date_resolved", "<", stop),
            ],
            ["sla_met"],
            ["__count", "handling_hours:sum"],
        ):
            resolved["count"] += count
            resolved["met"] += count if met else 0
            resolved["hours"] += hours or 0.0
        resolved["late"] = resolved["count"] - resolved["met"]
        resolved["sla_rate"] = rate(resolved["met"], resolved["count"])
        resolved["avg_hours"] = (
            round(resolved["hours"] / resolved["count"], 2)
            if resolved["count"]
            else None
        )
        table = stats["months"]
        return {
            "received": stats["count"],
            "categories": table["rows"],
            "total": table["total"],
            "states": [
                {"code": code, "name": label, "count": counts[code]}
                for code, label in state_labels.items()
                if counts[code]
            ],
            "repeat": repeat,
            "serious": serious,
            "escalated": escalated,
            "resolved": resolved,
        }

    # ------------------------------------------------------------------
    # callbacks, coverage, quality
    # ------------------------------------------------------------------

    @api.model
    def _get_callbacks(self, period, start, stop):
        """Callbacks made in the month (done or failed): reach rate,
        satisfaction, average score; and those due in the month that were
        not made by its end."""
        Callback = self.env["cs.callback"]
        company_id = period.company_id.id
        made = [
            ("company_id", "=", company_id),
            ("state", "in", ("done", "failed")),
            ("date_done", ">=", start),
            ("date_done", "<", stop),
        ]
        figures = {"done": 0, "failed": 0, "reached": 0}
        satisfaction = dict.fromkeys(SATISFACTIONS, 0)
        for state, outcome, level, count in Callback._read_group(
            made, ["state", "outcome", "satisfaction"], ["__count"]
        ):
            figures[state] += count
            if state == "done" and outcome == "reached":
                figures["reached"] += count
            if state == "done" and level in satisfaction:
                satisfaction[level] += count
        [[average]] = Callback._read_group(
            made + [("state", "=", "done"), ("score", ">", 0)], [], ["score:avg"]
        )
        [[missed]] = Callback._read_group(
            [
                ("company_id", "=", company_id),
                ("date_deadline", ">=", period.date_from),
                ("date_deadline", "<=", period.date_to),
                "|",
                ("state", "=", "todo"),
                "&",
                ("state", "in", ("done", "failed")),
                ("date_done", ">=", stop),
            ],
            [],
            ["__count"],
        )
        labels = self._selection_labels("cs.callback", "satisfaction")
        answered = sum(satisfaction.values())
        return dict(
            figures,
            made=figures["done"] + figures["failed"],
            reach_rate=rate(figures["reached"], figures["done"] + figures["failed"]),
            average_score=round(average, 2) if average else None,
            satisfaction=[
                {
                    "code": code,
                    "name": labels[code],
                    "count": satisfaction[code],
                    "rate": rate(satisfaction[code], answered),
                }
                for code in SATISFACTIONS
            ],
            answered=answered,
            missed=missed,
        )

    @api.model
    def _get_coverage(self, period, start, stop):
        """Members with a card of the company valid during the month, and
        those of them with a callback done in the month (C4)."""
        self.env["res.partner"].flush_model(["active"])
        self.env["cs.member.card"].flush_model(
            ["partner_id", "company_id", "state", "date_start", "date_end"]
        )
        self.env["cs.callback"].flush_model(
            ["partner_id", "company_id", "state", "date_done"]
        )
        [[members, covered]] = self.env.execute_query(
            SQL(
                """
                SELECT count(DISTINCT p.id),
                       count(DISTINCT p.id) FILTER (WHERE EXISTS (
                           SELECT 1 FROM cs_callback c
                            WHERE c.partner_id = p.id AND c.state = 'done'
                              AND c.company_id = %(company)s
                              AND c.date_done >= %(start)s AND c.date_done < %(stop)s))
                  FROM res_partner p
                  JOIN cs_member_card k ON k.partner_id = p.id
                 WHERE p.active AND k.company_id = %(company)s
                   AND k.state IN ('active', 'expired')
                   AND k.date_start <= %(date_to)s AND k.date_end >= %(date_from)s
                """,
                company=period.company_id.id,
                start=start,
                stop=stop,
                date_from=period.date_from,
                date_to=period.date_to,
            )
        )
        return {
            "members": members,
            "covered": covered,
            "uncovered": members - covered,
            "rate": rate(covered, members),
        }

    @api.model
    def _get_quality(self, period):
        """Quality inspections sent to the agents in the month (E3)."""
        count = appealed = 0
        points = 0.0
        for state, state_count, total in self.env["cs.qa.inspection"]._read_group(
            [
                ("company_id", "=", period.company_id.id),
                ("state", "!=", "draft"),
                ("date", ">=", period.date_from),
                ("date", "<=", period.date_to),
            ],
            ["state"],
            ["__count", "total_score:sum"],
        ):
            count += state_count
            points += total or 0.0
            if state in ("appealed", "decided"):
                appealed += state_count
        return {
            "count": count,
            "average": round(points / count, 1) if count else None,
            "appealed": appealed,
        }

    # ------------------------------------------------------------------
    # assessment, rewards and penalties
    # ------------------------------------------------------------------

    @api.model
    def _get_kpi(self, period):
        """The month's scorecards: average, grades, stars, top and bottom
        three, and the departments."""
        Scorecard = self.env["cs.kpi.scorecard"]
        domain = [("period_id", "=", period.id)]
        [[count, average]] = Scorecard._read_group(
            domain, [], ["__count", "total_score:avg"]
        )
        grades = dict(Scorecard._read_group(domain, ["grade"], ["__count"]))
        grade_labels = self._selection_labels("cs.kpi.scorecard", "grade")
        by_department = Scorecard._read_group(
            domain, ["department_id"], ["__count", "total_score:avg"]
        )
        departments = [
            {
                "name": record_name(department) or self.env._("No department"),
                "count": department_count,
                "average": department_average,
            }
            for department, department_count, department_average in by_department
        ]
        departments.sort(key=lambda line: line["name"])
        fnames = ["employee_id", "department_id", "total_score", "grade", "rank"]
        top = Scorecard.search_fetch(
            domain, fnames, order="total_score desc, id", limit=TOP_LIMIT
        )
        bottom = Scorecard.search_fetch(
            domain + [("id", "not in", top.ids)],
            fnames,
            order="total_score, id desc",
            limit=TOP_LIMIT,
        )
        return {
            "count": count,
            "average": average if count else None,
            "grades": [
                {
                    "code": code,
                    "name": grade_labels[code],
                    "count": grades.get(code, 0),
                    "rate": rate(grades.get(code, 0), count),
                }
                for code in GRADES
            ],
            "departments": departments,
            "stars": Scorecard.search_fetch(
                domain + [("is_star", "=", True)], fnames, order="department_id, id"
            ),
            "top": top,
            "bottom": bottom,
        }

    @api.model
    def _get_events(self, period):
        """Confirmed praise, rewards, penalties and fines dated in the
        month, and the entries still waiting for the manager."""
        Event = self.env["cs.kpi.event"]
        month = [
            ("company_id", "=", period.company_id.id),
            ("date", ">=", period.date_from),
            ("date", "<=", period.date_to),
        ]
        confirmed = month + [("state", "=", "confirmed")]
        totals = {
            kind: (count, amount)
            for kind, count, amount in Event._read_group(
                confirmed, ["kind"], ["__count", "amount:sum"]
            )
        }
        labels = self._selection_labels("cs.kpi.event", "kind")
        [[pending]] = Event._read_group(
            month + [("state", "=", "draft")], [], ["__count"]
        )
        kinds = [
            {
                "code": kind,
                "name": labels[kind],
                "count": totals.get(kind, (0, 0.0))[0],
                "amount": totals.get(kind, (0, 0.0))[1] or 0.0,
            }
            for kind in EVENT_KINDS
        ]
        return {
            "kinds": kinds,
            "count": sum(kind["count"] for kind in kinds),
            "entries": Event.search_fetch(
                confirmed,
                ["date", "employee_id", "department_id", "kind", "amount", "reason"],
                order="kind, date, id",
                limit=LIST_LIMIT,
            ),
            "pending": pending,
            "currency": period.company_id.currency_id,
        }

    # ------------------------------------------------------------------
    # open problems
    # ------------------------------------------------------------------

    @api.model
    def _get_problems(self, period, start, stop, complaints, callbacks):
        """What is not solved: complaints received by the end of the month
        and still open then (the late ones first), complaints resolved late
        in the month, repeat complaints, callbacks not made, unsatisfied
        customers."""
        Complaint = self.env["cs.complaint"]
        company_id = period.company_id.id
        still_open = [
            ("company_id", "=", company_id),
            ("date_received", "<", stop),
            "|",
            "|",
            ("state", "in", OPEN_STATES),
            "&",
            ("state", "in", RESOLVED_STATES),
            ("date_resolved", ">=", stop),
            "&",
            ("state", "=", "rejected"),
            ("date_closed", ">=", stop),
        ]
        late = [("date_resolve_deadline", "<", stop)]
        [[open_count]] = Complaint._read_group(still_open, [], ["__count"])
        [[overdue]] = Complaint._read_group(still_open + late, [], ["__count"])
        fnames = [
            "name",
            "date_received",
            "partner_id",
            "category_id",
            "department_id",
            "user_id",
            "state",
            "date_resolve_deadline",
            "repeat_of_id",
        ]
        open_list = Complaint.search_fetch(
            still_open,
            fnames,
            order="date_resolve_deadline, date_received, id",
            limit=LIST_LIMIT,
        )
        repeats = Complaint.search_fetch(
            [
                ("company_id", "=", company_id),
                ("date_received", ">=", start),
                ("date_received", "<", stop),
                ("is_repeat", "=", True),
            ],
            fnames,
            order="date_received, id",
            limit=LIST_LIMIT,
        )
        unsatisfied = next(
            line["count"]
            for line in callbacks["satisfaction"]
            if line["code"] == "unsatisfied"
        )
        return {
            "open": open_count,
            "overdue": overdue,
            "open_list": open_list,
            "stop": stop,
            "resolved_late": complaints["resolved"]["late"],
            "repeat": complaints["repeat"],
            "repeat_list": repeats,
            "callbacks_missed": callbacks["missed"],
            "unsatisfied": unsatisfied,
            "list_limit": LIST_LIMIT,
        }
