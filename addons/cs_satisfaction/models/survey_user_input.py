# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    cs_satisfaction_run_id = fields.Many2one(
        "cs.satisfaction.run",
        string="Satisfaction Survey Month",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The monthly satisfaction survey that invited this customer: its "
        "answers count for that month.",
    )
    cs_level_id = fields.Many2one(
        "cs.member.level",
        string="Member Level",
        readonly=True,
        help="The customer's member level when they were sampled.",
    )
