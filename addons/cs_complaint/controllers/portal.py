# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import binascii

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.cs_complaint import FINAL_STATES, OPEN_STATES
from .main import FORM_TEXT_FIELDS, CsComplaintFormMixin

HISTORY_KEY = "my_complaints_history"
MAX_SIGNER_NAME = 200


class CsComplaintPortal(CsComplaintFormMixin, CustomerPortal):
    """The customer's complaints in the portal: the list, one complaint with
    its messages, and a form to register a new one."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["cs.complaint"]
            values["complaint_count"] = (
                Complaint.search_count(self._cs_complaint_domain())
                if Complaint.has_access("read")
                else 0
            )
        return values

    def _cs_complaint_domain(self):
        """The complaints of the user's company or person: a portal user's
        record rule allows those anyway, an employee sees their own here."""
        partner = request.env.user.partner_id.commercial_partner_id
        return [("partner_id", "child_of", partner.ids)]

    def _cs_complaint_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "date_received desc, id desc",
            },
            "name": {"label": request.env._("Number"), "order": "name desc"},
            "state": {
                "label": request.env._("Status"),
                "order": "state, date_received desc",
            },
        }

    def _cs_complaint_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("Open"),
                "domain": [("state", "in", OPEN_STATES)],
            },
            "closed": {
                "label": request.env._("Answered"),
                "domain": [("state", "in", FINAL_STATES)],
            },
        }

    # ------------------------------------------------------------------
    # list
    # ------------------------------------------------------------------

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, sortby=None, filterby=None, **kw):
        values = self._prepare_portal_layout_values()
        Complaint = request.env["cs.complaint"]
        sortings = self._cs_complaint_sortings()
        filters = self._cs_complaint_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = self._cs_complaint_domain() + filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/complaints",
            url_args={"sortby": sortby, "filterby": filterby},
            total=Complaint.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        complaints = Complaint.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session[HISTORY_KEY] = complaints.ids[:100]
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "pager": pager,
                "default_url": "/my/complaints",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("cs_complaint.portal_my_complaints", values)

    # ------------------------------------------------------------------
    # one complaint
    # ------------------------------------------------------------------

    @http.route(
        ["/my/complaints/<int:complaint_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_my_complaint(self, complaint_id, access_token=None, created=None, **kw):
        try:
            complaint_sudo = self._document_check_access(
                "cs.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        # the customer reads with their own rights; a visitor of a shared link
        # (access token) reads the sudo record _document_check_access checked
        complaint = (
            complaint_sudo
            if access_token
            else complaint_sudo.with_user(request.env.user)
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaint": complaint,
                "page_name": "complaint",
                "is_answered": complaint.state in ("resolved", "closed"),
                "is_created": bool(created),
                "is_signed": kw.get("message") == "sign_ok",
            }
        )
        values = self._get_page_view_values(
            complaint, access_token, values, HISTORY_KEY, False, **kw
        )
        return request.render("cs_complaint.portal_my_complaint", values)

    @http.route(
        ["/my/complaints/<int:complaint_id>/accept"],
        type="json",
        auth="public",
        website=True,
    )
    def portal_complaint_accept(
        self, complaint_id, access_token=None, name=None, signature=None
    ):
        """The customer accepts the solution by signing it (the portal's
        signature widget posts here, as a quotation's acceptance does)."""
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            complaint_sudo = self._document_check_access(
                "cs.complaint", complaint_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("Invalid complaint.")}
        if not complaint_sudo._has_to_be_signed():
            return {
                "error": request.env._(
                    "This complaint is not waiting for your signature."
                )
            }
        name = (name or "").strip()
        if not signature or not name:
            return {"error": request.env._("Your name and signature are needed.")}
        try:
            complaint_sudo._cs_sign_acceptance(name[:MAX_SIGNER_NAME], signature)
        except (TypeError, ValueError, binascii.Error, UserError, ValidationError):
            return {"error": request.env._("Invalid signature data.")}
        return {
            "force_refresh": True,
            "redirect_url": complaint_sudo.get_portal_url(
                query_string="&message=sign_ok"
            ),
        }

    # ------------------------------------------------------------------
    # new complaint
    # ------------------------------------------------------------------

    @http.route(
        ["/my/complaints/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        max_content_length=CsComplaintFormMixin._cs_max_request_size,
        # the token is validated by _cs_csrf_error(), which gives the form
        # back with the customer's text when it has expired
        csrf=False,
    )
    def portal_complaint_new(self, **post):
        if request.httprequest.method != "POST":
            return self._cs_render_portal_form({}, {})
        too_large = self._cs_body_too_large()
        if too_large:
            return self._cs_render_portal_form({}, {"global": too_large}, status=413)
        company = request.env.company
        Complaint = request.env["cs.complaint"]
        form = self._cs_form_values(post, FORM_TEXT_FIELDS)
        csrf_error = self._cs_csrf_error(post)
        if csrf_error:
            return self._cs_render_portal_form(form, {"global": csrf_error}, status=400)
        errors, category, uploads = self._cs_check_form(Complaint, form, company)
        if errors:
            return self._cs_render_portal_form(form, errors, status=400)
        partner = request.env.user.partner_id
        values = self._cs_complaint_values(Complaint, form, category)
        values.update(
            {"partner_id": partner.id, "channel": "portal", "company_id": company.id}
        )
        # sudo: portal users only read complaints; they register their own, for
        # their own contact, through this route only. The acknowledgement is
        # e-mailed by its queue, to the customer even when they are the author.
        Complaint = Complaint.sudo()
        try:
            with request.env.cr.savepoint():
                complaint = Complaint.create(values)
                complaint._cs_post_customer_files(uploads, partner)
        except (UserError, ValidationError) as error:
            return self._cs_render_portal_form(form, {"global": str(error)}, status=400)
        return request.redirect(f"{complaint.access_url}?created=1")

    def _cs_render_portal_form(self, form, errors, status=200):
        categories = request.env["cs.complaint"]._cs_form_categories(
            request.env.company
        )
        values = self._prepare_portal_layout_values()
        values.update(self._cs_form_render_values(form, errors, categories))
        values["page_name"] = "complaint_new"
        return request.render(
            "cs_complaint.portal_complaint_new", values, status=status
        )
