# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_card_validity_months = fields.Integer(
        related="company_id.cs_card_validity_months", readonly=False
    )
    cs_expiry_reminder_days = fields.Integer(
        related="company_id.cs_expiry_reminder_days", readonly=False
    )
    cs_agents_may_export = fields.Boolean(
        related="company_id.cs_agents_may_export", readonly=False
    )
    cs_key_account_manager_id = fields.Many2one(
        related="company_id.cs_key_account_manager_id", readonly=False
    )
    cs_first_contact_days = fields.Integer(
        related="company_id.cs_first_contact_days", readonly=False
    )
