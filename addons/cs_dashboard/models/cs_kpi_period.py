# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CsKpiPeriod(models.Model):
    """The dashboard shows the scorecards of the latest assessed month."""

    _inherit = "cs.kpi.period"

    cs_is_dashboard_month = fields.Boolean(
        string="On the Dashboard",
        readonly=True,
        copy=False,
        index=True,
        help="The latest computed month of the company, whose scorecards the "
        "Customer Service dashboard ranks.",
    )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"cs_is_dashboard_month"}

    @api.model
    def _cs_mark_dashboard_month(self, company, today):
        """Mark the company's latest computed, confirmed or published month
        begun by ``today`` for the dashboard (and only it)."""
        latest = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("state", "in", ("computed", "confirmed", "published")),
                ("date_from", "<=", today),
            ],
            order="date_from desc",
            limit=1,
        )
        marked = self.sudo().search(
            [("company_id", "=", company.id), ("cs_is_dashboard_month", "=", True)]
        )
        # sudo: the refresh of the dashboard marks the month, never a user
        (marked - latest).write({"cs_is_dashboard_month": False})
        (latest - marked).write({"cs_is_dashboard_month": True})
