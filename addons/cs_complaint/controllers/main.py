# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..models.cs_complaint_portal import UNSAFE_CHARACTERS, UPLOAD_SIGNATURES

_logger = logging.getLogger(__name__)

# the text fields a complaint form sends back to the visitor on an error
FORM_TEXT_FIELDS = ("subject", "category_id", "description", "customer_request")
PUBLIC_TEXT_FIELDS = ("contact_name", "email", "phone", *FORM_TEXT_FIELDS)
# the invisible field that people never fill and spam robots do
HONEYPOT_FIELD = "company_website"
SESSION_KEY = "cs_complaint_submitted"


class CsComplaintFormMixin:
    """What the portal's and the public complaint forms share: reading the
    uploaded files within the size limit and the values sent back to the
    form after an error."""

    def _cs_read_uploads(self, company, field="attachments"):
        """The files sent in ``field`` as ``[(filename, content)]``; a file is
        read one byte beyond the size limit at most, enough to refuse it."""
        limit = int(company.cs_complaint_upload_max_mb * 1024 * 1024) + 1
        uploads = []
        for upload in request.httprequest.files.getlist(field):
            if not upload or not upload.filename:
                continue
            filename = UNSAFE_CHARACTERS.sub("", upload.filename)
            uploads.append((filename, upload.read(limit)))
        return uploads

    def _cs_form_render_values(self, form, errors, categories):
        """What the templates of both forms need besides the layout."""
        Complaint = request.env["cs.complaint"]
        return {
            "form": form,
            "errors": errors,
            "categories": categories,
            "max_files": Complaint._cs_form_max_files,
            "max_mb": request.env.company.cs_complaint_upload_max_mb,
            "max_chars": Complaint._cs_form_text_max_chars,
            "upload_accept": ",".join(f".{ext}" for ext in UPLOAD_SIGNATURES),
        }

    def _cs_form_values(self, post, fields):
        """The text fields of a form, stripped of surrounding blanks and of
        the characters a text may not carry (control characters such as NUL,
        bidirectional overrides, zero-width characters); anything else sent
        under their names (a file) is ignored."""
        return {
            name: UNSAFE_CHARACTERS.sub("", post[name]).strip()
            if isinstance(post.get(name), str)
            else ""
            for name in fields
        }

    def _cs_body_too_large(self):
        """The message for a form whose body, sent in chunks, was larger
        than the route allows (see ir.http._cs_limit_chunked_body): it was
        not read at all."""
        if not request.httprequest.environ.get("cs.body_too_large"):
            return None
        return request.env._(
            "What you sent is too large: attach fewer or smaller files. Nothing "
            "was registered."
        )

    def _cs_csrf_error(self, post):
        """The message for a form whose CSRF token is missing or expired
        (validated here rather than by the route, so that the visitor gets
        the form back with their text instead of a bare error page)."""
        if request.validate_csrf(post.pop("csrf_token", None)):
            return None
        return request.env._(
            "Your session expired before the form was sent, so nothing was "
            "registered. Your text is below: please send it again."
        )

    def _cs_check_form(self, Complaint, form, company, require_contact=False):
        """Check a form's text, category and files, the same for both forms:
        ``(errors by field, category, uploads)``."""
        errors = Complaint._cs_check_form_text(form, require_contact=require_contact)
        try:
            category = Complaint._cs_check_form_category(form["category_id"], company)
        except ValueError:
            category = Complaint.env["cs.complaint.category"]
            errors["category_id"] = request.env._("Choose a category of the list.")
        uploads = self._cs_read_uploads(company)
        upload_error = Complaint._cs_check_uploads(uploads, company)
        if upload_error:
            errors["attachments"] = upload_error
        return errors, category, uploads

    def _cs_complaint_values(self, Complaint, form, category):
        """The values of a complaint sent through a form."""
        description = form["description"]
        subject = (
            form["subject"]
            or description.splitlines()[0][: Complaint._cs_form_line_max_chars]
        )
        return {
            "subject": subject,
            "description": Complaint._cs_text_to_html(description),
            "customer_request": form["customer_request"] or False,
            "category_id": category.id,
        }

    @staticmethod
    def _cs_max_request_size(controller):
        """Largest request body the forms accept: the allowed files and some
        room for the text, so that a huge upload is refused before being
        read."""
        company = request.env.company
        max_files = request.env["cs.complaint"]._cs_form_max_files
        return int((company.cs_complaint_upload_max_mb * max_files + 1) * 1024 * 1024)


class CsComplaintPublicForm(CsComplaintFormMixin, http.Controller):
    """The complaint form of the company's public pages, for visitors who
    have no portal account (D2: complaints by the web)."""

    @http.route(
        "/complaint",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
        max_content_length=CsComplaintFormMixin._cs_max_request_size,
        # the token is validated by _cs_csrf_error(), which gives the form
        # back with the visitor's text when it has expired
        csrf=False,
    )
    def complaint_public_form(self, **post):
        if not request.env.user._is_public():
            # a logged-in customer registers the complaint under their account
            return request.redirect("/my/complaints/new")
        if request.httprequest.method != "POST":
            return self._cs_render_public_form({}, {})
        too_large = self._cs_body_too_large()
        if too_large:
            return self._cs_render_public_form({}, {"global": too_large}, status=413)
        return self._cs_public_submit(post)

    @http.route(
        "/complaint/thanks", type="http", auth="public", website=True, methods=["GET"]
    )
    def complaint_public_thanks(self, **kwargs):
        complaint = request.env["cs.complaint"]
        complaint_id = request.session.get(SESSION_KEY)
        if complaint_id:
            # sudo: the visitor sees the number and promised date of the
            # complaint they have just sent in this session, nothing else
            complaint = complaint.sudo().browse(complaint_id).exists()
        return request.render(
            "cs_complaint.complaint_public_thanks", {"complaint": complaint}
        )

    # ------------------------------------------------------------------

    def _cs_render_public_form(self, form, errors, status=200):
        # sudo: anonymous visitors may not read complaint categories; the form
        # lists the active ones of the company
        Complaint = request.env["cs.complaint"].sudo()
        categories = Complaint._cs_form_categories(request.env.company)
        values = self._cs_form_render_values(form, errors, categories)
        values["honeypot_field"] = HONEYPOT_FIELD
        return request.render(
            "cs_complaint.complaint_public_form", values, status=status
        )

    def _cs_public_submit(self, post):
        # behind a reverse proxy with proxy_mode on, Odoo gives the client's
        # address (X-Forwarded-For) here, not the proxy's
        ip = request.httprequest.remote_addr
        form = self._cs_form_values(post, PUBLIC_TEXT_FIELDS)
        csrf_error = self._cs_csrf_error(post)
        if csrf_error:
            return self._cs_render_public_form(form, {"global": csrf_error}, status=400)
        if post.get(HONEYPOT_FIELD):
            # people never see this field; a browser that fills it in by
            # itself is told that nothing was sent, and gets the form back
            _logger.info("Public complaint form: spam guard field filled from %s", ip)
            request.session.pop(SESSION_KEY, None)
            message = request.env._(
                "Your complaint was not sent: the form was filled in "
                "automatically. Check your text below and send it again."
            )
            return self._cs_render_public_form(form, {"global": message}, status=400)
        # sudo: anonymous visitors have no access to complaints, categories
        # or contacts; this route checks what they send and creates their
        # complaint and contact itself
        Complaint = request.env["cs.complaint"].sudo()
        company = request.env.company
        if Complaint._cs_public_rate_exceeded(ip, company):
            _logger.warning("Public complaint form: hourly limit reached for %s", ip)
            message = request.env._(
                "You have sent %(count)s complaints within an hour, the most we accept "
                "from one connection. Please try again later or call us.",
                count=company.cs_complaint_public_rate_limit,
            )
            return self._cs_render_public_form(form, {"global": message}, status=429)
        errors, category, uploads = self._cs_check_form(
            Complaint, form, company, require_contact=True
        )
        if errors:
            return self._cs_render_public_form(form, errors, status=400)
        try:
            with request.env.cr.savepoint():
                complaint = self._cs_public_create(
                    Complaint, form, category, uploads, ip
                )
        except (UserError, ValidationError) as error:
            _logger.warning("Public complaint form: complaint refused: %s", error)
            return self._cs_render_public_form(form, {"global": str(error)}, status=400)
        request.session[SESSION_KEY] = complaint.id
        return request.redirect("/complaint/thanks")

    def _cs_public_create(self, Complaint, form, category, uploads, ip):
        """Find or create the visitor's contact, then the complaint and its
        files; ``Complaint`` is the sudo model of the caller."""
        partner, match = Complaint._cs_public_partner(
            form["contact_name"], form["email"], form["phone"], lang=request.env.lang
        )
        values = self._cs_complaint_values(Complaint, form, category)
        values.update(
            {
                "partner_id": partner.id,
                "channel": "web",
                "submit_ip": ip,
                "company_id": request.env.company.id,
                "is_identity_verified": False,
                "identity_match_id": match.id,
            }
        )
        if form["email"]:
            values["email_from"] = form["email"]
        complaint = Complaint.create(values)
        complaint._cs_post_customer_files(uploads, partner)
        return complaint
