# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CsComplaintDeadline(models.AbstractModel):
    """A complaint's deadlines on the company's working schedule and their
    escalation: the acknowledgement, the department's reply and the solution,
    planned from the deadline policy that matches the complaint.

    It plugs into ``cs.sla.mixin`` (status on track / at risk / breached and
    the escalation cron) as ``mail.thread.cc`` plugs into ``mail.thread``;
    ``cs.complaint`` inherits it and keeps what depends on its states.
    """

    _name = "cs.complaint.deadline"
    # cs.sla.mixin is a cs.protected.mixin
    _inherit = ["cs.sla.mixin"]
    _description = "Complaint Deadlines"

    sla_id = fields.Many2one(
        "cs.complaint.sla",
        string="Deadline Policy",
        check_company=True,
        compute="_compute_deadlines",
        store=True,
        readonly=True,
    )
    date_ack_deadline = fields.Datetime(
        string="Acknowledge By", compute="_compute_deadlines", store=True, readonly=True
    )
    date_reply_deadline = fields.Datetime(
        string="Department Reply By",
        compute="_compute_deadlines",
        store=True,
        readonly=True,
    )
    date_resolve_deadline = fields.Datetime(
        string="Solve By",
        compute="_compute_deadlines",
        store=True,
        readonly=True,
        index=True,
    )

    @api.depends(
        "severity", "category_id", "date_received", "company_id", "date_routed"
    )
    def _compute_deadlines(self):
        """The three deadlines on the company's working schedule, planned for
        the whole batch with one read of the working time per schedule."""
        policies = self.env["cs.complaint.sla"].sudo()._cs_find_policies(self)
        by_calendar = {}
        for complaint in self:
            policy = policies.get(complaint.id)
            complaint.sla_id = policy
            if not policy or not complaint.date_received:
                complaint.update(
                    {
                        "date_ack_deadline": False,
                        "date_reply_deadline": False,
                        "date_resolve_deadline": False,
                    }
                )
                continue
            calendar = complaint.company_id.resource_calendar_id
            if not calendar:
                raise UserError(
                    self.env._(
                        "Company %(company)s has no working schedule: set one to "
                        "compute complaint deadlines.",
                        company=complaint.company_id.name,
                    )
                )
            by_calendar.setdefault(calendar, []).append((complaint, policy))
        for calendar, items in by_calendar.items():
            requests = []
            for complaint, policy in items:
                requests.append((complaint.date_received, "hours", policy.ack_hours))
                requests.append((complaint.date_received, "days", policy.resolve_days))
                if complaint.date_routed:
                    requests.append((complaint.date_routed, "days", policy.reply_days))
            deadlines = iter(calendar.sudo()._cs_plan_deadlines(requests))
            for complaint, _policy in items:
                complaint.date_ack_deadline = next(deadlines)
                complaint.date_resolve_deadline = next(deadlines)
                complaint.date_reply_deadline = (
                    next(deadlines) if complaint.date_routed else False
                )

    # hooks of cs.sla.mixin

    def _cs_sla_pending(self):
        pending = []
        if not self.date_ack and self.date_ack_deadline:
            pending.append((self.date_received, self.date_ack_deadline))
        if self.date_routed and not self.date_reply and self.date_reply_deadline:
            pending.append((self.date_routed, self.date_reply_deadline))
        if self.date_resolve_deadline:
            pending.append((self.date_received, self.date_resolve_deadline))
        return pending

    def _cs_sla_at_risk_ratio(self):
        return (self.sla_id.at_risk_percent or 0) / 100.0

    def _cs_escalation_target(self, level, cache):
        """1 the department's manager (else the handler's team leader, else
        the customer-service manager), 2 the customer-service manager."""
        self.ensure_one()
        company = self.company_id
        if company not in cache:
            cache[company] = company._cs_complaint_manager()
        if level == 1:
            return (
                self.department_id.manager_id.user_id
                or self.user_id.cs_team_id.leader_id
                or cache[company]
            )
        return cache[company]

    def _cs_escalation_delay_hours(self):
        return self.company_id.cs_complaint_escalation_hours

    def _cs_escalation_activity_type(self):
        return self.env.ref("cs_complaint.mail_activity_type_escalation")

    def _cs_escalation_summary(self):
        return self.env._(
            "Late complaint %(number)s escalated to you", number=self.name
        )
