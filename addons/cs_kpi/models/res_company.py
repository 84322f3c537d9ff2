# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_kpi_grade_a = fields.Float(string="Grade A From", default=90.0)
    cs_kpi_grade_b = fields.Float(string="Grade B From", default=75.0)
    cs_kpi_grade_c = fields.Float(string="Grade C From", default=60.0)

    def _cs_kpi_grade(self, total):
        self.ensure_one()
        if total >= self.cs_kpi_grade_a:
            return "a"
        if total >= self.cs_kpi_grade_b:
            return "b"
        if total >= self.cs_kpi_grade_c:
            return "c"
        return "d"
