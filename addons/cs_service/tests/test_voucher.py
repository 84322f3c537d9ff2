# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.cs_member.tests.report_common import ReportTestMixin

from .common import CsServiceCommon
from .test_portal import SIGNATURE


@tagged("post_install", "-at_install")
class TestServiceVoucher(CsServiceCommon):
    def test_service_voucher_content(self):
        request = self._advance(
            self._create_request(date_scheduled="2026-03-10 06:00:00"), "on_site"
        )
        self.env["cs.service.line"].create(
            {
                "request_id": request.id,
                "product_id": self.part.id,
                "quantity": 2,
                "hours": 1.5,
                "note": "Replaced both",
            }
        )
        request.result = "Cooling restored"
        html = (
            self.env["ir.actions.report"]
            .with_user(self.tech_user_1)
            ._render_qweb_html(
                "cs_service.cs_service_request_report_voucher", request.ids
            )[0]
            .decode()
        )
        for text in (
            "Service Voucher",
            request.name,
            "Customer of A",
            "1 Chang&#39;an Avenue",
            "Beijing",
            "010 6512 3456",
            "Air Conditioner KF-35 (test)",
            "KF35-0001",
            "The air conditioner blows warm air.",
            "Capacitor (test)",
            "01:30",
            "Replaced both",
            "Cooling restored",
            "Technician One",
            "Parts and Hours",
            "Technician's Signature",
            "Customer's Signature",
        ):
            self.assertIn(text, html)

    def test_service_voucher_print_action(self):
        request = self._advance(self._create_request(), "dispatched")
        action = request.with_user(self.agent_a).action_print_voucher()
        self.assertEqual(action["report_name"], "cs_service.report_service_voucher")


@tagged("post_install", "-at_install")
class TestServiceVoucherPdf(ReportTestMixin, CsServiceCommon):
    def test_service_voucher_pdf(self):
        request = self._advance(self._create_request(), "dispatched")
        pdf = self._render_pdf(
            "cs_service.cs_service_request_report_voucher", request, self.agent_a
        )
        text = self._pdf_text(pdf)
        self.assertIn(request.name, text)
        self.assertIn("KF35-0001", text)

    def test_service_customer_signs_on_the_technicians_tablet(self):
        request = self._advance(self._create_request(), "on_site")
        with self.assertRaisesRegex(UserError, "cannot be signed now"):
            request.with_user(self.tech_user_1).action_customer_sign()
        self._advance(request, "done")
        # another technician may not hand it over
        with self.assertRaises(AccessError):
            request.with_user(self.tech_user_2).action_customer_sign()
        action = request.with_user(self.tech_user_1).action_customer_sign()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/my/service/{request.id}?access_token=", action["url"])
        self.assertTrue(action["url"].endswith("#service_signature"))
        # the agent may hand over their tablet too
        self.assertTrue(request.with_user(self.agent_a).action_customer_sign())
        request._cs_sign("Customer", SIGNATURE)
        with self.assertRaisesRegex(UserError, "already signed"):
            request.with_user(self.tech_user_1).action_customer_sign()
