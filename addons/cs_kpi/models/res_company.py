# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_kpi_grade_a = fields.Float(string="Grade A From", default=90.0)
    cs_kpi_grade_b = fields.Float(string="Grade B From", default=75.0)
    cs_kpi_grade_c = fields.Float(string="Grade C From", default=60.0)

    @api.constrains("cs_kpi_grade_a", "cs_kpi_grade_b", "cs_kpi_grade_c")
    def _check_cs_kpi_grades(self):
        for company in self:
            if not (
                0
                <= company.cs_kpi_grade_c
                <= company.cs_kpi_grade_b
                <= company.cs_kpi_grade_a
                <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The grade thresholds must go up from C to A, "
                        "between 0 and 100."
                    )
                )

    def _cs_kpi_grade(self, total):
        self.ensure_one()
        if total >= self.cs_kpi_grade_a:
            return "a"
        if total >= self.cs_kpi_grade_b:
            return "b"
        if total >= self.cs_kpi_grade_c:
            return "c"
        return "d"
