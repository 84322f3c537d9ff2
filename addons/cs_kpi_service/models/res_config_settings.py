# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_weekly_report_user_ids = fields.Many2many(
        related="company_id.cs_weekly_report_user_ids", readonly=False
    )
    cs_weekly_report_group_ids = fields.Many2many(
        related="company_id.cs_weekly_report_group_ids", readonly=False
    )
