# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CsComplaintPenalty(models.Model):
    """A confirmed complaint penalty enters the ledger of the assessment."""

    _inherit = "cs.complaint.penalty"

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
