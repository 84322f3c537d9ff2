# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import freeze_time

from .common import CsComplaintCommon, local


@freeze_time(local("2026-04-08 10:00"))
class TestAckMails(CsComplaintCommon):
    """What the acknowledgement cron leaves behind, record by record: the
    batch rendering must produce exactly what one-by-one rendering would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.customer_b.write({"lang": "zh_CN", "email": "b@example.com"})
        cls.template = cls.env.ref("cs_complaint.mail_template_complaint_ack")

    def _expected(self, complaint):
        """The template rendered for ``complaint`` alone, in its customer's
        language, outside any batch."""
        values = self.template._generate_template(
            complaint.ids, ["subject", "body_html", "email_from"]
        )[complaint.id]
        Message = self.env["mail.message"]
        return {
            "subject": values["subject"],
            "body_html": values["body_html"],
            "email_from": values["email_from"],
            # what the message's HTML field keeps of the rendered body
            "body": Message._fields["body"].convert_to_cache(
                values["body_html"], Message
            ),
        }

    def test_ack_side_effects(self):
        self.Complaint._cron_send_acknowledgements()  # what was queued before
        complaints = self.Complaint.browse()
        for partner in (self.customer_a, self.customer_b) * 5:
            complaints |= self._create_complaint(partner=partner)
        self.assertTrue(all(complaints.mapped("is_ack_pending")))
        followers = {
            c: sorted(
                (f.partner_id.id, tuple(sorted(f.subtype_ids.ids)))
                for f in c.message_follower_ids
            )
            for c in complaints
        }
        messages_before = {c: c.message_ids for c in complaints}
        activities = {c: c.activity_ids for c in complaints}
        Mail = self.env["mail.mail"]
        mails_before = Mail.search([])

        self.assertEqual(self.Complaint._cron_send_acknowledgements(), 10)

        self.assertFalse(any(complaints.mapped("is_ack_pending")))
        mails = Mail.search([]) - mails_before
        self.assertEqual(len(mails), 10)
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(complaints.ids))
        author = self.env.user.partner_id
        for complaint in complaints:
            mail = mails.filtered(lambda m, c=complaint: m.res_id == c.id)
            message = mail.mail_message_id
            expected = self._expected(complaint)
            zh = complaint.partner_id.lang == "zh_CN"
            # the e-mail
            self.assertEqual(mail.subject, expected["subject"])
            self.assertEqual(mail.body_html, expected["body_html"])
            self.assertIn(complaint.name, mail.subject)
            self.assertIn("2026年04月15日" if zh else "04/15/2026", mail.body_html)
            self.assertEqual(mail.email_from, expected["email_from"])
            self.assertFalse(mail.email_to)
            self.assertFalse(mail.email_cc)
            self.assertEqual(mail.recipient_ids, complaint.partner_id)
            self.assertEqual(mail.state, "outgoing")
            self.assertTrue(mail.auto_delete)
            self.assertTrue(mail.is_notification)
            self.assertEqual(mail.model, "cs.complaint")
            self.assertEqual(mail.res_id, complaint.id)
            self.assertFalse(mail.attachment_ids)
            self.assertTrue(mail.message_id)
            self.assertEqual(mail.references, mail.message_id)
            # the copy in the complaint's chatter
            self.assertEqual(message.message_type, "email_outgoing")
            self.assertFalse(message.subtype_id)
            self.assertEqual(message.author_id, author)
            self.assertFalse(message.partner_ids)
            self.assertEqual(message.body, expected["body"])
            self.assertEqual(message.subject, expected["subject"])
            self.assertEqual(message.model, "cs.complaint")
            self.assertEqual(message.res_id, complaint.id)
            # the composer leaves the name to the chatter (record_name off)
            self.assertFalse(message.record_name)
            self.assertFalse(message.notification_ids)
            self.assertFalse(message.tracking_value_ids)
            self.assertEqual(
                complaint.message_ids, message | messages_before[complaint]
            )
            # nothing else changed on the complaint
            self.assertEqual(complaint.activity_ids, activities[complaint])
            self.assertEqual(
                sorted(
                    (f.partner_id.id, tuple(sorted(f.subtype_ids.ids)))
                    for f in complaint.message_follower_ids
                ),
                followers[complaint],
            )
        self.assertEqual(self.Complaint._cron_send_acknowledgements(), 0)
