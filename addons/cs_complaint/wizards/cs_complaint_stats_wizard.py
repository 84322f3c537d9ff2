# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import fields, models

from ..report.cs_complaint_stats_xlsx import build_stats_xlsx


class CsComplaintStatsWizard(models.TransientModel):
    """Complaint classification statistics (顾客投诉分类统计表) of a period,
    as XLSX or PDF: complaints by category and month, by category and
    responsible department, with the valid rate, the average handling time
    and the deadline compliance of each category (its sub-categories
    included)."""

    _name = "cs.complaint.stats.wizard"
    _inherit = ["cs.xlsx.export.mixin", "cs.period.mixin"]
    _description = "Complaint Classification Statistics"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: self._default_date_from(),
        help="First day of receipt included.",
    )
    date_to = fields.Date(
        string="To",
        required=True,
        default=lambda self: self._default_date_to(),
        help="Last day of receipt included.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        help="Only the complaints routed to this department or to one of its "
        "sub-departments; empty includes all.",
    )

    def _default_date_from(self):
        """The last twelve months, the current one included."""
        return self.env.company._cs_month_span(12)[0]

    def _default_date_to(self):
        return self.env.company._cs_month_span(12, to_today=True)[1]

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    def action_print_pdf(self):
        self.ensure_one()
        self._check_report_right()
        return self.env.ref("cs_complaint.action_report_complaint_stats").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        self._check_report_right()
        stats = self._get_stats()
        return self._cs_xlsx_download(
            build_stats_xlsx(self, stats),
            self.env._(
                "complaint_statistics_%(date_from)s_%(date_to)s.xlsx",
                date_from=self.date_from,
                date_to=self.date_to,
            ),
            "cs.complaint",
            stats["count"],
        )

    def _check_report_right(self):
        self.env["cs.complaint.stats"]._check_report_right()

    def _get_stats(self):
        """The figures of the wizard's period, company and department, from
        the complaint statistics (``cs.complaint.stats``)."""
        self.ensure_one()
        return self.env["cs.complaint.stats"]._get_stats(
            self.date_from, self.date_to, self.company_id, self.department_id
        )
