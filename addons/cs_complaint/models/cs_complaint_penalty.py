# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action


class CsComplaintPenalty(models.Model):
    """Accountability for a proven complaint (D7): the person at fault and
    their first responsible manager pay within the configured ranges; a
    supervisor proposes, a customer-service manager confirms."""

    _name = "cs.complaint.penalty"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Complaint Penalty"
    _order = "id desc"
    _check_company_auto = True

    complaint_id = fields.Many2one(
        "cs.complaint", required=True, ondelete="restrict", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, check_company=True
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    role = fields.Selection(
        [
            ("direct", "Directly Responsible"),
            ("first_responsible", "First Responsible Manager"),
        ],
        required=True,
        default="direct",
        tracking=True,
    )
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("confirmed", "Confirmed"),
            ("cancelled", "Cancelled"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    date_confirmed = fields.Date(readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    company_id = fields.Many2one(
        related="complaint_id.company_id", store=True, index=True
    )

    @api.constrains("amount", "role", "company_id")
    def _check_amount_range(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for penalty in self:
            low, high = penalty._get_amount_range()
            if not low <= penalty.amount <= high:
                raise ValidationError(
                    self.env._(
                        "A penalty of the %(role)s must be between %(low)s and "
                        "%(high)s, not %(amount)s.",
                        role=roles[penalty.role].lower(),
                        low=low,
                        high=high,
                        amount=penalty.amount,
                    )
                )

    @api.constrains("complaint_id")
    def _check_complaint_stands(self):
        for penalty in self:
            if penalty.complaint_id.state == "rejected":
                raise ValidationError(
                    self.env._(
                        "Complaint %(number)s was rejected: it does not stand, so "
                        "nobody is penalised for it.",
                        number=penalty.complaint_id.name,
                    )
                )

    def _get_amount_range(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.role == "direct":
            return company.cs_penalty_direct_min, company.cs_penalty_direct_max
        return company.cs_penalty_manager_min, company.cs_penalty_manager_max

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"date_confirmed", "confirmed_by_id"}

    @api.model_create_multi
    def create(self, vals_list):
        penalties = super().create(vals_list)
        for complaint, lines in penalties.grouped("complaint_id").items():
            complaint.message_post(
                body=self.env._(
                    "Penalty proposed: %(lines)s",
                    lines=", ".join(
                        f"{line.employee_id.name} {line.amount:g}" for line in lines
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return penalties

    def write(self, vals):
        if (set(vals) - {"state", "date_confirmed", "confirmed_by_id"}) and any(
            p.state != "proposed" for p in self
        ):
            raise UserError(
                self.env._("A confirmed or cancelled penalty cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_proposed(self):
        if any(p.state != "proposed" for p in self):
            raise UserError(
                self.env._("Only proposed penalties can be deleted; cancel it instead.")
            )

    @workflow_action
    def action_confirm(self):
        if not self.env.user.has_group("cs_member.group_cs_manager"):
            raise AccessError(
                self.env._("Only a customer-service manager confirms penalties.")
            )
        if any(p.state != "proposed" for p in self):
            raise UserError(self.env._("Only proposed penalties can be confirmed."))
        self.write(
            {
                "state": "confirmed",
                "date_confirmed": self.env.company._cs_today(),
                "confirmed_by_id": self.env.user.id,
            }
        )
        return True

    @workflow_action
    def action_cancel(self):
        if not self.env.user.has_group("cs_member.group_cs_manager"):
            raise AccessError(
                self.env._("Only a customer-service manager cancels penalties.")
            )
        self.write({"state": "cancelled"})
        return True
