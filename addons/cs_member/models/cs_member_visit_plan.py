# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .cs_protected_mixin import workflow_action


class CsMemberVisitPlan(models.Model):
    """客户访问计划表 (H4): the planned visits of a key account (B4), owned by
    the customer-service manager who manages it personally."""

    _name = "cs.member.visit.plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Customer Visit Plan"
    _order = "id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        required=True,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    note = fields.Html(string="Key-Customer Measures")
    visit_ids = fields.One2many("cs.member.visit", "plan_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A customer has one visit plan.",
        )
    ]

    @api.depends("visit_ids")
    def _compute_visit_count(self):
        counts = dict(
            self.env["cs.member.visit"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.visit_count = counts.get(plan, 0)

    def write(self, vals):
        if "user_id" in vals or "partner_id" in vals:
            self._check_supervisor()
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_supervisor()
        return super().create(vals_list)

    def _check_supervisor(self):
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        raise AccessError(
            self.env._(
                "Only a customer service supervisor or manager sets up or hands "
                "over a visit plan."
            )
        )


class CsMemberVisit(models.Model):
    """A planned visit to a key account: date, purpose, then the result."""

    _name = "cs.member.visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Customer Visit"
    _order = "date_planned, id"
    _rec_name = "purpose"

    plan_id = fields.Many2one(
        "cs.member.visit.plan", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="plan_id.partner_id", store=True, index=True, string="Customer"
    )
    user_id = fields.Many2one(
        related="plan_id.user_id", store=True, index=True, string="Owner"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date_planned = fields.Date(
        string="Planned On", required=True, index=True, tracking=True
    )
    purpose = fields.Char(required=True, tracking=True)
    result = fields.Text()
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_done = fields.Date(string="Visited On", readonly=True, copy=False)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"date_done"}

    def _cs_locked_fields(self):
        return (
            {"date_planned", "purpose", "result", "plan_id"}
            if (self.state != "planned")
            else set()
        )

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits._cs_schedule_preparation()
        return visits

    @workflow_action
    def action_done(self):
        self._check_owner()
        self._cs_require_state(["planned"], self.env._("done"))
        for visit in self:
            if not visit.result:
                raise UserError(
                    self.env._("Record the result of the visit before closing it.")
                )
            visit.write({"state": "done", "date_done": visit.company_id._cs_today()})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @workflow_action
    def action_cancel(self):
        self._check_owner()
        self._cs_require_state(["planned"], self.env._("cancelled"))
        self.write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def _cs_schedule_preparation(self):
        """A to-do for the owner, the day before each visit (today at the
        earliest)."""
        for visit in self:
            today = visit.company_id._cs_today()
            visit.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=max(visit.date_planned - relativedelta(days=1), today),
                summary=self.env._(
                    "Prepare the visit: %(purpose)s", purpose=visit.purpose
                ),
                user_id=visit.user_id.id,
            )

    def _check_owner(self):
        user = self.env.user
        if self.env.su or user.has_group("cs_member.group_cs_supervisor"):
            return
        if any(visit.user_id != user for visit in self):
            raise AccessError(
                self.env._("Only the plan's owner or a supervisor records a visit.")
            )
