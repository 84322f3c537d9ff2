# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "cs_tour")
class TestDashboardTour(HttpCase):
    """A customer-service manager opens the dashboard in the web client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            "cs_dashboard_manager",
            groups="cs_member.group_cs_manager",
            lang="en_US",
        )
        cls.env["cs.dashboard.month"]._cron_cs_refresh()

    def test_manager_opens_the_dashboard(self):
        self.start_tour("/odoo", "cs_dashboard_tour", login="cs_dashboard_manager")
        self.assertTrue(
            self.env["cs.dashboard.month"]
            .with_user(self.manager)
            .search_count([("is_current", "=", True)])
        )
