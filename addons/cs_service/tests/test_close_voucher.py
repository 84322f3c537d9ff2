# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import CsServiceCommon


@tagged("post_install", "-at_install")
class TestServiceCloseVoucher(CsServiceCommon):
    """G5: a request closes with the customer's portal signature or the scan
    attached as the signed voucher, never with any attachment."""

    def test_close_refused_with_a_random_attachment(self):
        request = self._advance(self._create_request(), "done")
        self.env["ir.attachment"].create(
            {
                "name": "photo.jpg",
                "raw": b"not a voucher",
                "res_model": request._name,
                "res_id": request.id,
            }
        )
        with self.assertRaisesRegex(UserError, "no voucher signed"):
            request.with_user(self.agent_a).action_close()
        self.assertEqual(request.state, "done")

    def test_close_voucher_wizard_path(self):
        request = self._advance(self._create_request(), "done")
        attachment = self._attach_signed_voucher(request, self.tech_user_1)
        self.assertEqual(attachment.res_id, request.id)
        self.assertEqual(attachment.raw, b"%PDF-1.4 signed")
        self.assertIn(attachment, request.message_ids.attachment_ids)
        request.with_user(self.agent_a).action_close()
        self.assertEqual(request.state, "closed")

    def test_close_voucher_refusals(self):
        request = self._advance(self._create_request(), "on_site")
        with self.assertRaises(UserError):
            request.with_user(self.agent_a).action_attach_voucher()
        self._advance(request, "done")
        other_department = new_test_user(
            self.env, "cs_voucher_other", groups="base.group_user"
        )
        for user in (self.tech_user_2, other_department):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._attach_signed_voucher(request, user)
        forged = self.env["ir.attachment"].create(
            {
                "name": "forged.pdf",
                "raw": b"%PDF",
                "res_model": request._name,
                "res_id": request.id,
            }
        )
        for user in (self.agent_a, self.supervisor, self.manager, self.tech_user_1):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.with_user(user).write({"signed_voucher_id": forged.id})
        self.assertFalse(request.signed_voucher_id)


@tagged("post_install", "-at_install")
class TestServiceVoucherRpc(CsServiceCommon, HttpCase):
    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_close_voucher_field_refused_over_rpc(self):
        request = self._advance(self._create_request(), "done")
        forged = self.env["ir.attachment"].create(
            {
                "name": "forged.pdf",
                "raw": b"%PDF",
                "res_model": request._name,
                "res_id": request.id,
            }
        )
        self.authenticate(self.agent_a.login, self.agent_a.login)
        for method, args in (
            ("write", [request.ids, {"signed_voucher_id": forged.id}]),
            (
                "_cs_attach_signed_voucher",
                [request.ids, "forged.pdf", base64.b64encode(b"%PDF").decode()],
            ),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._call("cs.service.request", method, *args)
        with self.assertRaises(JsonRpcException):
            self._call("cs.service.request", "action_close", request.ids)
        request.invalidate_recordset()
        self.assertFalse(request.signed_voucher_id)
        self.assertEqual(request.state, "done")
