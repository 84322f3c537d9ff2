# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from odoo.addons.cs_member.models.cs_protected_mixin import (
    ALL_FIELDS,
    workflow_action,
)

# the day's figures of a log, as the owners of the figures define them
FIGURE_FIELDS = (
    "callback_done",
    "callback_failed",
    "callback_reached",
    "callback_satisfied",
    "callback_unsatisfied",
    "callback_score",
    "complaint_registered",
    "complaint_resolved",
    "complaint_resolved_in_time",
    "service_registered",
    "service_done",
)
# the company's hour from which the hourly cron prefills the day's logs
END_OF_DAY_HOUR = 21
CRON_BATCH = 200


class CsWorklog(models.Model):
    """An agent's daily work log (工作日志, E5): one per user and company
    day, prefilled with the day's callbacks, complaints and (with
    ``cs_service``) service requests from the owners of these figures, then
    completed by the agent (work done, problems, plan for tomorrow) and
    submitted. The agent's supervisor (team lead or department manager)
    reads it; a manager reads all."""

    _name = "cs.worklog"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.protected.mixin",
        "cs.worklog.report.mixin",
    ]
    _description = "Work Log"
    _order = "date desc, user_id, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self._default_date(),
        help="The company's day of the log.",
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_organisation",
        store=True,
        index=True,
    )
    team_id = fields.Many2one(
        "cs.team", compute="_compute_organisation", store=True, index=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    date_prefilled = fields.Datetime(
        string="Figures Updated On", readonly=True, copy=False
    )
    # the day's figures (prefilled, never typed)
    callback_done = fields.Integer(string="Callbacks Done", readonly=True)
    callback_failed = fields.Integer(string="Callbacks Failed", readonly=True)
    callback_reached = fields.Integer(string="Customers Reached", readonly=True)
    callback_satisfied = fields.Integer(string="Satisfied", readonly=True)
    callback_unsatisfied = fields.Integer(string="Unsatisfied", readonly=True)
    callback_score = fields.Float(
        string="Average Score", readonly=True, digits=(16, 2), aggregator="avg"
    )
    complaint_registered = fields.Integer(string="Complaints Registered", readonly=True)
    complaint_resolved = fields.Integer(string="Complaints Resolved", readonly=True)
    complaint_resolved_in_time = fields.Integer(
        string="Resolved in Time", readonly=True
    )
    service_registered = fields.Integer(
        string="Service Requests Registered", readonly=True
    )
    service_done = fields.Integer(string="Repairs Done", readonly=True)
    has_service = fields.Boolean(compute="_compute_has_service")
    # what the agent writes
    work_done = fields.Text()
    problems = fields.Text()
    plan_tomorrow = fields.Text(string="Plan for Tomorrow")
    callback_ids = fields.Many2many(
        "cs.callback", string="Callbacks", compute="_compute_records"
    )
    complaint_ids = fields.Many2many(
        "cs.complaint", string="Complaints", compute="_compute_records"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "user_date_unique",
            "UNIQUE(company_id, user_id, date)",
            "An agent keeps one work log a day.",
        ),
    ]

    @api.model
    def _default_date(self):
        return self.env.company._cs_today()

    @api.depends("user_id", "date")
    def _compute_name(self):
        for log in self:
            log.name = f"{log.user_id.name or ''} {log.date or ''}".strip()

    @api.depends(
        "user_id.employee_ids.department_id", "user_id.cs_team_id", "company_id"
    )
    def _compute_organisation(self):
        for log in self:
            # sudo: the agent's department is read from their employee,
            # which customer-service users may not read
            employees = log.user_id.sudo().employee_ids
            employee = employees.filtered(
                lambda employee, log=log: employee.company_id == log.company_id
            )[:1]
            log.department_id = employee.department_id
            log.team_id = log.user_id.cs_team_id

    def _compute_has_service(self):
        self.has_service = "cs.service.request" in self.env

    @api.depends("user_id", "date", "company_id")
    @api.depends_context("uid")
    def _compute_records(self):
        """The callbacks the agent completed and the complaints they
        registered or resolved that day, as the reader may see them."""
        Callback = self.env["cs.callback"]
        Complaint = self.env["cs.complaint"]
        Stats = self.env["cs.complaint.stats"]
        for log in self:
            if not log.date or not log.user_id:
                log.callback_ids = Callback
                log.complaint_ids = Complaint
                continue
            start, stop = log.company_id._cs_utc_bounds(log.date, log.date)
            log.callback_ids = Callback.search(
                [
                    ("company_id", "=", log.company_id.id),
                    ("user_id", "=", log.user_id.id),
                    ("state", "in", ("done", "failed")),
                    ("date_done", ">=", start),
                    ("date_done", "<", stop),
                ]
            )
            received = Stats._received_domain(log.date, log.date, log.company_id)
            resolved = Stats._resolved_domain(log.date, log.date, log.company_id)
            log.complaint_ids = Complaint.search(
                expression.OR(
                    [
                        expression.AND(
                            [[("create_uid", "=", log.user_id.id)], received]
                        ),
                        expression.AND([[("user_id", "=", log.user_id.id)], resolved]),
                    ]
                )
            )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "user_id",
            "date",
            "company_id",
            "date_submitted",
            "date_prefilled",
            *FIGURE_FIELDS,
        }

    def _cs_locked_fields(self):
        return ALL_FIELDS if self.state == "submitted" else set()

    def _cs_locked_message(self):
        return self.env._(
            "The work log %(log)s is submitted: ask your supervisor to return "
            "it before changing it.",
            log=self.display_name,
        )

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        # a log starts with the figures of its day (the cron gives them)
        logs.filtered(lambda log: not log.date_prefilled)._cs_write_figures()
        return logs

    def write(self, vals):
        texts = {"work_done", "problems", "plan_tomorrow"} & set(vals)
        if not self.env.su and any(
            log.user_id != self.env.user
            and any((log[fname] or False) != (vals[fname] or False) for fname in texts)
            for log in self
        ):
            raise AccessError(self.env._("Only the agent writes their own work log."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if not self.env.su and any(
            log.state != "draft" or log.user_id != self.env.user for log in self
        ):
            raise UserError(
                self.env._(
                    "Only the agent deletes their own draft work log; a submitted "
                    "one is never deleted."
                )
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    @workflow_action
    def action_submit(self):
        """The agent submits their own log of the day, completed."""
        for log in self:
            if log.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only %(agent)s submits their work log.", agent=log.user_id.name
                    )
                )
            if log.state != "draft":
                raise UserError(self.env._("The work log is submitted already."))
            if not (log.work_done or "").strip():
                raise UserError(
                    self.env._("Write the work done before submitting the log.")
                )
        self._cs_prefill()
        self.write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        return True

    @workflow_action
    def action_return(self):
        """The supervisor returns a submitted log to its agent."""
        if not self.env.user.has_group("cs_member.group_cs_supervisor"):
            raise AccessError(
                self.env._("Only a supervisor returns a work log to its agent.")
            )
        self.check_access("write")
        return self._cs_return_to_author(
            self.env._("Only submitted work logs can be returned."),
            lambda log: self.env._(
                "Work log returned to %(agent)s.", agent=log.user_id.name
            ),
        )

    @workflow_action
    def action_refresh(self):
        """Update the figures of draft logs from the day's data."""
        return self._cs_refresh_draft(
            self.env._("The figures of a submitted work log are kept as submitted.")
        )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------

    @workflow_action
    def _cs_prefill(self):
        """Write the day's figures of the draft logs: one set of grouped
        queries per company and day, whatever the number of logs."""
        self.filtered(lambda log: log.state == "draft")._cs_write_figures()

    @workflow_action
    def _cs_write_figures(self):
        for (company, day), logs in self.grouped(
            lambda log: (log.company_id, log.date)
        ).items():
            figures = self._cs_day_figures(company, day)
            empty = self._cs_empty_figures()
            # one UPDATE per set of values, not per log
            groups = defaultdict(lambda: self.browse())
            for log in logs:
                values = figures.get(log.user_id.id) or empty
                groups[tuple(sorted(values.items()))] |= log
            now = fields.Datetime.now()
            for values, group in groups.items():
                group.write(dict(values, date_prefilled=now))

    @api.model
    def _cs_empty_figures(self):
        return {fname: 0 for fname in FIGURE_FIELDS}

    @api.model
    def _cs_day_figures(self, company, day):
        """``{user id: {figure field: value}}`` of the company's ``day``,
        from the owners of the figures: ``cs.callback.figures`` (callbacks
        made by agent), ``cs.complaint.stats`` (complaints received and
        resolved, with the same definitions as every report) and, with
        ``cs_service``, the service requests. The figures are the
        department's: they are read without record rules, and each user
        sees them in their own logs only."""
        figures = {}

        def line(user_id):
            return figures.setdefault(user_id, self._cs_empty_figures())

        callbacks = self.env["cs.callback.figures"]._cs_callbacks(
            company, day, day, groupby="user"
        )
        for user_id, values in callbacks.items():
            if not user_id:
                continue
            log = line(user_id)
            log.update(
                callback_done=values["done"],
                callback_failed=values["failed"],
                callback_reached=values["reached"],
                callback_satisfied=values["satisfaction"]["satisfied"],
                callback_unsatisfied=values["satisfaction"]["unsatisfied"],
                callback_score=values["average_score"] or 0.0,
            )
        # sudo: the department's figures, read whatever the reader may see
        Stats = self.env["cs.complaint.stats"].sudo()
        Complaint = Stats._complaints(company)
        for user, count in Complaint._read_group(
            Stats._received_domain(day, day, company), ["create_uid"], ["__count"]
        ):
            line(user.id)["complaint_registered"] = count
        resolved = Stats._get_resolved(day, day, company, groupby="user_id")
        for user, values in resolved.items():
            if user:
                log = line(user.id)
                log["complaint_resolved"] = values["count"]
                log["complaint_resolved_in_time"] = values["met"]
        for user_id, values in self._cs_day_service_figures(company, day).items():
            line(user_id).update(values)
        return figures

    @api.model
    def _cs_day_service_figures(self, company, day):
        """``{user id: {service_registered, service_done}}`` of the day when
        ``cs_service`` is installed (registered by the user, repairs done by
        the technician); nothing otherwise."""
        if "cs.service.request" not in self.env:
            return {}
        start, stop = company._cs_utc_bounds(day, day)
        # sudo: the department's figures, read whatever the reader may see
        Request = self.env["cs.service.request"].sudo()
        result = {}
        for user, count in Request._read_group(
            [
                ("company_id", "=", company.id),
                ("date_received", ">=", start),
                ("date_received", "<", stop),
            ],
            ["create_uid"],
            ["__count"],
        ):
            result.setdefault(user.id, {})["service_registered"] = count
        for user, count in Request._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("done", "closed")),
                ("date_done", ">=", start),
                ("date_done", "<", stop),
                ("technician_user_id", "!=", False),
            ],
            ["technician_user_id"],
            ["__count"],
        ):
            result.setdefault(user.id, {})["service_done"] = count
        return result

    # ------------------------------------------------------------------
    # cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_prefill_logs(self):
        """Hourly: from the end of each company's day (21:00 there), create
        the logs of the agents who worked that day and refresh the figures
        of the draft ones; the previous day is completed too (a missed run,
        a late callback). Idempotent, in batches."""
        todo = []
        for company in self.env["res.company"].search([]):
            now = company._cs_now()
            days = [now.date() - timedelta(days=1)]
            if now.hour >= END_OF_DAY_HOUR:
                days.append(now.date())
            todo += [(company, day) for day in days]
        for done, (company, day) in enumerate(todo, start=1):
            self._cs_prefill_day(company, day)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(todo) - done)

    @api.model
    def _cs_prefill_day(self, company, day):
        """Create the missing logs of ``day`` of the users who worked (with
        a figure), with their figures, and refresh the figures of the day's
        draft logs; one set of grouped queries for the day, logs created
        in batches."""
        figures = {
            user_id: values
            for user_id, values in self._cs_day_figures(company, day).items()
            if any(values.values())
        }
        existing = self.search([("company_id", "=", company.id), ("date", "=", day)])
        users = (
            self.env["res.users"]
            .browse(set(figures) - set(existing.user_id.ids))
            .filtered(lambda user: not user.share and company in user.company_ids)
        )
        for start in range(0, len(users), CRON_BATCH):
            batch = users[start : start + CRON_BATCH]
            self._cs_create_logs(company, day, batch, figures)
        existing._cs_prefill()

    @workflow_action
    def _cs_create_logs(self, company, day, users, figures):
        now = fields.Datetime.now()
        return (
            self.with_company(company)
            # the creation is the cron's: no creation message per log
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
            .create(
                [
                    dict(
                        figures[user.id],
                        user_id=user.id,
                        date=day,
                        company_id=company.id,
                        date_prefilled=now,
                    )
                    for user in users
                ]
            )
        )
