# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_quiet_hour_start = fields.Float(
        related="company_id.cs_quiet_hour_start", readonly=False
    )
    cs_quiet_hour_end = fields.Float(
        related="company_id.cs_quiet_hour_end", readonly=False
    )
    cs_callback_deadline_days = fields.Integer(
        related="company_id.cs_callback_deadline_days", readonly=False
    )
    cs_callback_max_attempts = fields.Integer(
        related="company_id.cs_callback_max_attempts", readonly=False
    )
    cs_callback_retry_hours = fields.Float(
        related="company_id.cs_callback_retry_hours", readonly=False
    )
    cs_callback_daily_quota = fields.Integer(
        related="company_id.cs_callback_daily_quota", readonly=False
    )
