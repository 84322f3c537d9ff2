# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CsSatisfactionAnswerWizard(models.TransientModel):
    """The survey's rating questions, answered on the phone: the agent types
    the customer's scores and the customer's answer of the month is
    completed (the callback then records them as reached)."""

    _name = "cs.satisfaction.answer.wizard"
    _description = "Fill in the Satisfaction Survey"

    callback_id = fields.Many2one("cs.callback", required=True, readonly=True)
    partner_id = fields.Many2one(related="callback_id.partner_id")
    line_ids = fields.One2many(
        "cs.satisfaction.answer.wizard.line",
        "wizard_id",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )

    @api.depends("callback_id")
    def _compute_line_ids(self):
        for wizard in self:
            # sudo: agents have no rights on survey records; the questions
            # are those the customer was invited to answer
            questions = wizard.callback_id.sudo().survey_user_input_id.survey_id
            questions = questions.question_ids.filtered(
                lambda q: q.question_type == "scale"
            )
            wizard.line_ids = [Command.clear()] + [
                Command.create({"question_id": q.id, "value": q.scale_max})
                for q in questions.sorted("sequence")
            ]

    def action_confirm(self):
        self.ensure_one()
        callback = self.callback_id
        callback.check_access("write")
        # sudo: the agent writes the customer's answer they may not read;
        # checked above (they may work on this callback) and limited to it
        answer = callback.sudo().survey_user_input_id
        if callback.state != "todo" or not answer or answer.state == "done":
            raise UserError(self.env._("This survey has been answered already."))
        for line in self.line_ids:
            question = line.question_id.sudo()
            if not question.scale_min <= line.value <= question.scale_max:
                raise ValidationError(
                    self.env._(
                        "%(question)s is scored from %(min)s to %(max)s.",
                        question=question.title,
                        min=question.scale_min,
                        max=question.scale_max,
                    )
                )
            answer._save_lines(question, str(line.value))
        answer._mark_done()
        return {"type": "ir.actions.act_window_close"}


class CsSatisfactionAnswerWizardLine(models.TransientModel):
    _name = "cs.satisfaction.answer.wizard.line"
    _description = "Fill in the Satisfaction Survey: a Question"

    wizard_id = fields.Many2one(
        "cs.satisfaction.answer.wizard", required=True, ondelete="cascade"
    )
    question_id = fields.Many2one("survey.question", required=True, readonly=True)
    question_title = fields.Char(compute="_compute_question_title")
    value = fields.Integer(string="Score", required=True)

    @api.depends("question_id")
    def _compute_question_title(self):
        for line in self:
            # sudo: the question's title, shown to the agent who reads it out
            line.question_title = line.question_id.sudo().title
