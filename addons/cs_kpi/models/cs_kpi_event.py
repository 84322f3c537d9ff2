# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    ALL_FIELDS,
    protected_writes_allowed,
    workflow_action,
)

KIND_SELECTION = [
    ("praise", "Customer Praise"),
    ("reward", "Reward"),
    ("penalty", "Complaint Penalty"),
    ("fine", "Discipline Fine"),
]


class CsKpiEvent(models.Model):
    """The ledger of praise, rewards, complaint penalties and discipline
    fines of the staff (奖惩台账): never deleted, cancelled instead."""

    _name = "cs.kpi.event"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Reward and Penalty"
    _order = "date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._cs_today(), index=True
    )
    kind = fields.Selection(KIND_SELECTION, required=True, index=True, tracking=True)
    amount = fields.Monetary(tracking=True)
    loss_amount = fields.Monetary(
        string="Loss to Compensate",
        tracking=True,
        help="The loss to the company that the person at fault compensates "
        "(D7), apart from the penalty itself.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Text(required=True)
    fine_type_id = fields.Many2one("cs.kpi.fine.type", string="Fine")
    penalty_id = fields.Many2one(
        "cs.complaint.penalty",
        string="Complaint Penalty",
        readonly=True,
        index="btree_not_null",
    )
    complaint_id = fields.Many2one(related="penalty_id.complaint_id")
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "penalty_unique",
            "UNIQUE(penalty_id)",
            "A complaint penalty is booked once.",
        ),
    ]

    @api.constrains("kind", "amount", "loss_amount", "fine_type_id")
    def _check_amount(self):
        for event in self:
            if event.amount < 0 or event.loss_amount < 0:
                raise ValidationError(self.env._("An amount cannot be negative."))
            if (
                event.kind == "fine"
                and event.fine_type_id
                and event.fine_type_id.basis == "range"
            ):
                fine = event.fine_type_id
                if event.amount < fine.amount_min or (
                    fine.amount_max and event.amount > fine.amount_max
                ):
                    raise ValidationError(
                        self.env._(
                            "A fine for %(fine)s must be between %(low)s and %(high)s.",
                            fine=fine.name,
                            low=fine.amount_min,
                            high=fine.amount_max or "∞",
                        )
                    )

    @api.onchange("fine_type_id")
    def _onchange_fine_type_id(self):
        if self.fine_type_id and not self.amount:
            self.amount = self.fine_type_id.amount_min

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"penalty_id"}

    def write(self, vals):
        if not protected_writes_allowed(self.env):
            # who may not write the ledger at all is told so first
            self.check_access("write")
        return super().write(vals)

    def _cs_locked_fields(self):
        """A confirmed or cancelled entry of the ledger is fixed."""
        return ALL_FIELDS if self.state != "draft" else set()

    def _cs_locked_message(self):
        return self.env._(
            "Entry %(entry)s of the rewards and penalties ledger is "
            "confirmed or cancelled: it cannot be changed.",
            entry=self.display_name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_administrator(self):
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._("Rewards and penalties are cancelled, never deleted.")
            )

    @workflow_action
    def action_confirm(self):
        if not self.env.user.has_group("cs_member.group_cs_manager"):
            raise AccessError(
                self.env._(
                    "Only a customer-service manager confirms rewards and penalties."
                )
            )
        if any(event.state != "draft" for event in self):
            raise UserError(self.env._("Only draft entries can be confirmed."))
        self.write({"state": "confirmed"})
        return True

    @workflow_action
    def action_cancel(self):
        if not self.env.user.has_group("cs_member.group_cs_manager"):
            raise AccessError(
                self.env._(
                    "Only a customer-service manager cancels rewards and penalties."
                )
            )
        self.write({"state": "cancelled"})
        return True
