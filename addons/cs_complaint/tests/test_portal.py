# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@tagged("post_install", "-at_install")
class CsComplaintFormCase(HttpCase):
    """The customer portal and the public complaint form, through real HTTP
    requests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "email": "service@example.com",
                "cs_complaint_public_rate_limit": 3,
                "cs_complaint_upload_max_mb": 1.0,
            }
        )
        cls.portal_a = new_test_user(
            cls.env,
            "cs_portal_customer_a",
            groups="base.group_portal",
            name="Portal Customer A",
            email="portal.a@example.com",
        )
        cls.portal_b = new_test_user(
            cls.env,
            "cs_portal_customer_b",
            groups="base.group_portal",
            name="Portal Customer B",
            email="portal.b@example.com",
        )
        cls.agent = new_test_user(
            cls.env,
            "cs_portal_test_agent",
            groups="base.group_user,cs_member.group_cs_agent",
        )
        cls.category = cls.env["cs.complaint.category"].create(
            {"name": "Portal Test Category"}
        )
        Complaint = cls.env["cs.complaint"]
        cls.complaint_a = Complaint.create(
            {
                "partner_id": cls.portal_a.partner_id.id,
                "subject": "Kettle of customer A",
                "description": "<p>The kettle leaks.</p>",
                "channel": "phone",
            }
        )
        cls.complaint_b = Complaint.create(
            {
                "partner_id": cls.portal_b.partner_id.id,
                "subject": "Sofa of customer B",
                "description": "<p>The sofa is torn.</p>",
                "channel": "phone",
            }
        )
        cls.known = cls.env["res.partner"].create(
            {"name": "Known Customer", "email": "known.customer@example.com"}
        )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _csrf(self, url):
        """Open the form page and return the CSRF token it contains."""
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        match = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        self.assertTrue(match, "the form must carry a CSRF token")
        return match.group(1)

    def _jsonrpc(self, url, params):
        response = self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.env.invalidate_all()
        return response.json()

    def _assert_acknowledged(self, complaint):
        """The acknowledgement with the number is e-mailed to the customer
        by its queue, and kept in the chatter."""
        self.assertTrue(complaint.is_ack_pending)
        self.env["cs.complaint"]._cron_send_acknowledgements()
        ack = complaint.message_ids.filtered(
            lambda m: complaint.name in (m.subject or "")
            and m.message_type == "email_outgoing"
        )
        self.assertEqual(len(ack), 1)
        mails = self.env["mail.mail"].search([("mail_message_id", "in", ack.ids)])
        self.assertEqual(mails.recipient_ids, complaint.partner_id)

    def _count(self, domain=None):
        self.env.invalidate_all()
        return self.env["cs.complaint"].search_count(domain or [])

    def _public_post(self, csrf=True, files=None, **values):
        data = {
            "contact_name": "Visitor Vera",
            "email": "vera.visitor@example.com",
            "phone": "",
            "subject": "Rude delivery man",
            "description": "The delivery man shouted at me.\n\nIt was on Monday.",
            "customer_request": "An apology",
            "category_id": str(self.category.id),
        }
        data.update(values)
        if csrf:
            data["csrf_token"] = self._csrf("/complaint")
        return self.url_open("/complaint", data=data, files=files)


@tagged("post_install", "-at_install")
class TestCsComplaintPortal(CsComplaintFormCase):
    # ------------------------------------------------------------------
    # portal: list, detail, home counter
    # ------------------------------------------------------------------

    def test_portal_list_shows_own_complaints_only(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open("/my/complaints")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.complaint_a.name, response.text)
        self.assertNotIn(self.complaint_b.name, response.text)
        for query in ("sortby=state", "sortby=name", "filterby=open", "sortby=bogus"):
            response = self.url_open(f"/my/complaints?{query}")
            self.assertEqual(response.status_code, 200, query)
            self.assertIn(self.complaint_a.name, response.text, query)
        response = self.url_open("/my/complaints?filterby=closed")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(self.complaint_a.name, response.text)

    def test_portal_home_counter(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/complaints/new", response.text)
        result = self._jsonrpc("/my/counters", {"counters": ["complaint_count"]})
        self.assertEqual(result["result"], {"complaint_count": 1})

    def test_portal_detail(self):
        self.complaint_a.solution = "A new kettle."
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(self.complaint_a.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.complaint_a.name, response.text)
        self.assertIn("The kettle leaks.", response.text)
        self.assertIn("Answer promised by", response.text)
        self.assertIn('id="discussion"', response.text, "the chatter is shown")
        self.assertNotIn(
            "A new kettle.", response.text, "no solution before resolution"
        )

    def test_portal_detail_solution_once_resolved(self):
        self.complaint_a.write(
            {"solution": "A new kettle.", "category_id": self.category.id}
        )
        # the solution is shown from resolution on; the state itself is the
        # business of the workflow tests
        self.complaint_a.sudo().write({"state": "resolved"})
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(self.complaint_a.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("A new kettle.", response.text)

    def test_portal_chatter_post(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        post_data = {
            "body": "Any news?",
            "message_type": "comment",
            "subtype_xmlid": "mail.mt_comment",
        }
        result = self._jsonrpc(
            "/mail/message/post",
            {
                "thread_model": "cs.complaint",
                "thread_id": self.complaint_a.id,
                "post_data": post_data,
            },
        )
        self.assertNotIn("error", result)
        message = self.complaint_a.message_ids.filtered(lambda m: "Any news?" in m.body)
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        with mute_logger("odoo.http"):
            result = self._jsonrpc(
                "/mail/message/post",
                {
                    "thread_model": "cs.complaint",
                    "thread_id": self.complaint_b.id,
                    "post_data": post_data,
                },
            )
        self.assertIn("error", result)
        self.assertFalse(
            self.complaint_b.message_ids.filtered(lambda m: "Any news?" in m.body)
        )

    def test_portal_detail_of_another_customer_refused(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open(self.complaint_b.access_url, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(response.headers["Location"].endswith("/my"))
        response = self.url_open("/my/complaints/999999999", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))

    def test_portal_detail_with_access_token(self):
        token = self.complaint_b._portal_ensure_token()
        response = self.url_open(f"{self.complaint_b.access_url}?access_token={token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.complaint_b.name, response.text)
        response = self.url_open(
            f"{self.complaint_b.access_url}?access_token=wrong", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))

    def test_portal_pages_need_login(self):
        for url in ("/my/complaints", "/my/complaints/new"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"], url)

    # ------------------------------------------------------------------
    # portal: new complaint
    # ------------------------------------------------------------------

    def test_portal_new_complaint(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        csrf = self._csrf("/my/complaints/new")
        before = self._count()
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": csrf,
                "subject": "Late delivery",
                "category_id": str(self.category.id),
                "description": "Three weeks late.\nStill nothing.",
                "customer_request": "Deliver it",
            },
            files=[("attachments", ("photo.png", PNG, "image/png"))],
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before + 1)
        complaint = self.env["cs.complaint"].search([("subject", "=", "Late delivery")])
        self.assertEqual(len(complaint), 1)
        self.assertTrue(response.url.endswith(f"{complaint.access_url}?created=1"))
        self.assertIn(complaint.name, response.text)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.partner_id, self.portal_a.partner_id)
        self.assertEqual(complaint.category_id, self.category)
        self.assertEqual(complaint.customer_request, "Deliver it")
        self.assertIn("Three weeks late.<br>Still nothing.", complaint.description)
        self.assertIn(self.portal_a.partner_id, complaint.message_partner_ids)
        self._assert_acknowledged(complaint)
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "cs.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.mapped("name"), ["photo.png"])
        posted = complaint.message_ids.filtered(lambda m: attachment & m.attachment_ids)
        self.assertEqual(posted.author_id, self.portal_a.partner_id)
        # and the customer finds it in their list
        self.assertIn(complaint.name, self.url_open("/my/complaints").text)

    def test_portal_new_complaint_errors_keep_input(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        before = self._count()
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": self._csrf("/my/complaints/new"),
                "subject": "Kept subject",
                "description": "   ",
                "category_id": "not-a-category",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._count(), before)
        self.assertIn("Describe your complaint.", response.text)
        self.assertIn("Choose a category of the list.", response.text)
        self.assertIn('value="Kept subject"', response.text)

    # ------------------------------------------------------------------
    # public form
    # ------------------------------------------------------------------

    def test_public_form_creates_complaint_for_known_email(self):
        """Anybody may type a customer's e-mail: the complaint waits under a
        new contact, unverified, until an agent links it to the customer."""
        before = self._count()
        response = self._public_post(email="Known.Customer@example.com")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/complaint/thanks"))
        self.assertEqual(self._count(), before + 1)
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        self.assertNotEqual(complaint.partner_id, self.known)
        self.assertEqual(complaint.partner_id.name, "Visitor Vera")
        self.assertFalse(complaint.is_identity_verified)
        self.assertEqual(complaint.identity_match_id, self.known)
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.category_id, self.category)
        self.assertEqual(complaint.customer_request, "An apology")
        self.assertEqual(complaint.submit_ip, "127.0.0.1")
        self.assertNotIn(self.known, complaint.message_partner_ids)
        # thank-you page: the number and the promised answer date
        self.assertIn(complaint.name, response.text)
        self.assertTrue(complaint.date_resolve_deadline)
        self.assertIn("o_cs_complaint_deadline", response.text)
        # the acknowledgement went to the address typed, through the new
        # contact, not to the existing customer
        self._assert_acknowledged(complaint)
        # an agent links it after checking, with one button
        complaint.with_user(self.agent).action_link_customer()
        self.assertEqual(complaint.partner_id, self.known)
        self.assertTrue(complaint.is_identity_verified)
        self.assertIn(self.known, complaint.message_partner_ids)

    def test_public_form_creates_contact(self):
        response = self._public_post(
            contact_name="Phone Only Pete", email="", phone="+86 138-0013-8000"
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        self.assertEqual(complaint.partner_id.name, "Phone Only Pete")
        self.assertEqual(complaint.partner_id.phone, "+86 138-0013-8000")
        # the same number again: a new contact, with the first as the
        # possible customer for the agent to check
        self._public_post(contact_name="Pete", email="", phone="13800138000")
        again = self.env["cs.complaint"].search([], order="id desc", limit=1)
        self.assertNotEqual(again, complaint)
        self.assertNotEqual(again.partner_id, complaint.partner_id)
        self.assertEqual(again.identity_match_id, complaint.partner_id)

    def test_public_form_without_csrf_token_refused(self):
        """Nothing is registered without a valid token, and the visitor gets
        the form back with their text and a request to send it again."""
        before = self._count()
        self.authenticate(None, None)
        for token in (None, "forged"):
            values = {"csrf_token": token} if token else {}
            response = self._public_post(csrf=False, **values)
            self.assertEqual(response.status_code, 400)
            self.assertIn("send it again", response.text)
            self.assertIn("The delivery man shouted at me.", response.text)
        self.assertEqual(self._count(), before)

    @mute_logger("odoo.addons.cs_complaint.controllers.main")
    def test_public_form_honeypot(self):
        """A filled spam guard is not told "received": nothing is stored and
        the form comes back with the text, to be sent again."""
        before = self._count()
        partners = self.env["res.partner"].search_count([])
        response = self._public_post(company_website="http://spam.example.com")
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("We have received your message", response.text)
        self.assertIn("was not sent", response.text)
        self.assertIn("The delivery man shouted at me.", response.text)
        self.assertEqual(self._count(), before)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    @mute_logger("odoo.addons.cs_complaint.controllers.main")
    def test_public_form_rate_limit(self):
        before = self._count()
        for index in range(3):
            response = self._public_post(subject=f"Complaint {index}")
            self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before + 3)
        response = self._public_post(subject="One too many")
        self.assertEqual(response.status_code, 429)
        self.assertIn("3 complaints within an hour", response.text)
        self.assertIn('value="One too many"', response.text, "the input is kept")
        self.assertEqual(self._count(), before + 3)
        # an hour later, the address may send again
        self.env["cs.complaint"].search(
            [("submit_ip", "=", "127.0.0.1")]
        ).flush_recordset()
        self.env.cr.execute(
            "UPDATE cs_complaint SET create_date = create_date - interval '2 hours' "
            "WHERE submit_ip = '127.0.0.1'"
        )
        self.assertEqual(self._public_post(subject="Later").status_code, 200)
        self.assertEqual(self._count(), before + 4)

    def test_public_form_oversized_attachment(self):
        before = self._count()
        big = PNG + b"\x00" * (1024 * 1024)
        response = self._public_post(
            email="new.visitor@example.com",
            files=[("attachments", ("big.png", big, "image/png"))],
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("is too large", response.text)
        self.assertIn("Choose your files again", response.text)
        self.assertIn("Rude delivery man", response.text, "the input is kept")
        self.assertEqual(self._count(), before)
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "new.visitor@example.com")])
        )

    def test_public_form_huge_request_refused(self):
        """Beyond the files allowed and some text, the request is refused
        before it is read."""
        before = self._count()
        huge = PNG + b"\x00" * (7 * 1024 * 1024)
        response = self._public_post(
            files=[("attachments", ("huge.png", huge, "image/png"))]
        )
        self.assertEqual(response.status_code, 413)
        self.assertEqual(self._count(), before)

    def test_public_form_files(self):
        exe = b"MZ\x90\x00" + b"\x00" * 64
        for name, content in (
            ("invoice.exe", exe),
            ("invoice.pdf", exe),
            ("page.txt", b"<script>alert(1)</script>"),
            ("photo.png", b"%PDF-1.4 not a picture"),
        ):
            response = self._public_post(
                files=[("attachments", (name, content, "image/png"))]
            )
            self.assertEqual(response.status_code, 400, name)
            self.assertIn("cannot be accepted", response.text, name)
        too_many = [("attachments", (f"p{i}.png", PNG, "image/png")) for i in range(6)]
        response = self._public_post(files=too_many)
        self.assertEqual(response.status_code, 400)
        self.assertIn("5 files at most", response.text)
        before = self._count()
        response = self._public_post(
            files=[
                ("attachments", ("photo.png", PNG, "image/png")),
                ("attachments", ("note.txt", b"Bought on 3 May", "text/plain")),
            ]
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._count(), before + 1)
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "cs.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(sorted(attachments.mapped("name")), ["note.txt", "photo.png"])

    def test_public_form_html_escaped(self):
        response = self._public_post(
            description='<script>alert("x")</script><b onclick="evil()">bold</b>',
            subject="<img src=x onerror=alert(1)>",
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["cs.complaint"].search([], order="id desc", limit=1)
        description = str(complaint.description)
        self.assertNotIn("<script", description)
        self.assertNotIn("<b", description)
        self.assertIn("&lt;script&gt;", description)
        self.assertTrue(description.startswith("<p>"))
        self.assertEqual(complaint.subject, "<img src=x onerror=alert(1)>")

    def test_public_form_validation(self):
        before = self._count()
        response = self._public_post(description="  \n ", contact_name="Kept Name")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Describe your complaint.", response.text)
        self.assertIn('value="Kept Name"', response.text)
        response = self._public_post(email="", phone="")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Give an e-mail address or a phone number", response.text)
        response = self._public_post(email="not-an-address", contact_name="")
        self.assertEqual(response.status_code, 400)
        self.assertIn("This e-mail address is not valid", response.text)
        self.assertIn("Tell us your name.", response.text)
        response = self._public_post(description="x" * 10001)
        self.assertEqual(response.status_code, 400)
        self.assertIn("The description is too long", response.text)
        self.assertEqual(self._count(), before)

    def test_public_form_sends_logged_in_users_to_portal(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open("/complaint", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/my/complaints/new", response.headers["Location"])
