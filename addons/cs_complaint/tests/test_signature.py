# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.cs_member.tests.tour_common import CsTourMixin, load_chinese

from .common import SIGNATURE_PNG
from .test_portal import CsComplaintFormCase


@tagged("post_install", "-at_install")
class TestComplaintSignature(CsComplaintFormCase):
    """The customer accepts the solution by signing it in the portal (their
    own page, or the agent's tablet opening it): the only path that sets the
    acceptance, which the resolution needs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for complaint in cls.complaint_a | cls.complaint_b:
            # the state is the business of the workflow tests
            complaint.write(
                {
                    "category_id": cls.category.id,
                    "solution": "A new kettle, delivered on Friday.",
                    "user_id": cls.agent.id,
                    "state": "implementing",
                }
            )

    def _accept(self, complaint, name="Portal Customer A", url=None):
        return self.make_jsonrpc_request(
            url or f"/my/complaints/{complaint.id}/accept",
            {"name": name, "signature": SIGNATURE_PNG},
        )

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_complaint_customer_signs_in_the_portal(self):
        complaint = self.complaint_a
        self.authenticate(self.portal_a.login, self.portal_a.login)
        page = self.url_open(complaint.access_url)
        self.assertIn("A new kettle, delivered on Friday.", page.text)
        self.assertIn("portal.signature_form", page.text)
        result = self._accept(complaint)
        self.assertTrue(result.get("force_refresh"), result)
        self.assertIn("message=sign_ok", result["redirect_url"])
        complaint.invalidate_recordset()
        self.assertTrue(complaint.customer_accepted)
        self.assertEqual(complaint.customer_signed_by, "Portal Customer A")
        self.assertTrue(complaint.customer_signature)
        self.assertTrue(complaint.date_accepted)
        # archived in the chatter with the signature (G5)
        message = complaint.message_ids.filtered(
            lambda m: "Portal Customer A" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.attachment_ids.mimetype, "image/png")
        # shown on the page, and signed once only
        page = self.url_open(f"{complaint.access_url}?message=sign_ok")
        self.assertIn("o_cs_complaint_signed", page.text)
        self.assertIn('id="complaint_accepted"', page.text)
        self.assertNotIn("portal.signature_form", page.text)
        self.assertIn("error", self._accept(complaint, name="Again"))
        self.assertEqual(complaint.customer_signed_by, "Portal Customer A")
        # accepted: the agent resolves it
        complaint.with_user(self.agent).action_resolve()
        self.assertEqual(complaint.state, "resolved")

    def test_complaint_another_customer_cannot_sign(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertIn("error", self._accept(self.complaint_a, name="Intruder"))
        # nor a visitor without the access token, nor with a wrong one
        self.authenticate(None, None)
        self.assertIn("error", self._accept(self.complaint_a, name="Visitor"))
        url = f"/my/complaints/{self.complaint_a.id}/accept?access_token=forged"
        self.assertIn("error", self._accept(self.complaint_a, "Visitor", url))
        self.complaint_a.invalidate_recordset()
        self.assertFalse(self.complaint_a.customer_accepted)
        self.assertFalse(self.complaint_a.customer_signed_by)
        # a complaint not waiting for the signature
        self.complaint_b.sudo().write({"state": "investigating"})
        self.authenticate(self.portal_b.login, self.portal_b.login)
        self.assertIn("error", self._accept(self.complaint_b, "Portal Customer B"))
        self.assertFalse(self.complaint_b.customer_accepted)

    def test_complaint_signature_never_written_directly(self):
        complaint = self.complaint_a
        values = {
            "customer_accepted": True,
            "customer_signature": SIGNATURE_PNG,
            "customer_signed_by": "Forged",
            "date_accepted": "2026-04-01 10:00:00",
        }
        for fname, value in values.items():
            with self.subTest(field=fname):
                with self.assertRaises(AccessError):
                    complaint.with_user(self.agent).write({fname: value})
        # over JSON-RPC, as the web client would send it
        self.authenticate(self.agent.login, self.agent.login)
        for fname, value in values.items():
            with self.subTest(rpc=fname):
                with self.assertRaises(JsonRpcException):
                    self._call("cs.complaint", "write", complaint.ids, {fname: value})
        # the private signing method is not reachable over RPC
        with self.assertRaises(JsonRpcException):
            self._call(
                "cs.complaint",
                "_cs_sign_acceptance",
                complaint.ids,
                "Forged",
                SIGNATURE_PNG,
            )
        complaint.invalidate_recordset()
        self.assertFalse(complaint.customer_accepted)
        with self.assertRaisesRegex(UserError, "customer's acceptance"):
            complaint.with_user(self.agent).action_resolve()

    def test_complaint_agent_tablet_opens_the_signature(self):
        complaint = self.complaint_a
        with self.assertRaises(AccessError):
            complaint.with_user(self.portal_a).action_customer_sign()
        action = complaint.with_user(self.agent).action_customer_sign()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"/my/complaints/{complaint.id}?access_token=", action["url"])
        self.assertTrue(action["url"].endswith("#complaint_signature"))
        # the customer signs on the agent's tablet, in the agent's session
        self.authenticate(self.agent.login, self.agent.login)
        page = self.url_open(action["url"].split("#")[0])
        self.assertIn("portal.signature_form", page.text)
        url = complaint.get_portal_url(suffix="/accept")
        result = self._accept(complaint, name="Customer on the tablet", url=url)
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(complaint.customer_signed_by, "Customer on the tablet")
        with self.assertRaisesRegex(UserError, "already accepted"):
            complaint.with_user(self.agent).action_customer_sign()


@tagged("post_install", "-at_install", "cs_tour")
class TestComplaintSignatureTour(CsTourMixin, CsComplaintFormCase):
    """In a browser, the customer signs the solution on their complaint's
    page, in Chinese and in English."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_chinese(cls.env, ["web", "portal", "cs_complaint"])

    def test_complaint_accept_tour(self):
        for lang, complaint in (
            ("zh_CN", self.complaint_a),
            ("en_US", self.complaint_a.copy({"subject": "Second kettle"})),
        ):
            with self.subTest(lang=lang):
                complaint.write(
                    {
                        "category_id": self.category.id,
                        "solution": "A new kettle.",
                        "state": "implementing",
                    }
                )
                self.portal_a.lang = lang
                self.start_tour(
                    complaint.access_url,
                    "cs_complaint_accept_tour",
                    login=self.portal_a.login,
                )
                complaint.invalidate_recordset()
                self.assertTrue(complaint.customer_accepted)
                self.assertEqual(complaint.customer_signed_by, "Portal Customer A")
                self.assertTrue(complaint.customer_signature)
                self.assertTrue(complaint.date_accepted)
