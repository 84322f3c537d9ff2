# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_kpi_grade_a = fields.Float(related="company_id.cs_kpi_grade_a", readonly=False)
    cs_kpi_grade_b = fields.Float(related="company_id.cs_kpi_grade_b", readonly=False)
    cs_kpi_grade_c = fields.Float(related="company_id.cs_kpi_grade_c", readonly=False)
    cs_monthly_report_user_ids = fields.Many2many(
        related="company_id.cs_monthly_report_user_ids", readonly=False
    )
    cs_monthly_report_group_ids = fields.Many2many(
        related="company_id.cs_monthly_report_group_ids", readonly=False
    )
