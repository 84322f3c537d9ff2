# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.cs_member.reporting import check_report_right

MONTHS = 12
# the current month's row is refreshed when the dashboard is opened and the
# row is older than this: live enough, without recomputing on every click
LIVE_MINUTES = 5


class CsDashboardMonth(models.Model):
    """The figures of a month of the customer-service department, as the
    *Customer Service* dashboard (Dashboards app) reads them.

    Nothing is defined here: every figure is copied from its owner, the same
    methods the monthly service report and the assessment use -
    ``cs.complaint.stats`` (received, resolved, solved in time), the
    monthly report's definition of open and late complaints,
    ``cs.callback.figures`` (callbacks, satisfaction, coverage) and the
    callback quota report (C6). The rows of the last twelve months are
    refreshed every hour and on demand, and the current month's row when a
    supervisor or manager opens the dashboard and it is older than a few
    minutes (``_cs_refresh_live``); the spreadsheet's pivots and charts only
    sum and average them."""

    _name = "cs.dashboard.month"
    _description = "Customer Service Dashboard Month"
    _order = "month desc, company_id"
    _rec_name = "name"

    name = fields.Char(string="Month", required=True, readonly=True)
    month = fields.Date(string="First Day", required=True, readonly=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    is_current = fields.Boolean(string="Current Month", readonly=True, index=True)
    complaints_received = fields.Integer(readonly=True)
    complaints_open = fields.Integer(
        readonly=True,
        help="Received by the end of the month (now, for the current month) "
        "and still open then.",
    )
    complaints_late = fields.Integer(
        readonly=True, help="Open complaints whose solution deadline had passed."
    )
    complaints_resolved = fields.Integer(readonly=True)
    complaints_in_time = fields.Integer(
        string="Complaints Solved in Time", readonly=True
    )
    complaints_sla_rate = fields.Float(
        string="Solved in Time (%)", readonly=True, aggregator="avg"
    )
    callbacks_made = fields.Integer(readonly=True)
    callbacks_done = fields.Integer(readonly=True)
    callbacks_answered = fields.Integer(
        string="Callbacks with Satisfaction", readonly=True
    )
    callbacks_satisfied = fields.Integer(readonly=True)
    callbacks_unsatisfied = fields.Integer(readonly=True)
    satisfaction_rate = fields.Float(
        string="Satisfied (%)", readonly=True, aggregator="avg"
    )
    average_score = fields.Float(
        string="Average Score (1-5)", readonly=True, aggregator="avg"
    )
    quota_days = fields.Integer(string="Agent Days", readonly=True)
    quota_met_days = fields.Integer(string="Agent Days at Quota", readonly=True)
    quota_rate = fields.Float(string="Quota Met (%)", readonly=True, aggregator="avg")
    coverage_members = fields.Integer(string="Members", readonly=True)
    coverage_covered = fields.Integer(string="Members Called Back", readonly=True)
    coverage_rate = fields.Float(string="Coverage (%)", readonly=True, aggregator="avg")
    date_refreshed = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "month_company_unique",
            "UNIQUE(company_id, month)",
            "A month appears once per company on the dashboard.",
        ),
    ]

    # ------------------------------------------------------------------
    # actions and crons
    # ------------------------------------------------------------------

    def action_refresh(self):
        """Refresh the dashboard's figures now (supervisors and managers)."""
        check_report_right(
            self.env,
            self.env._(
                "Only a customer-service supervisor or manager refreshes the dashboard."
            ),
        )
        for company in self.env.companies:
            # sudo: the figures are the department's; the rows are read
            # through the access rights and the company rule
            self.sudo()._cs_refresh_company(company)
        return True

    @api.model
    def _cron_cs_refresh(self):
        """Hourly: the last twelve months of every company."""
        companies = self.env["res.company"].search([])
        for done, company in enumerate(companies, start=1):
            self._cs_refresh_company(company)
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(companies) - done
            )
        return True

    @api.model
    def _cs_refresh_live(self):
        """Called when the dashboard is opened: the current month of each of
        the user's companies is refreshed when its row is older than
        ``LIVE_MINUTES`` (the whole window when the month has just begun).
        Only for supervisors and managers, who see the dashboard; a row
        another user is refreshing at the same moment is left to them.
        Returns the rows refreshed."""
        if not (
            self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor")
        ):
            return self.browse()
        # sudo: the figures are the department's, checked above; the rows are
        # read through the access rights and the company rule
        Month = self.sudo()
        stale = fields.Datetime.now() - timedelta(minutes=LIVE_MINUTES)
        refreshed = self.browse()
        for company in self.env.companies:
            current = company._cs_today().replace(day=1)
            row = Month.search(
                [("company_id", "=", company.id), ("month", "=", current)], limit=1
            )
            if not row:
                Month._cs_refresh_company(company)
                refreshed |= Month.search(
                    [("company_id", "=", company.id), ("month", "=", current)]
                )
                continue
            if row.date_refreshed and row.date_refreshed > stale:
                continue
            if not row._cs_lock_skip_locked():
                continue
            row.write(Month._cs_month_values(company, current, True))
            self.env["cs.kpi.period"]._cs_mark_dashboard_month(
                company, company._cs_today()
            )
            refreshed |= row
        return refreshed.with_env(self.env)

    def _cs_lock_skip_locked(self):
        """Lock these rows for the refresh; False when another transaction
        holds one (it is refreshing it)."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM cs_dashboard_month WHERE id IN %s "
                "FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
            )
        )
        return len(self.env.cr.fetchall()) == len(self)

    # ------------------------------------------------------------------
    # figures, from their owners
    # ------------------------------------------------------------------

    @api.model
    def _cs_refresh_company(self, company):
        """Write the rows of ``company``'s last twelve months (its days) and
        drop the older ones."""
        if not (
            self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor")
        ):
            raise AccessError(self.env._("The dashboard is for supervisors."))
        today = company._cs_today()
        current = today.replace(day=1)
        months = [current - relativedelta(months=n) for n in range(MONTHS)]
        existing = {
            row.month: row
            for row in self.search(
                [("company_id", "=", company.id), ("month", "in", months)]
            )
        }
        # the months out of the window (older, or after the company's today
        # when the clock was changed) leave the dashboard
        self.search(
            [("company_id", "=", company.id), ("month", "not in", months)]
        ).unlink()
        to_create = []
        for month in months:
            values = self._cs_month_values(company, month, month == current)
            if month in existing:
                existing[month].write(values)
            else:
                to_create.append(values)
        self.create(to_create)
        self.search(
            [
                ("company_id", "=", company.id),
                ("is_current", "=", True),
                ("month", "!=", current),
            ]
        ).is_current = False
        self.env["cs.kpi.period"]._cs_mark_dashboard_month(company, today)

    @api.model
    def _cs_month_values(self, company, month, is_current):
        date_from = month
        date_to = month + relativedelta(day=31)
        values = {
            "name": month.strftime("%Y-%m"),
            "month": month,
            "company_id": company.id,
            "is_current": is_current,
            "date_refreshed": fields.Datetime.now(),
        }
        values.update(self._cs_complaint_values(company, date_from, date_to))
        values.update(self._cs_callback_values(company, date_from, date_to))
        values.update(self._cs_quota_values(company, date_from, date_to))
        return values

    @api.model
    def _cs_complaint_values(self, company, date_from, date_to):
        """Received and resolved from ``cs.complaint.stats``; open and late
        as the monthly service report counts them, at the month's end or
        now for the current month."""
        Stats = self.env["cs.complaint.stats"]
        Report = self.env["report.cs_kpi.report_kpi_monthly"]
        Complaint = Stats._complaints(company)
        [[received]] = Complaint._read_group(
            Stats._received_domain(date_from, date_to, company), [], ["__count"]
        )
        resolved = Stats._get_resolved(date_from, date_to, company)[None]
        __, stop = company._cs_utc_bounds(date_from, date_to)
        stop = min(stop, fields.Datetime.now())
        still_open = Report._still_open_domain(company, stop)
        [[open_count]] = Complaint._read_group(still_open, [], ["__count"])
        [[late]] = Complaint._read_group(
            still_open + Report._late_domain(stop), [], ["__count"]
        )
        return {
            "complaints_received": received,
            "complaints_open": open_count,
            "complaints_late": late,
            "complaints_resolved": resolved["count"],
            "complaints_in_time": resolved["met"],
            "complaints_sla_rate": resolved["exact_rate"] or 0.0,
        }

    @api.model
    def _cs_callback_values(self, company, date_from, date_to):
        """Callbacks, satisfaction and member coverage from
        ``cs.callback.figures``."""
        Figures = self.env["cs.callback.figures"]
        callbacks = Figures._cs_callbacks(company, date_from, date_to)[None]
        coverage = Figures._cs_coverage(company, date_from, date_to)[None]
        satisfied = callbacks["satisfaction"]["satisfied"]
        answered = callbacks["answered"]
        return {
            "callbacks_made": callbacks["made"],
            "callbacks_done": callbacks["done"],
            "callbacks_answered": answered,
            "callbacks_satisfied": satisfied,
            "callbacks_unsatisfied": callbacks["satisfaction"]["unsatisfied"],
            "satisfaction_rate": 100.0 * satisfied / answered if answered else 0.0,
            "average_score": callbacks["exact_score"] or 0.0,
            "coverage_members": coverage["members"],
            "coverage_covered": coverage["covered"],
            "coverage_rate": coverage["exact"] or 0.0,
        }

    @api.model
    def _cs_quota_values(self, company, date_from, date_to):
        """Agent days of the month at the daily callback quota (C6), from
        the quota report."""
        groups = self.env["cs.callback.quota.report"]._read_group(
            [
                ("company_id", "=", company.id),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["quota_met"],
            ["__count"],
        )
        days = sum(count for __, count in groups)
        met = sum(count for quota_met, count in groups if quota_met)
        return {
            "quota_days": days,
            "quota_met_days": met,
            "quota_rate": 100.0 * met / days if days else 0.0,
        }
