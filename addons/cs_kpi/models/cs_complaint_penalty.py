# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsComplaintPenalty(models.Model):
    """A confirmed complaint penalty enters the ledger of the assessment."""

    _inherit = "cs.complaint.penalty"

    loss_amount = fields.Monetary(
        string="Loss to Compensate",
        tracking=True,
        help="The loss to the company that the person at fault compensates "
        "(D7), booked in the ledger with the penalty.",
    )

    @api.constrains("loss_amount")
    def _check_loss_amount(self):
        if any(penalty.loss_amount < 0 for penalty in self):
            raise ValidationError(self.env._("A loss cannot be negative."))

    def _cs_locked_fields(self):
        """The loss is booked in the ledger with the confirmation."""
        locked = super()._cs_locked_fields()
        if self.state != "proposed" and isinstance(locked, set):
            return locked | {"loss_amount"}
        return locked

    def action_confirm(self):
        res = super().action_confirm()
        # sudo: the manager confirming the penalty books it in the ledger,
        # whose entries are created by the system only
        self.env["cs.kpi.event"].sudo().create(
            [
                {
                    "employee_id": penalty.employee_id.id,
                    "date": penalty.date_confirmed,
                    "kind": "penalty",
                    "amount": penalty.amount,
                    "loss_amount": penalty.loss_amount,
                    "reason": penalty.reason,
                    "penalty_id": penalty.id,
                    "state": "confirmed",
                    "company_id": penalty.company_id.id,
                }
                for penalty in self
            ]
        )
        return res

    def action_cancel(self):
        res = super().action_cancel()
        events = (
            self.env["cs.kpi.event"].sudo().search([("penalty_id", "in", self.ids)])
        )
        events.write({"state": "cancelled"})
        return res
