# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_quiet_hour_start = fields.Float(
        string="Quiet Hours From",
        default=21.0,
        help="Customers are never called from this hour (company time zone).",
    )
    cs_quiet_hour_end = fields.Float(
        string="Quiet Hours To",
        default=9.0,
        help="Customers are not called before this hour (company time zone).",
    )
    cs_callback_deadline_days = fields.Integer(
        string="Callback Deadline (days)",
        default=3,
        help="Default number of days within which a callback must be done.",
    )
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

    @api.constrains("cs_quiet_hour_start", "cs_quiet_hour_end")
    def _check_cs_quiet_hours(self):
        for company in self:
            for hour in (company.cs_quiet_hour_start, company.cs_quiet_hour_end):
                if not 0.0 <= hour <= 24.0:
                    raise ValidationError(
                        self.env._("Quiet hours must be between 00:00 and 24:00.")
                    )

    @api.constrains(
        "cs_callback_deadline_days",
        "cs_callback_max_attempts",
        "cs_callback_retry_hours",
        "cs_callback_daily_quota",
    )
    def _check_cs_callback_settings(self):
        for company in self:
            if (
                company.cs_callback_deadline_days < 1
                or company.cs_callback_max_attempts < 1
                or company.cs_callback_retry_hours <= 0
                or company.cs_callback_daily_quota < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The callback deadline, attempts and retry delay must be "
                        "positive, and the daily quota cannot be negative."
                    )
                )

    def _cs_is_quiet_hour(self, hour):
        """Return whether ``hour`` (float, local time) falls in the quiet hours.

        Quiet hours may wrap around midnight (e.g. 21:00 to 09:00).
        """
        self.ensure_one()
        start, end = self.cs_quiet_hour_start, self.cs_quiet_hour_end
        if start == end:
            return False
        if start < end:
            return start <= hour < end
        return hour >= start or hour < end
