# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from odoo.addons.cs_member.reporting import check_report_right

from ..report.cs_service_defect_xlsx import build_defect_xlsx


class CsServiceDefectWizard(models.TransientModel):
    """The recurring defects of a month (G4) as XLSX: the repairs done by
    product and problem category, with their repeat visits and repeat
    rate."""

    _name = "cs.service.defect.wizard"
    _inherit = ["cs.xlsx.export.mixin"]
    _description = "Recurring Defects Export"

    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        help="Any day of the month: the repairs done in the company's days of "
        "that month are counted.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _default_month(self):
        return self.env.company._cs_today().replace(day=1)

    def _period(self):
        self.ensure_one()
        date_from = self.month.replace(day=1)
        date_to = fields.Date.end_of(date_from, "month")
        return date_from, date_to

    def _get_rows(self):
        date_from, date_to = self._period()
        return self.env["cs.service.request"]._cs_defect_figures(
            date_from, date_to, self.company_id
        )

    def action_export_xlsx(self):
        self.ensure_one()
        check_report_right(self.env)
        date_from, date_to = self._period()
        rows = self._get_rows()
        return self._cs_xlsx_download(
            build_defect_xlsx(self, rows, date_from, date_to),
            self.env._(
                "recurring_defects_%(month)s.xlsx", month=date_from.strftime("%Y-%m")
            ),
            "cs.service.request",
            len(rows),
        )
