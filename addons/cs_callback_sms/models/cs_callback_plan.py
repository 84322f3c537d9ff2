# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CsCallbackPlan(models.Model):
    _inherit = "cs.callback.plan"

    sms_template_id = fields.Many2one(
        "sms.template",
        string="SMS Template",
        domain=[("model", "=", "cs.callback")],
        default=lambda self: self._default_sms_template_id(),
        help="Sent to each customer of an SMS plan who has a mobile or phone "
        "number when its callbacks are generated; the agent records the answer "
        "on the callback.",
    )

    def _default_sms_template_id(self):
        return self.env.ref(
            "cs_callback_sms.sms_template_callback", raise_if_not_found=False
        )

    def _check_generate(self):
        res = super()._check_generate()
        if self.channel == "sms" and not self.sms_template_id:
            raise UserError(
                self.env._(
                    "Plan %(plan)s sends SMS but has no SMS template: choose the "
                    "message to send to the customers first.",
                    plan=self.name,
                )
            )
        return res
