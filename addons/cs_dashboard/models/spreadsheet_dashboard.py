# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    def get_readonly_dashboard(self):
        """Opening a dashboard built on the department's months refreshes
        the current month first (when it is a few minutes old), so that a
        manager reads live figures; the hourly scheduled action keeps the
        history."""
        self.ensure_one()
        # the dashboard is read first: a user who may not see it refreshes
        # nothing
        self.check_access("read")
        if "cs.dashboard.month" in self.sudo().main_data_model_ids.mapped("model"):
            self.env["cs.dashboard.month"]._cs_refresh_live()
        return super().get_readonly_dashboard()
