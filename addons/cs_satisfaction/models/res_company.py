# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_satisfaction_threshold = fields.Float(
        string="Satisfaction Threshold",
        default=3.5,
        digits=(16, 2),
        help="A survey question whose average score of a month is below this "
        "value opens an improvement action (C7).",
    )
    cs_improvement_days = fields.Integer(
        string="Improvement Deadline (days)",
        default=30,
        help="Days given to the owner of an improvement action opened by the "
        "monthly survey.",
    )

    @api.constrains("cs_satisfaction_threshold", "cs_improvement_days")
    def _check_cs_satisfaction_settings(self):
        for company in self:
            if company.cs_satisfaction_threshold < 0 or company.cs_improvement_days < 1:
                raise ValidationError(
                    self.env._(
                        "The satisfaction threshold cannot be negative and an "
                        "improvement action needs at least one day."
                    )
                )
