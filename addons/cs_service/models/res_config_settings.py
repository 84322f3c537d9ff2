# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_service_reply_hours = fields.Float(
        related="company_id.cs_service_reply_hours", readonly=False
    )
    cs_service_dispatch_hours_urban = fields.Float(
        related="company_id.cs_service_dispatch_hours_urban", readonly=False
    )
    cs_service_dispatch_hours_suburban = fields.Float(
        related="company_id.cs_service_dispatch_hours_suburban", readonly=False
    )
    cs_service_urban_cities = fields.Char(
        related="company_id.cs_service_urban_cities", readonly=False
    )
    cs_service_escalation_hours = fields.Float(
        related="company_id.cs_service_escalation_hours", readonly=False
    )
    cs_service_manager_id = fields.Many2one(
        related="company_id.cs_service_manager_id", readonly=False
    )
    cs_service_callback_days = fields.Integer(
        related="company_id.cs_service_callback_days", readonly=False
    )
    cs_service_portal_rate_limit = fields.Integer(
        related="company_id.cs_service_portal_rate_limit", readonly=False
    )
