# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CsCallback(models.Model):
    _inherit = "cs.callback"

    cs_satisfaction_run_id = fields.Many2one(
        related="survey_user_input_id.cs_satisfaction_run_id",
        string="Satisfaction Survey Month",
    )

    def action_cs_fill_survey(self):
        """The agent fills in the monthly survey with the customer on the
        phone: the answers go into the customer's own survey answer."""
        self.ensure_one()
        self.check_access("write")
        # sudo: agents do not read survey answers; only its state is read
        answered = self.sudo().survey_user_input_id.state == "done"
        if self.state != "todo" or not self.cs_satisfaction_run_id or answered:
            raise UserError(
                self.env._(
                    "Only a satisfaction survey callback to do can be filled in."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fill in the Survey"),
            "res_model": "cs.satisfaction.answer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_callback_id": self.id},
        }
