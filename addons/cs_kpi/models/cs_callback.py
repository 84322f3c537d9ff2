# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsCallback(models.Model):
    """A customer who praises the agent during a callback feeds the praise
    count of the assessment (D8), once a manager confirms it."""

    _inherit = "cs.callback"

    is_praise = fields.Boolean(
        string="Customer Praised the Agent",
        copy=False,
        help="The customer praised the agent: a praise entry is proposed in the "
        "ledger of rewards and penalties, for a manager to confirm.",
    )
    praise_event_id = fields.Many2one(
        "cs.kpi.event", string="Praise Entry", readonly=True, copy=False
    )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"praise_event_id"}

    def _after_done(self):
        res = super()._after_done()
        praised = self.filtered(lambda c: c.is_praise and not c.praise_event_id)
        employees = {
            user: user.employee_ids.filtered(
                lambda e: e.company_id == self.env.company
            )[:1]
            or user.employee_ids[:1]
            for user in praised.sudo().user_id
        }
        for callback in praised:
            employee = employees.get(callback.sudo().user_id)
            if not employee:
                continue
            # sudo: the agent records the call; the praise entry is created
            # by the system for a manager to confirm
            callback.sudo().praise_event_id = (
                self.env["cs.kpi.event"]
                .sudo()
                .create(
                    {
                        "employee_id": employee.id,
                        "kind": "praise",
                        "date": callback.company_id._cs_today(),
                        "reason": self.env._(
                            "Praised by %(customer)s during a callback: %(feedback)s",
                            customer=callback.partner_id.name,
                            feedback=callback.feedback or "",
                        ),
                        "company_id": callback.company_id.id,
                    }
                )
            )
        return res
