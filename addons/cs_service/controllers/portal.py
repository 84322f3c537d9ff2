# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import binascii
import re
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import SQL

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

HISTORY_KEY = "my_service_requests_history"
FORM_FIELDS = ("product_name", "serial_number", "street", "city", "problem")
# control characters, bidirectional overrides and zero-width characters
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
MAX_SHORT = 200
MAX_CHARS = 5000
# the form is text only: anything larger is not a repair request
MAX_REQUEST_SIZE = 64 * 1024
# the advisory lock's first key: the customer's portal requests (the second
# key is the partner's id)
RATE_LOCK_KEY = 0x63735352


class CsServicePortal(CustomerPortal):
    """The customer's service requests in the portal: the list, one request
    with its messages and the voucher to sign, and a form for a new one."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "service_request_count" in counters:
            Request = request.env["cs.service.request"]
            values["service_request_count"] = (
                Request.search_count(self._cs_service_domain())
                if Request.has_access("read")
                else 0
            )
        return values

    def _cs_service_domain(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "child_of", partner.ids)]

    @http.route(
        ["/my/service", "/my/service/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_service_requests(self, page=1, **kw):
        values = self._prepare_portal_layout_values()
        Request = request.env["cs.service.request"]
        domain = self._cs_service_domain()
        pager = portal_pager(
            url="/my/service",
            total=Request.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        service_requests = Request.search(
            domain,
            order="date_received desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session[HISTORY_KEY] = service_requests.ids[:100]
        values.update(
            {
                "service_requests": service_requests,
                "page_name": "service",
                "pager": pager,
                "default_url": "/my/service",
            }
        )
        return request.render("cs_service.portal_my_service_requests", values)

    @http.route(
        ["/my/service/<int:request_id>"], type="http", auth="public", website=True
    )
    def portal_my_service_request(
        self, request_id, access_token=None, created=None, message=None, **kw
    ):
        try:
            request_sudo = self._document_check_access(
                "cs.service.request", request_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        service = (
            request_sudo if access_token else request_sudo.with_user(request.env.user)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "service_request": service,
                "page_name": "service",
                "is_created": bool(created),
                "message": message,
            }
        )
        values = self._get_page_view_values(
            service, access_token, values, HISTORY_KEY, False, **kw
        )
        return request.render("cs_service.portal_my_service_request", values)

    @http.route(
        ["/my/service/<int:request_id>/sign"],
        type="json",
        auth="public",
        website=True,
    )
    def portal_service_sign(
        self, request_id, access_token=None, name=None, signature=None
    ):
        """The customer signs the voucher of a finished repair (the portal's
        signature widget posts here, like a quotation's acceptance)."""
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            service_sudo = self._document_check_access(
                "cs.service.request", request_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid service request.")}
        if not service_sudo._has_to_be_signed():
            return {
                "error": request.env._(
                    "This service request is not waiting for your signature."
                )
            }
        if not signature or not (name or "").strip():
            return {"error": request.env._("Your name and signature are needed.")}
        try:
            service_sudo._cs_sign(name.strip()[:MAX_SHORT], signature)
        except (TypeError, binascii.Error, UserError, ValidationError):
            return {"error": request.env._("Invalid signature data.")}
        return {
            "force_refresh": True,
            "redirect_url": service_sudo.get_portal_url(
                query_string="&message=sign_ok"
            ),
        }

    @http.route(
        ["/my/service/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        max_content_length=MAX_REQUEST_SIZE,
    )
    def portal_service_new(self, **post):
        """A new repair request of the logged-in customer. The route checks
        the CSRF token of the POST (Odoo refuses the form without it)."""
        partner = request.env.user.partner_id
        if request.httprequest.method != "POST":
            return self._cs_render_service_form(
                {"street": partner.street or "", "city": partner.city or ""}, {}
            )
        form = {
            name: UNSAFE_CHARACTERS.sub("", post[name]).strip()
            if isinstance(post.get(name), str)
            else ""
            for name in FORM_FIELDS
        }
        errors = self._cs_check_service_form(form)
        if errors:
            return self._cs_render_service_form(form, errors, status=400)
        company = request.env.company
        if self._cs_service_rate_exceeded(partner, company):
            return self._cs_render_service_form(
                form,
                {
                    "global": request.env._(
                        "You have sent many requests in the last hour: call us, or "
                        "try again later."
                    )
                },
                status=429,
            )
        # sudo: portal users only read service requests; they register their
        # own, for their own contact, through this route only
        Request = request.env["cs.service.request"].sudo()
        values = self._cs_service_values(form, partner, company)
        try:
            with request.env.cr.savepoint():
                service = Request.create(values)
        except (UserError, ValidationError) as error:
            return self._cs_render_service_form(
                form, {"global": str(error)}, status=400
            )
        return request.redirect(f"{service.access_url}?created=1")

    def _cs_check_service_form(self, form):
        errors = {}
        if not form["problem"]:
            errors["problem"] = request.env._("Describe the problem.")
        elif len(form["problem"]) > MAX_CHARS:
            errors["problem"] = request.env._(
                "Describe the problem in %(max)s characters at most.", max=MAX_CHARS
            )
        if not (form["street"] or form["city"]):
            errors["street"] = request.env._("Tell us where the technician must go.")
        for name in ("product_name", "serial_number", "street", "city"):
            if len(form[name]) > MAX_SHORT:
                errors["global"] = request.env._("A field of the form is too long.")
        return errors

    def _cs_service_rate_exceeded(self, partner, company):
        """Whether the customer sent the hour's allowance of requests. Two
        posts of the same customer at once take turns (a lock held until the
        end of the transaction), so that both cannot count below the limit
        and both create a request."""
        request.env.cr.execute(
            SQL("SELECT pg_advisory_xact_lock(%s, %s)", RATE_LOCK_KEY, partner.id)
        )
        since = fields.Datetime.now() - timedelta(hours=1)
        # sudo: counts the customer's own portal requests only
        count = (
            request.env["cs.service.request"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "=", partner.id),
                    ("channel", "=", "portal"),
                    ("create_date", ">=", since),
                ]
            )
        )
        return count >= (company.cs_service_portal_rate_limit or 0)

    def _cs_service_values(self, form, partner, company):
        problem = Markup("<p>%s</p>") % Markup("<br/>").join(
            escape(line) for line in form["problem"].splitlines()
        )
        product = request.env["product.product"]
        if form["product_name"]:
            # sudo: the customer names the product; only an exact match of a
            # product the company sells is linked
            product = product.sudo().search(
                [("name", "=ilike", form["product_name"])], limit=1
            )
            if not product:
                problem = (
                    Markup("<p>%s</p>")
                    % request.env._(
                        "Product: %(product)s", product=form["product_name"]
                    )
                    + problem
                )
        return {
            "partner_id": partner.id,
            "channel": "portal",
            "company_id": company.id,
            "product_id": product.id,
            "serial_number": form["serial_number"] or False,
            "street": form["street"] or False,
            "city": form["city"] or False,
            "problem": problem,
            "user_id": partner.commercial_partner_id.cs_agent_id.id or False,
        }

    def _cs_render_service_form(self, form, errors, status=200):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "form": form,
                "errors": errors,
                "page_name": "service_new",
                "max_short": MAX_SHORT,
                "max_chars": MAX_CHARS,
            }
        )
        return request.render(
            "cs_service.portal_service_request_new", values, status=status
        )
