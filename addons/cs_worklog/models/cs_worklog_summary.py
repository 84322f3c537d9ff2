# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    ALL_FIELDS,
    workflow_action,
)

PERIOD_SELECTION = [("week", "Weekly"), ("month", "Monthly"), ("year", "Annual")]
FIGURE_FIELDS = (
    "callback_made",
    "callback_done",
    "callback_reach_rate",
    "callback_satisfied",
    "callback_answered",
    "callback_score",
    "coverage_rate",
    "complaint_received",
    "complaint_resolved",
    "complaint_sla_rate",
)


class CsWorklogSummary(models.Model):
    """A weekly, monthly or annual summary with the plan of the next period
    (周/月/年度工作总结与计划, E5), written by a supervisor with the
    department's figures of the period, submitted and acknowledged by the
    customer-service manager."""

    _name = "cs.worklog.summary"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "cs.protected.mixin",
        "cs.worklog.report.mixin",
    ]
    _description = "Work Summary"
    _order = "date_from desc, period_kind, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    period_kind = fields.Selection(
        PERIOD_SELECTION, string="Period", required=True, default="month", index=True
    )
    date_from = fields.Date(
        string="From",
        required=True,
        index=True,
        default=lambda self: self._default_date_from(),
        help="First day of the week (Monday), month or year.",
    )
    date_to = fields.Date(
        string="To", compute="_compute_date_to", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Written By",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("acknowledged", "Acknowledged"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_submitted = fields.Datetime(readonly=True, copy=False)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_acknowledged = fields.Datetime(readonly=True, copy=False)
    date_prefilled = fields.Datetime(
        string="Figures Updated On", readonly=True, copy=False
    )
    # the department's figures of the period (prefilled, never typed)
    callback_made = fields.Integer(string="Callbacks Made", readonly=True)
    callback_done = fields.Integer(string="Callbacks Done", readonly=True)
    callback_reach_rate = fields.Float(
        string="Reach Rate (%)", readonly=True, digits=(16, 1)
    )
    callback_answered = fields.Integer(string="Satisfaction Answers", readonly=True)
    callback_satisfied = fields.Integer(string="Satisfied", readonly=True)
    callback_score = fields.Float(string="Average Score", readonly=True, digits=(16, 2))
    coverage_rate = fields.Float(
        string="Member Coverage (%)", readonly=True, digits=(16, 1)
    )
    complaint_received = fields.Integer(string="Complaints Received", readonly=True)
    complaint_resolved = fields.Integer(string="Complaints Resolved", readonly=True)
    complaint_sla_rate = fields.Float(
        string="Solved in Time (%)", readonly=True, digits=(16, 1)
    )
    # what the supervisor writes
    achievements = fields.Text(string="Summary of the Period")
    problems = fields.Text(
        help="Report the problems honestly, not the good news only.",
    )
    plan = fields.Text(string="Plan for the Next Period")
    manager_comment = fields.Text(string="Manager's Comment", tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        (
            "period_user_unique",
            "UNIQUE(company_id, user_id, period_kind, date_from)",
            "You have written a summary of this period already.",
        ),
    ]

    @api.model
    def _default_date_from(self):
        return self.env.company._cs_today().replace(day=1)

    @api.depends("period_kind", "date_from", "user_id")
    def _compute_name(self):
        kinds = dict(self._fields["period_kind"]._description_selection(self.env))
        for summary in self:
            summary.name = self.env._(
                "%(kind)s summary %(start)s – %(end)s (%(author)s)",
                kind=kinds.get(summary.period_kind, ""),
                start=summary.date_from or "",
                end=summary.date_to or "",
                author=summary.user_id.name or "",
            )

    @api.depends("period_kind", "date_from")
    def _compute_date_to(self):
        steps = {
            "week": relativedelta(weeks=1),
            "month": relativedelta(months=1),
            "year": relativedelta(years=1),
        }
        for summary in self:
            summary.date_to = (
                summary.date_from + steps[summary.period_kind] - relativedelta(days=1)
                if summary.date_from and summary.period_kind
                else False
            )

    @api.constrains("period_kind", "date_from")
    def _check_period_start(self):
        for summary in self:
            start = summary.date_from
            if (
                (summary.period_kind == "week" and start.weekday() != 0)
                or (summary.period_kind == "month" and start.day != 1)
                or (
                    summary.period_kind == "year" and (start.month, start.day) != (1, 1)
                )
            ):
                raise ValidationError(
                    self.env._(
                        "A weekly summary starts on a Monday, a monthly one on the "
                        "first of a month, an annual one on 1 January."
                    )
                )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "user_id",
            "date_submitted",
            "acknowledged_by_id",
            "date_acknowledged",
            "date_prefilled",
            *FIGURE_FIELDS,
        }

    def _cs_locked_fields(self):
        """Submitted, the summary is the manager's to read: only their
        comment may still be written."""
        if self.state == "draft":
            return set()
        if self.state == "submitted":
            return {
                fname
                for fname, field in self._fields.items()
                if field.store and fname != "manager_comment"
            } - {"message_main_attachment_id"}
        return ALL_FIELDS

    def _cs_locked_message(self):
        return self.env._(
            "The summary %(summary)s is submitted: only the manager's comment can "
            "still change.",
            summary=self.display_name,
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            raise AccessError(self.env._("Supervisors write the work summaries."))
        summaries = super().create(vals_list)
        summaries._cs_write_figures()
        return summaries

    def write(self, vals):
        if (
            "manager_comment" in vals
            and not self.env.su
            and not self.env.user.has_group("cs_member.group_cs_manager")
            and any(
                summary.manager_comment != vals["manager_comment"] for summary in self
            )
        ):
            raise AccessError(
                self.env._("Only a customer-service manager comments summaries.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if not self.env.su and any(summary.state != "draft" for summary in self):
            raise UserError(self.env._("A submitted summary is never deleted."))

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    @workflow_action
    def action_submit(self):
        """The author submits the summary and its plan to the manager."""
        for summary in self:
            if summary.user_id != self.env.user:
                raise AccessError(self.env._("Only the author submits their summary."))
            if summary.state != "draft":
                raise UserError(self.env._("The summary is submitted already."))
            if (
                not (summary.achievements or "").strip()
                or not (summary.plan or "").strip()
            ):
                raise UserError(
                    self.env._("Write the summary and the plan before submitting.")
                )
        self._cs_prefill()
        self.write({"state": "submitted", "date_submitted": fields.Datetime.now()})
        return True

    def _cs_check_manager(self):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_manager"
        ):
            raise AccessError(
                self.env._("Only a customer-service manager acknowledges summaries.")
            )

    @workflow_action
    def action_acknowledge(self):
        """The manager acknowledges the summary (已阅)."""
        self._cs_check_manager()
        if any(summary.state != "submitted" for summary in self):
            raise UserError(self.env._("Only submitted summaries can be acknowledged."))
        self.write(
            {
                "state": "acknowledged",
                "acknowledged_by_id": self.env.user.id,
                "date_acknowledged": fields.Datetime.now(),
            }
        )
        return True

    @workflow_action
    def action_return(self):
        """The manager returns a submitted summary to its author."""
        self._cs_check_manager()
        return self._cs_return_to_author(
            self.env._("Only submitted summaries can be returned."),
            lambda summary: self.env._(
                "Summary returned to %(author)s.", author=summary.user_id.name
            ),
        )

    @workflow_action
    def action_refresh(self):
        return self._cs_refresh_draft(
            self.env._("The figures of a submitted summary are kept as submitted.")
        )

    # ------------------------------------------------------------------
    # figures
    # ------------------------------------------------------------------

    @workflow_action
    def _cs_prefill(self):
        """The department's figures of the period, from their owners:
        ``cs.callback.figures`` (callbacks and member coverage) and
        ``cs.complaint.stats`` (complaints received and resolved), one
        computation per company and period."""
        self.filtered(lambda summary: summary.state == "draft")._cs_write_figures()

    @workflow_action
    def _cs_write_figures(self):
        now = fields.Datetime.now()
        for (company, start, stop), summaries in self.grouped(
            lambda summary: (summary.company_id, summary.date_from, summary.date_to)
        ).items():
            values = self._cs_period_figures(company, start, stop)
            summaries.write(dict(values, date_prefilled=now))

    @api.model
    def _cs_period_figures(self, company, date_from, date_to):
        Figures = self.env["cs.callback.figures"]
        callbacks = Figures._cs_callbacks(company, date_from, date_to)[None]
        coverage = Figures._cs_coverage(company, date_from, date_to)[None]
        # sudo: the department's figures, read whatever the reader may see
        Stats = self.env["cs.complaint.stats"].sudo()
        received = Stats._complaints(company).search_count(
            Stats._received_domain(date_from, date_to, company)
        )
        resolved = Stats._get_resolved(date_from, date_to, company)[None]
        return {
            "callback_made": callbacks["made"],
            "callback_done": callbacks["done"],
            "callback_reach_rate": callbacks["reach_rate"] or 0.0,
            "callback_answered": callbacks["answered"],
            "callback_satisfied": callbacks["satisfaction"]["satisfied"],
            "callback_score": callbacks["average_score"] or 0.0,
            "coverage_rate": coverage["rate"] or 0.0,
            "complaint_received": received,
            "complaint_resolved": resolved["count"],
            "complaint_sla_rate": resolved["sla_rate"] or 0.0,
        }
