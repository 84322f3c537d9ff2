# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import CsServiceCommon, local


@tagged("post_install", "-at_install")
class TestServiceDefectReport(ReportTestMixin, CsServiceCommon):
    """G4: the repairs done by product and problem category per month, with
    the repeat rate, from one owner method read by the pivot, the XLSX and
    the improvement proposal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leak = cls.env.ref("cs_service.problem_category_leak")
        cls.noise = cls.env.ref("cs_service.problem_category_noise")
        cls.other_department = new_test_user(
            cls.env, "cs_service_other_dept", groups="base.group_user"
        )
        # 29 April, Beijing: a repair of customer B, not repeated
        with freeze_time(local("2026-04-29 10:00")):
            cls.april = cls._advance(
                cls._create_request(
                    partner=cls.customer_b, problem_category_id=cls.noise.id
                ),
                "done",
            )
        # 01:30 on 1 May in Beijing is still 30 April in UTC: the repair is
        # May's for the company
        with freeze_time(local("2026-05-01 01:30")):
            cls.first = cls._advance(
                cls._create_request(problem_category_id=cls.leak.id), "done"
            )
        with freeze_time(local("2026-05-12 10:00")):
            cls.again = cls._create_request()
            # the technician sets the category on site
            cls._advance(cls.again, "on_site")
            cls.again.with_user(cls.tech_user_1).problem_category_id = cls.leak
            cls._advance(cls.again, "done")
        cls.Request = cls.env["cs.service.request"]

    def _figures(self, date_from, date_to, **kwargs):
        return self.Request._cs_defect_figures(
            date_from, date_to, self.company, **kwargs
        )

    def test_defect_categories_shipped_and_managed_by_supervisors(self):
        Category = self.env["cs.service.problem.category"]
        self.assertGreaterEqual(
            len(Category.search([("id", "in", (self.leak | self.noise).ids)])), 2
        )
        for user in (self.agent_a, self.tech_user_1, self.portal_user):
            with self.subTest(user=user.login):
                self.assertTrue(Category.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    Category.with_user(user).create({"name": "Forged"})
        category = Category.with_user(self.supervisor).create({"name": "Rust"})
        category.with_user(self.manager).write({"name": "Rusted Case"})
        self.assertEqual(self.again.problem_category_id, self.leak)
        self.assertEqual(self.first.problem_category_id, self.leak)

    def test_defect_figures_by_company_month(self):
        self.assertEqual(self.again.repeat_of_id, self.first)
        self.assertEqual(self.first.date_done.day, 30)
        may = self._figures(date(2026, 5, 1), date(2026, 5, 31))
        self.assertEqual(
            may,
            [
                {
                    "product_id": self.product,
                    "problem_category_id": self.leak,
                    "done": 2,
                    "repeats": 1,
                    "repeat_rate": 50.0,
                }
            ],
        )
        april = self._figures(date(2026, 4, 1), date(2026, 4, 30))
        self.assertEqual(
            [(r["problem_category_id"], r["done"], r["repeats"]) for r in april],
            [(self.noise, 1, 0)],
        )
        self.assertEqual(april[0]["repeat_rate"], 0.0)
        by_month = self._figures(
            date(2026, 4, 1), date(2026, 5, 31), groupby=("date_done:month",)
        )
        self.assertEqual(
            {r["date_done:month"]: (r["done"], r["repeats"]) for r in by_month},
            {datetime(2026, 5, 1): (2, 1), datetime(2026, 4, 1): (1, 0)},
        )
        # the pivot reads the same stored figure: its average is the rate
        domain = self.Request._cs_defect_domain(
            date(2026, 5, 1), date(2026, 5, 31), self.company
        )
        [group] = self.Request.with_user(self.supervisor).read_group(
            domain, ["repeat_rate:avg"], ["product_id"]
        )
        self.assertEqual(group["repeat_rate"], 50.0)
        self.assertEqual(group["product_id_count"], 2)

    def test_defect_xlsx_of_a_month(self):
        wizard = (
            self.env["cs.service.defect.wizard"]
            .with_user(self.supervisor)
            .create({"month": date(2026, 5, 17)})
        )
        action = wizard.action_export_xlsx()
        self.assertIn("recurring_defects_2026-05.xlsx", action["url"])
        # the file leaves the system: logged like every export (A3)
        log = self.env["cs.export.log"].search([], limit=1)
        self.assertEqual(
            (log.model, log.user_id, log.row_count),
            ("cs.service.request", self.supervisor, len(wizard._get_rows())),
        )
        sheet = self._workbook(wizard).active
        rows = [
            [cell for cell in row]
            for row in sheet.iter_rows(min_row=4, values_only=True)
        ]
        self.assertEqual(
            rows[0],
            [
                "Product",
                "Problem Category",
                "Repairs Done",
                "Repeat Visits",
                "Repeat Rate",
            ],
        )
        self.assertEqual(rows[1], [self.product.display_name, "Water Leak", 2, 1, 50])
        self.assertEqual(rows[2], ["Total", None, 2, 1, 50])

    def test_defect_report_refused_outside_supervisors(self):
        for user in (self.agent_a, self.tech_user_1, self.other_department):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["cs.service.defect.wizard"].with_user(user).create(
                    {"month": date(2026, 5, 1)}
                ).action_export_xlsx()
        # what the pivot shows a user is within their record rules
        domain = self.Request._cs_defect_domain(
            date(2026, 4, 1), date(2026, 5, 31), self.company
        )
        self.assertFalse(
            self.Request.with_user(self.other_department).search_count(domain)
        )
        technician = self.Request.with_user(self.tech_user_1).search(domain)
        self.assertEqual(
            technician,
            (self.april | self.first | self.again).filtered(
                lambda r: r.technician_user_id == self.tech_user_1
            ),
        )

    @freeze_time(local("2026-05-20 10:00"))
    def test_defect_proposal_carries_the_figures(self):
        owner = new_test_user(self.env, "cs_defect_owner", groups="base.group_user")
        self.product.product_tmpl_id.cs_owner_id = owner
        (self.first | self.again).with_user(
            self.supervisor
        ).action_propose_improvement()
        activity = self.product.product_tmpl_id.activity_ids.filtered(
            lambda a: a.user_id == owner
        )
        self.assertIn("Water Leak", activity.note)
        self.assertIn("2 repairs done, 1 repeat visits", activity.note)
        self.assertIn("50.0 %", activity.note)
