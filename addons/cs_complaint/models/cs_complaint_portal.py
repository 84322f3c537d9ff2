# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import re
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, single_email_re

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action

# what only the signing sets (cs.protected.mixin); ``date_accepted`` is
# already one of the complaint's workflow fields
SIGNATURE_FIELDS = {"customer_signature", "customer_signed_by", "customer_accepted"}
# What a customer may attach to a complaint: the extension, and the signatures
# ("magic bytes") the content must start with (None: any content that is not
# an executable or a script).
UPLOAD_SIGNATURES = {
    "pdf": (b"%PDF",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "txt": None,
    "csv": None,
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
}
# Content never accepted, whatever the file is called: Windows and Linux
# executables, Mach-O binaries, shell scripts, HTML and SVG (scripts).
FORBIDDEN_SIGNATURES = (
    b"MZ",
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe",
    b"#!",
)
FORBIDDEN_TEXT = re.compile(
    rb"<\s*(script|html|svg|iframe|object|embed)\b", re.IGNORECASE
)
PHONE_RE = re.compile(r"^\+?[0-9 ()./-]+$")
# What a visitor's text may not carry: control characters (NUL breaks the
# database) other than tab and line breaks, bidirectional overrides that hide
# the real order of the text, and invisible zero-width characters.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


# What a customer sees of their complaint: the portal pages show these, and
# a portal user reads or searches no other field, over the web pages or RPC.
# The investigation (root cause, responsible persons, approvals, penalties,
# deadlines other than the promised answer, escalation...) stays internal.
PORTAL_READABLE_FIELDS = {
    "id",
    "display_name",
    "name",
    "subject",
    "state",
    "partner_id",
    "channel",
    "category_id",
    "date_received",
    "date_resolve_deadline",
    "date_resolved",
    "date_closed",
    "description",
    "customer_request",
    "solution",
    "reject_reason",
    "customer_accepted",
    "customer_signature",
    "customer_signed_by",
    "date_accepted",
    "company_id",
    "currency_id",
    "create_date",
    "write_date",
    # portal.mixin and the chatter
    "access_url",
    "access_token",
    "access_warning",
    "website_message_ids",
    "message_ids",
    "message_is_follower",
    "has_message",
}


class CsComplaint(models.Model):
    """What the customer portal and the public complaint form need on the
    complaint: the sender's network address (rate limit), turning the
    visitor's text into safe HTML, checking uploads and finding the visitor's
    customer record."""

    _inherit = "cs.complaint"

    # limits of the customer-facing forms; a module may override them
    _cs_form_max_files = 5
    _cs_form_text_max_chars = 10000
    _cs_form_line_max_chars = 200
    _cs_form_name_max_chars = 128

    is_identity_verified = fields.Boolean(
        string="Identity Verified",
        default=True,
        readonly=True,
        copy=False,
        index=True,
        help="Unticked for a complaint sent through the public form: anybody may "
        "type any name and e-mail there. It is registered under a new contact "
        "and answered at the address typed only, until an agent links it to "
        "the existing customer after checking who sent it.",
    )
    identity_match_id = fields.Many2one(
        "res.partner",
        string="Possible Customer",
        readonly=True,
        copy=False,
        groups="cs_member.group_cs_agent",
        help="The existing contact with the e-mail address or phone number typed "
        "on the public form. Check with the customer before linking.",
    )
    submit_ip = fields.Char(
        string="Sent From Address",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="cs_member.group_cs_supervisor",
        help="Network address the public complaint form was sent from; it "
        "limits how many complaints one address may send in an hour.",
    )
    # the customer's signed acceptance of the solution (D3 step 5, H1)
    customer_signature = fields.Image(
        string="Customer's Signature",
        copy=False,
        attachment=True,
        max_width=1024,
        max_height=1024,
    )
    customer_signed_by = fields.Char(string="Signed By", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # public form: rate limit and customer
    # ------------------------------------------------------------------

    def _cs_portal_readable_fields(self):
        return PORTAL_READABLE_FIELDS

    def message_post(self, **kwargs):
        """A customer's message is a comment the department answers, never an
        internal note (which customers could then post among the agents'
        notes, unseen by the portal and mistaken for the department's)."""
        user = self.env.user
        if user._is_portal() or user._is_public():
            kwargs.pop("subtype_id", None)
            kwargs["subtype_xmlid"] = "mail.mt_comment"
            kwargs["message_type"] = "comment"
            kwargs["is_internal"] = False
        return super().message_post(**kwargs)

    @api.model
    def _cs_public_recent_count(self, ip, hours=1):
        """Complaints sent through the public form from ``ip`` in the last
        ``hours``."""
        if not ip:
            return 0
        since = fields.Datetime.now() - timedelta(hours=hours)
        return self.search_count([("submit_ip", "=", ip), ("create_date", ">=", since)])

    @api.model
    def _cs_public_rate_exceeded(self, ip, company):
        """Whether ``ip`` has sent the most complaints allowed in the last
        hour. Parallel posts from one address wait for each other here: the
        count is taken under a lock of the address held until the complaint
        is committed, so that twelve parallel posts cannot all pass a limit
        of five."""
        if ip:
            self.env.cr.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(hashtext(%s))",
                    f"cs_complaint_public_form:{ip}",
                )
            )
        return (
            self._cs_public_recent_count(ip) >= company.cs_complaint_public_rate_limit
        )

    @api.model
    def _cs_public_partner(self, name, email=None, phone=None, lang=None):
        """The contact of a public form: always a new one with what the
        visitor typed. An anonymous visitor can type anybody's e-mail, so
        the complaint is never attached to an existing customer (it would
        show in their portal and e-mail them) until an agent verifies it.
        Returns the new contact and the existing customer it may be."""
        match = self._cs_identity_match(email, phone)
        values = {"name": name, "email": email or False, "phone": phone or False}
        if lang and lang in dict(self.env["res.lang"].get_installed()):
            values["lang"] = lang
        return self.env["res.partner"].create(values), match

    @api.model
    def _cs_identity_match(self, email=None, phone=None):
        """The existing contact a public form's e-mail (else its phone, 8
        digits at least and one contact only) points to."""
        Partner = self.env["res.partner"]
        if email:
            found = self._mail_find_partner_from_emails([email], force_create=False)
            if found and found[0]:
                return found[0]
            return Partner
        digits = "".join(ch for ch in phone or "" if ch.isdigit())
        if len(digits) >= 8:
            found = Partner._cs_find_by_phone(digits, limit=2)
            if len(found) == 1:
                return found
        return Partner

    @api.depends("customer_signature")
    def _compute_customer_accepted(self):
        for complaint in self:
            complaint.customer_accepted = bool(complaint.customer_signature)

    def _cs_protected_fields(self):
        return (
            super()._cs_protected_fields()
            | {"is_identity_verified", "identity_match_id", "submit_ip"}
            | SIGNATURE_FIELDS
        )

    @workflow_action
    def action_link_customer(self):
        """After checking who sent it (a call back, the customer's own
        e-mail), attach a public form's complaint to the existing customer;
        without one, confirm the new contact as the customer."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("verify"))
        for complaint in self:
            if complaint.is_identity_verified:
                raise UserError(
                    self.env._(
                        "The customer of complaint %(number)s is verified already.",
                        number=complaint.name,
                    )
                )
            customer = complaint.identity_match_id
            vals = {"is_identity_verified": True, "identity_match_id": False}
            if customer and customer != complaint.partner_id:
                vals["partner_id"] = customer.id
            typed = complaint.partner_id
            complaint.write(vals)
            complaint.message_subscribe(partner_ids=complaint.partner_id.ids)
            complaint.message_post(
                body=self.env._(
                    "Identity verified by %(user)s: the complaint is %(customer)s's.",
                    user=self.env.user.name,
                    customer=complaint.partner_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
            if customer and customer != typed:
                # the contact typed on the form was only a stand-in
                complaint.message_unsubscribe(partner_ids=typed.ids)
        return True

    # ------------------------------------------------------------------
    # customer-facing forms: text, fields and files
    # ------------------------------------------------------------------

    @api.model
    def _cs_text_to_html(self, text):
        """The customer's plain text as HTML paragraphs: every character is
        escaped, blank lines separate paragraphs, line breaks are kept. The
        customer's own HTML is never interpreted."""
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        return Markup("").join(
            Markup("<p>%s</p>")
            % Markup("<br/>").join(escape(line) for line in p.split("\n"))
            for p in paragraphs
        )

    @api.model
    def _cs_check_form_text(self, post, require_contact=False):
        """Validate the text fields of a customer-facing complaint form.
        Returns ``{field: message}`` for the fields in error."""
        errors = {}
        description = (post.get("description") or "").strip()
        if not description:
            errors["description"] = self.env._("Describe your complaint.")
        elif len(description) > self._cs_form_text_max_chars:
            errors["description"] = self.env._(
                "The description is too long: %(count)s characters at most.",
                count=self._cs_form_text_max_chars,
            )
        if len(post.get("subject") or "") > self._cs_form_line_max_chars:
            errors["subject"] = self.env._(
                "The subject is too long: %(count)s characters at most.",
                count=self._cs_form_line_max_chars,
            )
        if len(post.get("customer_request") or "") > self._cs_form_text_max_chars:
            errors["customer_request"] = self.env._(
                "Your request is too long: %(count)s characters at most.",
                count=self._cs_form_text_max_chars,
            )
        if require_contact:
            errors.update(self._cs_check_form_contact(post))
        return errors

    @api.model
    def _cs_check_form_contact(self, post):
        """Validate the visitor's name, e-mail and phone: a name and a way to
        answer (e-mail or phone) are required."""
        errors = {}
        name = (post.get("contact_name") or "").strip()
        email = (post.get("email") or "").strip()
        phone = (post.get("phone") or "").strip()
        if not name:
            errors["contact_name"] = self.env._("Tell us your name.")
        elif len(name) > self._cs_form_name_max_chars:
            errors["contact_name"] = self.env._(
                "The name is too long: %(count)s characters at most.",
                count=self._cs_form_name_max_chars,
            )
        if not email and not phone:
            errors["email"] = self.env._(
                "Give an e-mail address or a phone number so we can answer you."
            )
        if email and (
            len(email) > self._cs_form_name_max_chars
            or not single_email_re.match(email)
        ):
            errors["email"] = self.env._(
                "This e-mail address is not valid: %(email)s", email=email
            )
        if phone:
            digits = sum(ch.isdigit() for ch in phone)
            if not PHONE_RE.match(phone) or not 6 <= digits <= 20:
                errors["phone"] = self.env._(
                    "This phone number is not valid: %(phone)s", phone=phone
                )
        return errors

    @api.model
    def _cs_check_form_category(self, value, company):
        """The category chosen on a form, among the active categories of the
        company; empty when none was chosen. Raises ``ValueError`` when the
        value is not one of them."""
        if not value:
            return self.env["cs.complaint.category"]
        try:
            category_id = int(value)
        except (TypeError, ValueError) as error:
            raise ValueError(value) from error
        category = self._cs_form_categories(company).filtered(
            lambda c: c.id == category_id
        )
        if not category:
            raise ValueError(value)
        return category

    @api.model
    def _cs_form_categories(self, company):
        return self.env["cs.complaint.category"].search(
            [("company_id", "in", [False, company.id])]
        )

    @api.model
    def _cs_check_uploads(self, uploads, company):
        """Validate the files of a form, ``[(filename, content)]``. Returns
        an error message, or ``None`` when every file may be attached."""
        if len(uploads) > self._cs_form_max_files:
            return self.env._(
                "You may attach %(count)s files at most.", count=self._cs_form_max_files
            )
        max_bytes = company.cs_complaint_upload_max_mb * 1024 * 1024
        # formatted out of the translated call: the term extractor reads the
        # call's arguments as literals
        max_size = f"{company.cs_complaint_upload_max_mb:g}"
        for filename, content in uploads:
            if len(content) > max_bytes:
                return self.env._(
                    "The file %(file)s is too large: %(size)s MB at most.",
                    file=filename,
                    size=max_size,
                )
            if not content:
                return self.env._("The file %(file)s is empty.", file=filename)
            if not self._cs_upload_allowed(filename, content):
                return self.env._(
                    "The file %(file)s cannot be accepted: send pictures (JPG, PNG, "
                    "GIF, WEBP), PDF, text or office documents.",
                    file=filename,
                )
        return None

    @api.model
    def _cs_upload_allowed(self, filename, content):
        """Whether a file's name and content are of an accepted kind: the
        extension is on the list, the content matches it and is neither an
        executable nor a script."""
        extension = filename.rpartition(".")[2].lower() if "." in filename else ""
        if extension not in UPLOAD_SIGNATURES:
            return False
        # the whole file: a script hidden after a harmless beginning is
        # refused too
        if content.startswith(FORBIDDEN_SIGNATURES) or FORBIDDEN_TEXT.search(content):
            return False
        signatures = UPLOAD_SIGNATURES[extension]
        if extension == "webp" and content[8:12] != b"WEBP":
            return False
        if signatures is None:
            try:
                content[:4096].decode("utf-8")
            except UnicodeDecodeError:
                # a text file cut in the middle of a character is still text
                return b"\x00" not in content[:4096]
            return True
        return content.startswith(signatures)

    def _cs_post_customer_files(self, uploads, author):
        """Post the customer's files in the complaint's thread, as their
        message, so the customer finds them in the portal and the handler in
        the chatter; the customer is not notified of their own message."""
        self.ensure_one()
        if not uploads:
            return self.env["mail.message"]
        return self.with_context(mail_notify_author=False).message_post(
            body=self.env._("Files sent with the complaint."),
            attachments=list(uploads),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    # ------------------------------------------------------------------
    # the customer accepts the solution by signing it: in the portal on
    # /my/complaints/<id>, or on the agent's tablet, which opens the same
    # page. ``customer_accepted`` is the signature's flag: the resolution
    # needs it.
    # ------------------------------------------------------------------

    def _has_to_be_signed(self):
        """The solution is being implemented and waits for the customer's
        acceptance (the portal's signature widget shows)."""
        self.ensure_one()
        return self.state == "implementing" and not self.customer_accepted

    def action_customer_sign(self):
        """The agent hands their tablet to the customer: the complaint's
        portal page, with its access token, where the customer signs."""
        self.ensure_one()
        self._cs_check_group(
            "cs_member.group_cs_agent", self.env._("ask the customer to sign")
        )
        self._cs_check_state(("implementing",), self.env._("signed"))
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "The customer already accepted the solution of complaint "
                    "%(number)s.",
                    number=self.name,
                )
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.get_portal_url(anchor="complaint_signature"),
            "target": "self",
        }

    @workflow_action
    def _cs_sign_acceptance(self, name, signature):
        """Record the customer's signed acceptance of the solution (the only
        path that sets it) and archive the signature in the chatter (G5)."""
        self.ensure_one()
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "Complaint %(number)s is not waiting for the customer's signature.",
                    number=self.name,
                )
            )
        self.write(
            {
                "customer_signature": signature,
                "customer_signed_by": name,
                "date_accepted": fields.Datetime.now(),
            }
        )
        # sudo: the customer signs; the archived copy is the company's
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("%(number)s signature.png", number=self.name),
                    "raw": base64.b64decode(signature),
                    "mimetype": "image/png",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.sudo().message_post(
            body=self.env._(
                "Solution accepted and signed by %(name)s", name=self.customer_signed_by
            ),
            attachment_ids=attachment.ids,
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True
