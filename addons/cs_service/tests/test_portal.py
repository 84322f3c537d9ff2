# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from unittest.mock import patch

from odoo import sql_db
from odoo.tests import HttpCase, tagged

from ..controllers.portal import RATE_LOCK_KEY
from .common import CsServiceCommon

# a 1x1 PNG, what the signature widget sends
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestServicePortal(CsServiceCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_partner = cls.portal_user.partner_id
        cls.portal_partner.write(
            {"street": "5 Portal Street", "city": "Beijing", "email": "p@example.com"}
        )
        cls.own = cls._create_request(partner=cls.portal_partner)
        cls.other = cls._create_request(partner=cls.customer_a)

    def _csrf(self, url="/my/service/new"):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def _login_portal(self):
        self.authenticate(self.portal_user.login, self.portal_user.login)

    def test_service_portal_list_and_detail(self):
        self._login_portal()
        response = self.url_open("/my/service")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.own.name, response.text)
        self.assertNotIn(self.other.name, response.text)
        response = self.url_open(f"/my/service/{self.own.id}")
        self.assertIn("The air conditioner blows warm air.", response.text)
        # someone else's request sends back to /my
        response = self.url_open(f"/my/service/{self.other.id}")
        self.assertNotIn(self.other.name, response.text)
        self.assertEqual(self.url_open("/my").status_code, 200)

    def test_service_portal_new_request(self):
        self._login_portal()
        page = self.url_open("/my/service/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn("5 Portal Street", page.text)
        response = self.url_open(
            "/my/service/new",
            data={
                "csrf_token": self._csrf(),
                "product_name": "Air Conditioner KF-35 (test)",
                "serial_number": "SN-9",
                "street": "5 Portal Street",
                "city": "Beijing",
                "problem": "No cold air\nsince Monday",
            },
        )
        self.assertEqual(response.status_code, 200)
        created = self.Request.search(
            [
                ("partner_id", "=", self.portal_partner.id),
                ("serial_number", "=", "SN-9"),
            ]
        )
        self.assertEqual(len(created), 1)
        self.assertEqual(created.channel, "portal")
        self.assertEqual(created.product_id, self.product)
        self.assertEqual(created.zone, "urban")
        self.assertIn("since Monday", created.problem)
        self.assertIn(created.name, response.text)
        # the acknowledgement with the number and the promised time
        ack = self.env["mail.message"].search(
            [
                ("model", "=", created._name),
                ("res_id", "=", created.id),
                ("message_type", "=", "email_outgoing"),
            ]
        )
        self.assertTrue(ack)
        self.assertIn(created.name, ack[0].subject)
        self.assertIn(created._cs_promised_time(), ack[0].body)

    def test_service_portal_new_refusals(self):
        self._login_portal()
        count = self.Request.search_count([])
        # without the CSRF token
        response = self.url_open(
            "/my/service/new", data={"problem": "x", "city": "Beijing"}
        )
        self.assertEqual(response.status_code, 400)
        # empty problem
        response = self.url_open(
            "/my/service/new",
            data={"csrf_token": self._csrf(), "problem": " ", "city": "Beijing"},
        )
        self.assertEqual(response.status_code, 400)
        # too large a body
        response = self.url_open(
            "/my/service/new",
            data={
                "csrf_token": self._csrf(),
                "problem": "x" * 70000,
                "city": "Beijing",
            },
        )
        self.assertEqual(response.status_code, 413)
        self.assertEqual(self.Request.search_count([]), count)
        # rate limit: 3 an hour
        for i in range(4):
            response = self.url_open(
                "/my/service/new",
                data={
                    "csrf_token": self._csrf(),
                    "problem": f"Problem {i}",
                    "city": "Beijing",
                },
            )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self.Request.search_count([]), count + 3)

    def test_service_portal_rate_limit_serialises_posts(self):
        """The count and the creation of a customer's request hold a lock
        until the transaction ends: a second post of the same customer at
        the same time waits for it, and counts the first request; another
        customer does not wait."""
        self._login_portal()
        self.url_open(
            "/my/service/new",
            data={"csrf_token": self._csrf(), "problem": "Noise", "city": "Beijing"},
        )
        # another connection, as a second worker serving a parallel post
        with sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
            cr.execute(
                "SELECT pg_try_advisory_xact_lock(%s, %s), "
                "pg_try_advisory_xact_lock(%s, %s)",
                (
                    RATE_LOCK_KEY,
                    self.portal_partner.id,
                    RATE_LOCK_KEY,
                    self.customer_a.id,
                ),
            )
            self.assertEqual(cr.fetchone(), (False, True))

    def test_service_portal_sign(self):
        request = self._advance(self.own, "done")
        self._login_portal()
        page = self.url_open(f"/my/service/{request.id}")
        self.assertIn("portal.signature_form", page.text)
        with patch.object(
            type(self.env["ir.actions.report"]),
            "_render_qweb_pdf",
            return_value=(b"%PDF-1.4 voucher", "pdf"),
        ):
            result = self.make_jsonrpc_request(
                f"/my/service/{request.id}/sign",
                {"name": "Portal Customer", "signature": SIGNATURE},
            )
        self.assertTrue(result.get("force_refresh"), result)
        request.invalidate_recordset()
        self.assertEqual(request.signed_by, "Portal Customer")
        self.assertTrue(request.signed_on)
        self.assertTrue(request.signature)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id)]
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertEqual(attachment.raw, b"%PDF-1.4 voucher")
        self.assertEqual(request.signed_voucher_id, attachment)
        # signed once only; someone else's request cannot be signed
        again = self.make_jsonrpc_request(
            f"/my/service/{request.id}/sign",
            {"name": "Again", "signature": SIGNATURE},
        )
        self.assertIn("error", again)
        other = self.make_jsonrpc_request(
            f"/my/service/{self.other.id}/sign",
            {"name": "Intruder", "signature": SIGNATURE},
        )
        self.assertIn("error", other)
        # the signed voucher lets the agent close the case
        request.with_user(self.agent_a).action_close()
        self.assertEqual(request.state, "closed")

    def test_service_sign_renders_voucher_with_signature(self):
        request = self._advance(self.own, "done")
        request._cs_sign("Customer", SIGNATURE)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "cs_service.cs_service_request_report_voucher", request.ids
            )[0]
            .decode()
        )
        self.assertIn("data:image/png;base64", html)
        self.assertIn("Customer", html)
