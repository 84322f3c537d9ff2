# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_callback_max_attempts = fields.Integer(
        related="company_id.cs_callback_max_attempts", readonly=False
    )
    cs_callback_retry_hours = fields.Float(
        related="company_id.cs_callback_retry_hours", readonly=False
    )
    cs_callback_daily_quota = fields.Integer(
        related="company_id.cs_callback_daily_quota", readonly=False
    )
