# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CsMemberLossReason(models.Model):
    """Why a member left (D10): asked when a card is cancelled, recorded by
    default when it lapses, then corrected by the member's agent."""

    _name = "cs.member.loss.reason"
    _description = "Member Loss Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    is_lapse = fields.Boolean(
        string="Lapse Default",
        help="Recorded by the expiry cron on a card that lapses without "
        "renewal, until the agent records the real reason.",
    )
    description = fields.Text(translate=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if (
            self.env["cs.member.card"]
            .sudo()
            .search_count([("loss_reason_id", "in", self.ids)], limit=1)
        ):
            raise UserError(
                self.env._("This loss reason is used by member cards: archive it.")
            )

    @api.model
    def _cs_lapse_reason(self):
        """The reason the expiry cron records on a lapsed card."""
        return self.search([("is_lapse", "=", True)], limit=1) or self.env.ref(
            "cs_member.cs_member_loss_reason_lapsed", raise_if_not_found=False
        )
