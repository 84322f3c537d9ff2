# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from ..models.cs_complaint_portal import PORTAL_READABLE_FIELDS
from .common import CsComplaintCommon


@tagged("post_install", "-at_install")
class TestPortalFields(CsComplaintCommon, HttpCase):
    """A portal customer reads and searches only the whitelisted fields of
    their own complaint, field by field (as project sharing's test does);
    their messages are comments, never internal notes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = new_test_user(
            cls.env,
            "cs_portal_fields",
            groups="base.group_portal",
            name="Portal Fields",
        )
        cls.complaint = cls._create_complaint(
            partner=cls.customer.partner_id,
            category_id=cls.cat_service.id,
            root_cause="Internal finding",
            summary="Internal summary",
        )
        cls.complaint.message_subscribe(partner_ids=cls.customer.partner_id.ids)

    def test_read_field_by_field(self):
        as_portal = self.complaint.with_user(self.customer)
        wrong = []
        for fname in sorted(self.complaint._fields):
            try:
                as_portal.read([fname])
                if fname not in PORTAL_READABLE_FIELDS:
                    wrong.append(f"{fname}: read")
            except AccessError:
                if fname in PORTAL_READABLE_FIELDS:
                    wrong.append(f"{fname}: refused")
        self.assertEqual(wrong, [])
        # reading everything gives the whitelist only
        values = as_portal.read()[0]
        self.assertLessEqual(set(values), PORTAL_READABLE_FIELDS)
        self.assertNotIn("root_cause", values)

    def test_search_field_by_field(self):
        Complaint = self.env["cs.complaint"].with_user(self.customer)
        searchable = []
        for fname, field in sorted(self.complaint._fields.items()):
            if not field.store or fname in PORTAL_READABLE_FIELDS:
                continue
            with contextlib.suppress(AccessError):
                Complaint.search([(fname, "!=", False)])
                searchable.append(fname)
        self.assertEqual(searchable, [], "internal fields a portal user searches")
        self.assertEqual(Complaint.search([("subject", "!=", "x")]), self.complaint)

    def test_portal_messages_are_comments(self):
        message = (
            self.complaint.with_user(self.customer)
            .sudo()
            .with_user(self.customer)
            .message_post(
                body="I am still waiting",
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                is_internal=True,
            )
        )
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertFalse(message.is_internal)

    def test_portal_messages_over_http(self):
        self.authenticate("cs_portal_fields", "cs_portal_fields")
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "thread_model": "cs.complaint",
                "thread_id": self.complaint.id,
                "post_data": {
                    "body": "Any news?",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_note",
                },
            },
        }
        self.url_open(
            "/mail/message/post",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        message = self.env["mail.message"].search(
            [
                ("model", "=", "cs.complaint"),
                ("res_id", "=", self.complaint.id),
                ("author_id", "=", self.customer.partner_id.id),
            ],
            limit=1,
        )
        self.assertTrue(message, "the customer's message was posted")
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertFalse(message.is_internal)
