# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.cs_complaint.models.cs_complaint import OPEN_STATES
from odoo.addons.cs_member.reporting import (
    format_figure,
    format_rate,
    rate,
    record_name,
    selection_labels,
)

from .cs_kpi_report_common import check_report_right

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
    cost does not grow with the number of complaints or callbacks. The
    figures of complaints come from their owner ``cs.complaint.stats``,
    those of callbacks and coverage from ``cs.callback.figures``, on the
    month's days of the company (its working schedule's time zone): the
    same numbers as the statistics and the scorecards."""

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
        company = period.company_id
        start, stop = company._cs_utc_bounds(period.date_from, period.date_to)
        complaints = self._get_complaints(period)
        callbacks = self._get_callbacks(period)
        return {
            "labels": self._get_labels(period, company._cs_tz().zone),
            "complaints": complaints,
            "callbacks": callbacks,
            "coverage": self.env["cs.callback.figures"]._cs_coverage(
                company, period.date_from, period.date_to
            )[None],
            "quality": self._get_quality(period),
            "kpi": self._get_kpi(period),
            "events": self._get_events(period),
            "problems": self._get_problems(period, start, stop, complaints, callbacks),
        }

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @api.model
    def _get_labels(self, period, tz_name):
        return {
            "company": period.company_id.name,
            "month": period.name,
            "date_from": period.date_from,
            "date_to": period.date_to,
            "tz": tz_name,
            "state": selection_labels(period, "state")[period.state],
            "confirmed_by": period.confirmed_by_id.name or "",
            "prepared_by": self.env.user.name,
            "printed": period.company_id._cs_today(),
        }

    # ------------------------------------------------------------------
    # complaints
    # ------------------------------------------------------------------

    @api.model
    def _get_complaints(self, period):
        """The complaints received in the month by category (the complaint
        classification statistics of the month) and by state, and those
        resolved in the month with their deadline compliance."""
        Stats = self.env["cs.complaint.stats"]
        company = period.company_id
        stats = Stats._get_stats(period.date_from, period.date_to, company)
        state_labels = selection_labels(self.env["cs.complaint"], "state")
        counts = dict.fromkeys(state_labels, 0)
        repeat = serious = escalated = 0
        for state, is_repeat, severity, level, count in Stats._complaints(
            company
        )._read_group(
            Stats._received_domain(period.date_from, period.date_to, company),
            ["state", "is_repeat", "severity", "escalation_level"],
            ["__count"],
        ):
            counts[state] += count
            repeat += count if is_repeat else 0
            serious += count if severity in ("serious", "critical") else 0
            escalated += count if level and level != "0" else 0
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
            "resolved": stats["resolved"],
        }

    # ------------------------------------------------------------------
    # callbacks, coverage, quality
    # ------------------------------------------------------------------

    @api.model
    def _get_callbacks(self, period):
        """Callbacks made in the month (done or failed): reach rate,
        satisfaction, average score; and those due in the month that were
        not made by its end."""
        Figures = self.env["cs.callback.figures"]
        company = period.company_id
        figures = Figures._cs_callbacks(company, period.date_from, period.date_to)[None]
        labels = selection_labels(self.env["cs.callback"], "satisfaction")
        return dict(
            figures,
            satisfaction=[
                {
                    "code": code,
                    "name": labels[code],
                    "count": figures["satisfaction"][code],
                    "rate": rate(figures["satisfaction"][code], figures["answered"]),
                }
                for code in SATISFACTIONS
            ],
            missed=Figures._cs_callbacks_missed(
                company, period.date_from, period.date_to
            ),
        )

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
        grade_labels = selection_labels(Scorecard, "grade")
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
        labels = selection_labels(Event, "kind")
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
    def _still_open_domain(self, company, stop):
        """The complaints of ``company`` received before ``stop`` (a UTC
        datetime) and still open then: the report's (and the dashboard's)
        definition of an open complaint."""
        return [
            ("company_id", "=", company.id),
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

    @api.model
    def _late_domain(self, stop):
        """Of the open complaints, those whose solution deadline had passed
        at ``stop``."""
        return [("date_resolve_deadline", "<", stop)]

    @api.model
    def _get_problems(self, period, start, stop, complaints, callbacks):
        """What is not solved: complaints received by the end of the month
        and still open then (the late ones first), complaints resolved late
        in the month, repeat complaints, callbacks not made, unsatisfied
        customers."""
        Complaint = self.env["cs.complaint"]
        company_id = period.company_id.id
        still_open = self._still_open_domain(period.company_id, stop)
        late = self._late_domain(stop)
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
