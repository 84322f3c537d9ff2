# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_callback_max_attempts = fields.Integer(
        string="Callback Attempts",
        default=3,
        help="An unreached customer is called again until this many attempts, "
        "then the callback fails.",
    )
    cs_callback_retry_hours = fields.Float(
        string="Retry After (hours)",
        default=4.0,
        help="Delay before calling an unreached customer again.",
    )
    cs_callback_daily_quota = fields.Integer(
        string="Daily Member Callbacks per Agent",
        default=5,
        help="Member callbacks each agent should complete per day (C6).",
    )

    @api.constrains(
        "cs_callback_max_attempts", "cs_callback_retry_hours", "cs_callback_daily_quota"
    )
    def _check_cs_callback_settings(self):
        for company in self:
            if (
                company.cs_callback_max_attempts < 1
                or company.cs_callback_retry_hours <= 0
                or company.cs_callback_daily_quota < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Callback attempts and retry delay must be positive, and "
                        "the daily quota cannot be negative."
                    )
                )
