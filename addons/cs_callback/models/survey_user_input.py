# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

SATISFIED_PERCENTAGE = 80.0
AVERAGE_PERCENTAGE = 50.0


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        res = super()._mark_done()
        self._cs_record_callback_answer()
        return res

    def _cs_satisfaction_values(self):
        """Satisfaction and score (1-5) of a scored answer, from its
        percentage; nothing for a survey without scoring."""
        self.ensure_one()
        if self.survey_id.scoring_type == "no_scoring":
            return {}
        percentage = self.scoring_percentage or 0.0
        if percentage >= SATISFIED_PERCENTAGE:
            satisfaction = "satisfied"
        elif percentage >= AVERAGE_PERCENTAGE:
            satisfaction = "average"
        else:
            satisfaction = "unsatisfied"
        return {
            "satisfaction": satisfaction,
            "score": min(5, max(1, round(percentage / 20.0))),
        }

    def _cs_record_callback_answer(self):
        """A completed survey answers the customer's open callback of a plan
        using this survey: the customer is reached and, for a scored survey,
        their satisfaction is recorded. A satisfied answer closes the
        callback; any other stays for the agent (an unsatisfied customer
        needs the agent to write down why)."""
        # sudo: survey answers are submitted by customers (public or portal)
        Callback = self.env["cs.callback"].sudo()
        for user_input in self.filtered(lambda i: i.partner_id and i.survey_id):
            callback = Callback.search(
                [
                    ("partner_id", "=", user_input.partner_id.id),
                    ("plan_id.survey_id", "=", user_input.survey_id.id),
                    ("state", "=", "todo"),
                ],
                order="id desc",
                limit=1,
            )
            if not callback:
                continue
            callback.write(
                {
                    "survey_user_input_id": user_input.id,
                    "outcome": "reached",
                    **user_input._cs_satisfaction_values(),
                }
            )
            if callback.satisfaction == "satisfied":
                callback.action_done()
