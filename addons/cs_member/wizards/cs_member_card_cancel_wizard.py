# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsMemberCardCancelWizard(models.TransientModel):
    """Asks why a member leaves: cancels an issued card with a reason, or
    records the real reason of a card that lapsed (D10)."""

    _name = "cs.member.card.cancel.wizard"
    _description = "Member Card Loss Reason"

    card_id = fields.Many2one("cs.member.card", required=True, ondelete="cascade")
    card_state = fields.Selection(related="card_id.state")
    loss_reason_id = fields.Many2one(
        "cs.member.loss.reason", string="Reason", required=True
    )
    loss_note = fields.Text(string="Details")

    def action_confirm(self):
        self.ensure_one()
        card = self.card_id
        if card.state == "expired":
            card.action_record_loss_reason(self.loss_reason_id.id, self.loss_note)
        else:
            card.action_cancel(self.loss_reason_id.id, self.loss_note)
        return {"type": "ir.actions.act_window_close"}
