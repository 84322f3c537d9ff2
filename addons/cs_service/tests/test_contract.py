# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import freeze_time, tagged

from .common import CsServiceCommon


@tagged("post_install", "-at_install")
class TestServiceContract(CsServiceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contract = cls.env["cs.service.contract"]
        cls.contract = cls.Contract.with_user(cls.agent_a).create(
            {
                "partner_id": cls.customer_a.id,
                "product_id": cls.product.id,
                "date_start": "2025-05-01",
                "date_end": "2026-04-30",
            }
        )
        cls.contract.with_user(cls.agent_a).action_activate()

    def _reminders(self):
        return self.env["mail.message"].search(
            [
                ("model", "=", "cs.service.contract"),
                ("res_id", "=", self.contract.id),
                ("subject", "ilike", "ends soon"),
            ]
        )

    def test_service_contract_reminded_a_month_before_once(self):
        with freeze_time("2026-03-20 04:00:00"):
            self.assertEqual(self.Contract._cron_contract_reminders(), 0)
        with freeze_time("2026-03-31 04:00:00"):
            self.assertEqual(self.Contract._cron_contract_reminders(), 1)
            self.assertEqual(str(self.contract.date_reminded), "2026-03-31")
            self.assertEqual(len(self._reminders()), 1)
            self.assertTrue(self.contract.activity_ids)
            self.assertEqual(self.Contract._cron_contract_reminders(), 0)
            self.assertEqual(len(self._reminders()), 1)
        with freeze_time("2026-05-01 04:00:00"):
            self.Contract._cron_contract_reminders()
            self.assertEqual(self.contract.state, "expired")

    def test_service_contract_linked_to_request(self):
        request = self._create_request()
        self.assertEqual(request.contract_id, self.contract)
        other = self._create_request(product_id=self.part.id)
        self.assertFalse(other.contract_id)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cs_service.cs_service_request_report_voucher", request.ids
            )[0]
            .decode()
        )
        self.assertIn(self.contract.name, html)

    def test_service_contract_protected_and_checked(self):
        with self.assertRaises(AccessError):
            self.contract.with_user(self.agent_a).write({"state": "draft"})
        with self.assertRaises(AccessError):
            self.contract.with_user(self.agent_a).write({"date_reminded": "2026-01-01"})
        with self.assertRaises(AccessError):
            self.contract.with_user(self.tech_user_1).action_cancel()
        with self.assertRaises(ValidationError):
            self.Contract.create(
                {
                    "partner_id": self.customer_a.id,
                    "date_start": "2026-05-01",
                    "date_end": "2026-04-01",
                }
            )
        self.assertFalse(
            self.Contract.with_user(self.agent_b).search(
                [("id", "=", self.contract.id)]
            )
        )
