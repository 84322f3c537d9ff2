# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsSatisfactionPlanLine(models.Model):
    """How many members of a level the monthly survey samples."""

    _name = "cs.satisfaction.plan.line"
    _description = "Satisfaction Survey Sample by Level"
    _order = "plan_id, level_id"

    plan_id = fields.Many2one(
        "cs.satisfaction.plan", required=True, ondelete="cascade", index=True
    )
    level_id = fields.Many2one("cs.member.level", string="Member Level", required=True)
    sample_size = fields.Integer(
        default=10, required=True, help="Members of this level surveyed each month."
    )

    _sql_constraints = [
        (
            "level_unique",
            "UNIQUE(plan_id, level_id)",
            "A level is sampled once per survey plan.",
        ),
        (
            "sample_size_positive",
            "CHECK(sample_size > 0)",
            "The sample size of a level must be positive.",
        ),
    ]
