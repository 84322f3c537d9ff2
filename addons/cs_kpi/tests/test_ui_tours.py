# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import CsKpiCommon


@tagged("post_install", "-at_install", "cs_tour")
class TestManagerTour(CsTourMixin, CsKpiCommon, HttpCase):
    """The customer-service manager approves a serious complaint's solution,
    then computes, confirms and publishes April 2026, in the web client, in
    Chinese and in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(
            cls.env,
            ["web", "mail", "cs_member", "cs_callback", "cs_complaint", "cs_kpi"],
        )
        cls.manager.name = "Wang Fang 王芳"

    def _department_posts(self):
        return self.env["mail.message"].search_count(
            [
                ("model", "=", "hr.department"),
                ("res_id", "in", (self.dept_cs | self.dept_after_sales).ids),
                ("message_type", "=", "comment"),
            ]
        )

    def test_manager_approves_and_publishes(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.manager.lang = lang
                complaint = self._advance(
                    self._create_complaint(
                        subject="KPI tour: burnt oven", severity="serious"
                    ),
                    "proposed",
                )
                posts = self._department_posts()
                self.start_tour(
                    "/odoo",
                    "cs_kpi_manager_tour",
                    login="cs_manager",
                    screenshots=lang == "zh_CN",
                )
                self.assertEqual(complaint.state, "approved")
                self.assertEqual(complaint.approved_by_id, self.manager)
                self.assertTrue(complaint.date_approved)
                self.assertEqual(self.period.state, "published")
                self.assertEqual(self.period.confirmed_by_id, self.manager)
                self.assertTrue(self.period.date_computed)
                self.assertEqual(
                    self.period.scorecard_ids.employee_id,
                    self.emp_agent_a | self.emp_agent_a2 | self.emp_agent_b,
                )
                # one ranking posted to each of the two departments
                self.assertEqual(self._department_posts(), posts + 2)
                # the next round starts again from an open month, and finds
                # only its own complaint waiting for approval
                self.period.with_user(self.manager).action_reopen()
                complaint.subject = f"KPI tour ({lang}): burnt oven"
