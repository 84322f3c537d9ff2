# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import CsMemberCommon
from .tour_common import CsTourMixin, load_chinese

CUSTOMER = "Forms Tour Customer"
NEW_MOBILE = "139 1234 5678"
PURPOSE = "Forms tour: yearly review"


@tagged("post_install", "-at_install", "cs_tour")
class TestFormsTours(CsTourMixin, CsMemberCommon, HttpCase):
    """The forms of the archive, each role from its own menu, in Chinese and
    in English: an agent asks for a change of a customer's data and a
    supervisor approves it (客户资料变更申请单, A3); the key account manager
    plans a visit and records it (客户访问计划表, H4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "mail", "cs_member"])
        cls.company.cs_key_account_manager_id = cls.manager

    def _customer(self, lang):
        self.env["res.partner"].search([("name", "=", CUSTOMER)]).write(
            {"name": f"{CUSTOMER} (before {lang})"}
        )
        return self.env["res.partner"].create(
            {
                "name": CUSTOMER,
                "mobile": "138 0000 0000",
                "cs_agent_id": self.agent_a.id,
                "cs_grade": "key",
            }
        )

    def test_agent_asks_supervisor_approves(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                (self.agent_a | self.supervisor).write({"lang": lang})
                customer = self._customer(lang)
                self.start_tour(
                    "/odoo", "cs_change_request_ask_tour", login="cs_agent_a"
                )
                request = self.env["cs.member.change.request"].search(
                    [("partner_id", "=", customer.id)]
                )
                self.assertEqual(len(request), 1)
                self.assertEqual(request.state, "to_approve")
                self.assertEqual(request.user_id, self.agent_a)
                self.assertEqual(request.new_mobile, NEW_MOBILE)
                self.assertEqual(request.reason, "The customer changed phone.")
                self.assertTrue(request.name.startswith("BG"))
                # not applied before the approval
                self.assertEqual(customer.mobile, "138 0000 0000")
                self.start_tour(
                    "/odoo", "cs_change_request_approve_tour", login="cs_supervisor"
                )
                request.invalidate_recordset()
                customer.invalidate_recordset()
                self.assertEqual(request.state, "approved")
                self.assertEqual(request.decided_by_id, self.supervisor)
                self.assertTrue(request.date_decided)
                self.assertEqual(customer.mobile, NEW_MOBILE)
                self.assertIn("138 0000 0000", request.change_log)
                self.assertIn(NEW_MOBILE, request.change_log)
                self.assertIn(request.name, customer.message_ids[:1].body)

    def test_manager_plans_and_records_a_visit(self):
        for lang in ("zh_CN", "en_US"):
            with self.subTest(lang=lang):
                self.manager.lang = lang
                self.env["cs.member.visit"].search([("purpose", "=", PURPOSE)]).write(
                    {"purpose": f"{PURPOSE} (before {lang})"}
                )
                customer = self._customer(lang)
                plan = self.env["cs.member.visit.plan"].search(
                    [("partner_id", "=", customer.id)]
                )
                self.assertEqual(plan.user_id, self.manager)
                self.start_tour("/odoo", "cs_visit_plan_tour", login="cs_manager")
                visit = plan.visit_ids
                self.assertEqual(len(visit), 1)
                self.assertEqual(visit.purpose, PURPOSE)
                self.assertEqual(visit.date_planned, date(2026, 12, 20))
                self.assertEqual(visit.state, "done")
                self.assertEqual(
                    visit.result, "Renewed for two years; wants a quarterly call."
                )
                self.assertEqual(visit.date_done, self.company._cs_today())
                self.assertFalse(visit.activity_ids)
