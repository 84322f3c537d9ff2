# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class CsSatisfactionResult(models.Model):
    """The answers of the monthly satisfaction surveys, one row per answered
    rating question: the results page (pivot and 12-month graph) averages
    ``score`` per question and month.

    The month is the survey's (the run that invited the customer), not the
    day the customer answered. Only completed answers count, test entries
    never. ``_cs_question_scores`` is the one definition of "the score of a
    question in a month": the threshold check and the effect of an
    improvement action read it, and the pivot's average is the same
    average of the same rows."""

    _name = "cs.satisfaction.result"
    _description = "Satisfaction Survey Results"
    _auto = False
    _order = "date_month desc, question_id"
    _rec_name = "question_id"

    date_month = fields.Date(string="Month", readonly=True)
    run_id = fields.Many2one(
        "cs.satisfaction.run", string="Survey Month", readonly=True
    )
    plan_id = fields.Many2one("cs.satisfaction.plan", readonly=True)
    survey_id = fields.Many2one("survey.survey", readonly=True)
    question_id = fields.Many2one("survey.question", readonly=True)
    level_id = fields.Many2one("cs.member.level", string="Member Level", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    score = fields.Float(string="Average Score", aggregator="avg", readonly=True)
    answer_count = fields.Integer(string="Answers", aggregator="sum", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(table)s AS (
                    SELECT line.id AS id,
                           run.date_month,
                           run.id AS run_id,
                           run.plan_id,
                           answer.survey_id,
                           line.question_id,
                           answer.cs_level_id AS level_id,
                           answer.partner_id,
                           run.company_id,
                           line.value_scale::double precision AS score,
                           1 AS answer_count
                      FROM survey_user_input_line line
                      JOIN survey_user_input answer ON answer.id = line.user_input_id
                      JOIN cs_satisfaction_run run
                        ON run.id = answer.cs_satisfaction_run_id
                     WHERE answer.state = 'done'
                       AND NOT COALESCE(answer.test_entry, FALSE)
                       AND NOT COALESCE(line.skipped, FALSE)
                       AND line.answer_type = 'scale'
                )
                """,
                table=SQL.identifier(self._table),
            )
        )

    @api.model
    def _cs_question_scores(self, company, date_month, questions=None):
        """The score of each rating question in the company's month
        ``date_month`` (its first day): ``{question_id: {"score": average,
        "count": answers}}``, only for questions with answers. Read without
        record rules: the department's figure; callers check the reader."""
        # the view reads the tables of the answers: write what is pending
        for model in (
            "survey.user_input.line",
            "survey.user_input",
            "cs.satisfaction.run",
        ):
            self.env[model].flush_model()
        domain = [("company_id", "=", company.id), ("date_month", "=", date_month)]
        if questions is not None:
            domain.append(("question_id", "in", questions.ids))
        return {
            question.id: {"score": score, "count": count}
            for question, score, count in self.sudo()._read_group(
                domain, ["question_id"], ["score:avg", "answer_count:sum"]
            )
        }
