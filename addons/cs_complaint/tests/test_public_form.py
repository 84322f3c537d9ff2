# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_portal import CsComplaintFormCase


@tagged("post_install", "-at_install")
class TestPublicFormHardening(CsComplaintFormCase):
    """What a probe of the running server found on /complaint."""

    def test_rate_limit_locks_the_address(self):
        """Parallel posts of one address wait for each other: the count is
        taken under an advisory lock held until the transaction ends."""
        Complaint = self.env["cs.complaint"]
        Complaint._cs_public_rate_exceeded("198.51.100.7", self.company)
        self.env.cr.execute(
            "SELECT count(*) FROM pg_locks "
            "WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        )
        self.assertEqual(self.env.cr.fetchone()[0], 1)

    def test_chunked_body_over_the_limit_refused(self):
        before = self._count()
        max_files = self.env["cs.complaint"]._cs_form_max_files
        max_mb = self.company.cs_complaint_upload_max_mb
        limit = int((max_mb * max_files + 1) * 1024 * 1024)

        def chunks():
            block = b"x" * (1024 * 1024)
            for _i in range(limit // len(block) + 2):
                yield block

        response = self.url_open(
            "/complaint",
            data=chunks(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        self.assertEqual(response.status_code, 413)
        self.assertEqual(self._count(), before)

    def test_control_and_invisible_characters_stripped(self):
        before = self._count()
        response = self._public_post(
            subject="Nul\x00 byte \u202eevil\u202c",
            description="Broken\x00 lid\u200b.\x07\nSecond line\u2066x\u2069",
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before + 1)
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        self.assertEqual(complaint.subject, "Nul byte evil")
        self.assertIn("Broken lid.", complaint.description)
        self.assertNotIn("\u200b", complaint.description)
        self.assertNotIn("\u2066", complaint.description)

    def test_script_after_the_first_kilobytes_refused(self):
        before = self._count()
        text = b"harmless line\n" * 1000 + b"<script>alert(1)</script>"
        self.assertGreater(len(text), 4096)
        response = self._public_post(
            files=[("attachments", ("notes.txt", text, "text/plain"))]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("cannot be accepted", response.text)
        self.assertEqual(self._count(), before)

    def test_portal_user_unaffected(self):
        """A logged-in customer's complaint is theirs, verified."""
        self.authenticate("cs_portal_customer_a", "cs_portal_customer_a")
        csrf = self._csrf("/my/complaints/new")
        self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": csrf,
                "subject": "Mine",
                "description": "My own complaint",
                "category_id": str(self.category.id),
            },
        )
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        self.assertEqual(complaint.partner_id, self.portal_a.partner_id)
        self.assertTrue(complaint.is_identity_verified)
