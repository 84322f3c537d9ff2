# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_complaint_repeat_days = fields.Integer(
        related="company_id.cs_complaint_repeat_days", readonly=False
    )
    cs_complaint_compensation_limit = fields.Float(
        related="company_id.cs_complaint_compensation_limit", readonly=False
    )
    cs_complaint_callback_days = fields.Integer(
        related="company_id.cs_complaint_callback_days", readonly=False
    )
    cs_complaint_escalation_hours = fields.Float(
        related="company_id.cs_complaint_escalation_hours", readonly=False
    )
    cs_complaint_manager_id = fields.Many2one(
        related="company_id.cs_complaint_manager_id", readonly=False
    )
    cs_penalty_direct_min = fields.Float(
        related="company_id.cs_penalty_direct_min", readonly=False
    )
    cs_penalty_direct_max = fields.Float(
        related="company_id.cs_penalty_direct_max", readonly=False
    )
    cs_penalty_manager_min = fields.Float(
        related="company_id.cs_penalty_manager_min", readonly=False
    )
    cs_penalty_manager_max = fields.Float(
        related="company_id.cs_penalty_manager_max", readonly=False
    )
    cs_complaint_public_rate_limit = fields.Integer(
        related="company_id.cs_complaint_public_rate_limit", readonly=False
    )
    cs_complaint_upload_max_mb = fields.Float(
        related="company_id.cs_complaint_upload_max_mb", readonly=False
    )
    cs_complaint_alias_id = fields.Many2one(
        "mail.alias",
        string="Complaint E-mail Alias",
        compute="_compute_cs_complaint_alias_id",
    )

    def _compute_cs_complaint_alias_id(self):
        alias = self.env.ref(
            "cs_complaint.mail_alias_complaint", raise_if_not_found=False
        )
        for settings in self:
            settings.cs_complaint_alias_id = alias
