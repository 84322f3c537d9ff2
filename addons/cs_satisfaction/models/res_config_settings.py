# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_satisfaction_threshold = fields.Float(
        related="company_id.cs_satisfaction_threshold", readonly=False
    )
    cs_improvement_days = fields.Integer(
        related="company_id.cs_improvement_days", readonly=False
    )
