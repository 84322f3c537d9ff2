# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CsMemberCommon


@tagged("post_install", "-at_install")
class TestChangeRequest(CsMemberCommon):
    """客户资料变更申请单 (A3): agents change a customer's private data through
    a request that a supervisor approves."""

    def _request(self, user=None, **new):
        action = self.customer_a.with_user(
            user or self.agent_a
        ).action_cs_request_change()
        with Form(
            self.env["cs.member.change.request"]
            .with_user(user or self.agent_a)
            .with_context(**action["context"])
        ) as form:
            form.reason = "The customer called with a new address"
            for fname, value in new.items():
                setattr(form, fname, value)
        return form.record

    def test_agent_cannot_write_private_data(self):
        partner = self.customer_a.with_user(self.agent_a)
        for vals in (
            {"phone": "13800000000"},
            {"email": "new@example.com"},
            {"cs_birthday": "1981-01-01"},
            {"street": "1 New Road"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                partner.write(vals)
        # unchanged values and other fields pass
        partner.write({"email": self.customer_a.email, "comment": "Likes tea"})
        # supervisors and managers write directly
        self.customer_a.with_user(self.supervisor).phone = "13900000000"
        self.customer_a.with_user(self.manager).city = "Shanghai"
        self.assertEqual(self.customer_a.city, "Shanghai")

    def test_partial_create_keeps_the_other_values(self):
        """An integration (or JSON-RPC) gives only the value that changes:
        the others are the customer's, and the approval changes that one
        only."""
        request = (
            self.env["cs.member.change.request"]
            .with_user(self.agent_a)
            .create(
                {
                    "partner_id": self.customer_a.id,
                    "reason": "Moved (import)",
                    "new_city": "Hangzhou",
                }
            )
        )
        self.assertEqual(request.new_name, "Customer of A")
        self.assertEqual(request.new_email, "customer.a@example.com")
        self.assertEqual(request.new_birthday, date(1980, 5, 17))
        self.assertEqual(request.new_id_number, "110101198005170000")
        self.assertEqual(request._cs_changes(), [("city", False, "Hangzhou")])
        request.with_user(self.supervisor).action_approve()
        self.assertEqual(self.customer_a.city, "Hangzhou")
        self.assertEqual(self.customer_a.name, "Customer of A")
        self.assertEqual(self.customer_a.cs_id_number, "110101198005170000")

    def test_approve_applies_the_change(self):
        request = self._request(new_street="8 Nanjing Road", new_city="Shanghai")
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.new_email, self.customer_a.email)
        self.assertFalse(self.customer_a.street)
        with self.assertRaises(AccessError):
            request.with_user(self.agent_a).action_approve()
        with self.assertRaises(AccessError):
            request.with_user(self.agent_a).write({"state": "approved"})
        request.with_user(self.supervisor).action_approve()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.decided_by_id, self.supervisor)
        self.assertEqual(self.customer_a.street, "8 Nanjing Road")
        self.assertEqual(self.customer_a.city, "Shanghai")
        self.assertIn("8 Nanjing Road", request.change_log)
        self.assertIn(request.name, self.customer_a.message_ids[0].body)
        # decided: fixed
        with self.assertRaises(UserError):
            request.with_user(self.supervisor).write({"new_city": "Beijing"})
        with self.assertRaises(UserError):
            request.with_user(self.supervisor).action_refuse()

    def test_refuse_needs_a_reason(self):
        request = self._request(new_birthday=date(1979, 5, 17))
        as_sup = request.with_user(self.supervisor)
        with self.assertRaises(UserError):
            as_sup.action_refuse()
        with self.assertRaises(AccessError):
            request.with_user(self.agent_a).write({"refuse_reason": "no"})
        as_sup.refuse_reason = "No proof of the birthday"
        as_sup.action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertEqual(self.customer_a.cs_birthday, date(1980, 5, 17))

    def test_access(self):
        mine = self._request(new_city="Hangzhou")
        theirs = self._request(user=self.agent_b, new_city="Suzhou")
        Request = self.env["cs.member.change.request"]
        self.assertEqual(Request.with_user(self.agent_a).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.agent_a).read(["new_city"])
        self.assertEqual(
            Request.with_user(self.supervisor).search(
                [("id", "in", (mine | theirs).ids)]
            ),
            mine | theirs,
        )
        for user in (self.internal_user, self.portal_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Request.with_user(user).search([])
        with self.assertRaises(AccessError):
            Request.with_user(self.agent_a).create(
                {
                    "partner_id": self.customer_a.id,
                    "reason": "x",
                    "state": "approved",
                }
            )
        with self.assertRaises(AccessError):
            mine.with_user(self.agent_a).unlink()
