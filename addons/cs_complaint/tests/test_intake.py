# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time

from .common import CsComplaintCommon, local

RAW = """Return-Path: <{sender}>
To: complaints@example.com
From: {name} <{sender}>
Subject: {subject}
Message-ID: <{msgid}@example.com>
Date: Wed, 08 Apr 2026 02:00:00 +0000
{extra}MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

{body}
"""


@freeze_time(local("2026-04-08 10:00"))
class TestEmailIntake(CsComplaintCommon):
    """Complaints by e-mail through the alias: known senders are matched,
    unknown ones become customers, nothing is lost."""

    def _receive(
        self,
        sender,
        subject="Broken fridge",
        body="It stopped cooling.",
        name="Sender",
        msgid="m1",
        extra="",
    ):
        raw = RAW.format(
            sender=sender,
            subject=subject,
            body=body,
            name=name,
            msgid=msgid,
            extra=extra,
        )
        res_id = self.env["mail.thread"].message_process("cs.complaint", raw.encode())
        return self.Complaint.browse(res_id)

    def test_known_sender_matched(self):
        complaint = self._receive("customer.a@example.com")
        self.assertEqual(complaint.partner_id, self.customer_a)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.subject, "Broken fridge")
        self.assertIn("stopped cooling", complaint.description)
        self.assertRegex(complaint.name, r"^TS2026-")
        self.assertTrue(complaint.date_resolve_deadline)
        self.assertEqual(len(self._notices(complaint, complaint.name)), 1)

    def test_unknown_sender_becomes_customer(self):
        complaint = self._receive("new.person@example.org", name="New Person")
        self.assertTrue(complaint.partner_id)
        self.assertEqual(complaint.partner_id.email, "new.person@example.org")
        self.assertIn(complaint.partner_id, complaint.message_partner_ids)

    def test_empty_mail_kept(self):
        complaint = self._receive(
            "customer.b@example.com", subject="", body="", msgid="m2"
        )
        self.assertEqual(complaint.partner_id, self.customer_b)
        self.assertIn("no text", complaint.description)
        self.assertEqual(complaint.subject, "Complaint by e-mail")

    def test_followup_mail_updates_thread(self):
        complaint = self._receive("customer.a@example.com", msgid="first")
        count = len(complaint.message_ids)
        again = self._receive(
            "customer.a@example.com",
            subject=f"Re: {complaint.name}",
            body="Any news?",
            msgid="second",
            extra="In-Reply-To: <first@example.com>\nReferences: <first@example.com>\n",
        )
        self.assertEqual(again, complaint)
        self.assertEqual(len(complaint.message_ids), count + 1)
        self.assertIn("Any news?", complaint.message_ids[0].body)
