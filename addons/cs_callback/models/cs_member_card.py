# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CsMemberCard(models.Model):
    _name = "cs.member.card"
    _inherit = ["cs.member.card", "cs.callback.mixin"]

    def _cs_on_expiry_reminder(self):
        """A friendly reminder call to renew or upgrade the card (C3)."""
        res = super()._cs_on_expiry_reminder()
        for card in self:
            card._cs_request_callback(
                "expiry",
                card.partner_id,
                deadline_days=card.company_id.cs_callback_deadline_days,
            )
        return res
