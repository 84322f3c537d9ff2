# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext, is_html_empty

from odoo.addons.cs_member.models.cs_protected_mixin import (
    allow_protected_writes,
    protected_writes_allowed,
    workflow_action,
)
from odoo.addons.cs_member.models.followers import insert_followers
from odoo.addons.cs_member.reporting import format_rate, rate

from .res_partner import ZONE_SELECTION

STATE_SELECTION = [
    ("new", "New"),
    ("dispatched", "Dispatched"),
    ("on_site", "On Site"),
    ("done", "Done"),
    ("closed", "Closed"),
    ("cancelled", "Cancelled"),
]
CHANNEL_SELECTION = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("portal", "Customer Portal"),
    ("walk_in", "Visit"),
]
# a new request of the same customer (and product) within this many days of
# a completed repair is a repeat visit: the repair did not hold (G4)
REPEAT_VISIT_DAYS = 30
PRIORITY_SELECTION = [("0", "Normal"), ("1", "Urgent"), ("2", "Very Urgent")]
# a technician is on the way or at work: the request is theirs
FIELD_STATES = ("dispatched", "on_site")
FINAL_STATES = ("done", "closed", "cancelled")
# fields that only the workflow sets (cs.protected.mixin)
WORKFLOW_FIELDS = {
    "name",
    "date_replied",
    "date_dispatched",
    "date_started",
    "date_done",
    "date_closed",
    "date_reply_deadline",
    "date_dispatch_deadline",
    "dispatch_in_time",
    "signature",
    "signed_by",
    "signed_on",
    "signed_voucher_id",
}
# the recurring defects analysis (G4) groups the repairs done by default by
# product and problem category
DEFECT_GROUPBY = ("product_id", "problem_category_id")
# What a customer sees of their request: the portal pages show these, and a
# portal user reads or searches no other field, over the pages or RPC (the
# agent, deadlines status, escalation, cancellation notes stay internal).
PORTAL_READABLE_FIELDS = {
    "id",
    "display_name",
    "name",
    "state",
    "partner_id",
    "product_id",
    "serial_number",
    "contract_id",
    "street",
    "street2",
    "city",
    "zone",
    "problem",
    "problem_category_id",
    "channel",
    "priority",
    "date_received",
    "date_dispatch_deadline",
    "date_scheduled",
    "date_done",
    "date_closed",
    "technician_id",
    "line_ids",
    "result",
    "signature",
    "signed_by",
    "signed_on",
    "company_id",
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


class CsServiceRequest(models.Model):
    """An after-sales service request (报修): registered, answered and
    dispatched to a technician within working-time deadlines, worked on site,
    signed by the customer and followed by the customer's opinion card."""

    _name = "cs.service.request"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "cs.callback.mixin",
        # cs.sla.mixin is a cs.protected.mixin
        "cs.sla.mixin",
        "cs.phone.lookup.mixin",
        # portal field whitelist and batch notices
        "cs.portal.case.mixin",
    ]
    _description = "Service Request"
    _order = "priority desc, date_received desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    product_id = fields.Many2one("product.product", tracking=True)
    serial_number = fields.Char(tracking=True)
    contract_id = fields.Many2one(
        "cs.service.contract",
        string="Maintenance Contract",
        compute="_compute_contract_id",
        store=True,
        readonly=False,
        check_company=True,
        index="btree_not_null",
        domain="[('partner_id', '=', partner_id), ('state', '=', 'active')]",
        help="The customer's active maintenance contract covering the product.",
    )
    street = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    street2 = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    city = fields.Char(
        compute="_compute_address", store=True, readonly=False, precompute=True
    )
    zone = fields.Selection(
        ZONE_SELECTION,
        compute="_compute_zone",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Urban and suburban customers have their own dispatch time.",
    )
    problem = fields.Html(sanitize=True, sanitize_style=True, required=True)
    problem_category_id = fields.Many2one(
        "cs.service.problem.category",
        index="btree_not_null",
        tracking=True,
        help="What was wrong, set by the agent at intake or by the technician on "
        "site: the recurring defects of a product are counted by it.",
    )
    channel = fields.Selection(
        CHANNEL_SELECTION, required=True, default="phone", tracking=True
    )
    date_received = fields.Datetime(
        string="Received",
        required=True,
        default=fields.Datetime.now,
        index=True,
        tracking=True,
    )
    priority = fields.Selection(PRIORITY_SELECTION, default="0", index=True)
    technician_id = fields.Many2one(
        "hr.employee",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('cs_is_technician', '=', True), ('user_id', '!=', False)]",
    )
    technician_user_id = fields.Many2one(
        "res.users",
        related="technician_id.user_id",
        string="Technician's User",
        store=True,
        index="btree_not_null",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        index=True,
        tracking=True,
        default=lambda self: self._default_user_id(),
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_member.group_cs_agent").ids)
        ],
    )
    state = fields.Selection(
        STATE_SELECTION,
        default="new",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    date_scheduled = fields.Datetime(
        string="Scheduled Visit", index=True, tracking=True, copy=False
    )
    duration_planned = fields.Float(
        string="Planned Hours", default=2.0, help="Planned duration of the visit."
    )
    date_scheduled_end = fields.Datetime(
        string="Visit End", compute="_compute_date_scheduled_end", store=True
    )
    date_reply_deadline = fields.Datetime(
        string="Reply By", compute="_compute_deadlines", store=True, readonly=True
    )
    date_dispatch_deadline = fields.Datetime(
        string="Dispatch By",
        compute="_compute_deadlines",
        store=True,
        readonly=True,
        index=True,
    )
    date_replied = fields.Datetime(string="Replied On", readonly=True, copy=False)
    date_dispatched = fields.Datetime(string="Dispatched On", readonly=True, copy=False)
    date_started = fields.Datetime(string="Arrived On", readonly=True, copy=False)
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False, index=True)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    dispatch_in_time = fields.Boolean(
        string="Dispatched in Time",
        readonly=True,
        copy=False,
        help="Set at dispatch: the technician was dispatched before the deadline.",
    )
    result = fields.Text(
        string="Work Result", copy=False, help="What the technician found and did."
    )
    repeat_of_id = fields.Many2one(
        "cs.service.request",
        string="Repeat Visit Of",
        compute="_compute_repeat_of_id",
        store=True,
        index="btree_not_null",
        help="The customer's repair of the same product completed within the "
        "30 days before this request: the repair did not hold (G4).",
    )
    is_repeat = fields.Boolean(
        string="Repeat Visit", compute="_compute_repeat_of_id", store=True
    )
    repeat_rate = fields.Float(
        string="Repeat Rate (%)",
        compute="_compute_repeat_of_id",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 for a repeat visit, 0 otherwise: its average over repairs done "
        "is their repeat rate (G4).",
    )
    line_ids = fields.One2many("cs.service.line", "request_id", string="Work Lines")
    total_hours = fields.Float(compute="_compute_total_hours", store=True)
    cancel_reason = fields.Text(copy=False)
    signature = fields.Image(
        string="Customer's Signature",
        copy=False,
        attachment=True,
        max_width=1024,
        max_height=1024,
    )
    signed_by = fields.Char(readonly=True, copy=False)
    signed_on = fields.Datetime(readonly=True, copy=False)
    signed_voucher_id = fields.Many2one(
        "ir.attachment",
        readonly=True,
        copy=False,
        help="The voucher signed by the customer (G5): the PDF of their portal "
        "signature, or the scan attached with Attach Signed Voucher. Closing "
        "the request needs it.",
    )
    # the opinion cards are the customer service's: technicians do not read
    # callbacks (their own ratings reach them through the scorecard)
    callback_ids = fields.One2many(
        "cs.callback",
        compute="_compute_callback_ids",
        string="Opinion Cards",
        groups="cs_member.group_cs_agent",
    )
    callback_count = fields.Integer(
        compute="_compute_callback_ids", groups="cs_member.group_cs_agent"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    # ------------------------------------------------------------------
    # defaults and computes
    # ------------------------------------------------------------------

    def _default_user_id(self):
        if self.env.user.has_group("cs_member.group_cs_agent"):
            return self.env.user
        return self.env["res.users"]

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, _label in STATE_SELECTION]

    @api.depends("partner_id")
    def _compute_address(self):
        for request in self:
            partner = request.partner_id
            request.street = partner.street
            request.street2 = partner.street2
            request.city = partner.city

    @api.depends("partner_id", "product_id")
    def _compute_contract_id(self):
        """The customer's active contract for the product (or for all their
        products), one search for the batch."""
        partners = self.partner_id.commercial_partner_id | self.partner_id
        # sudo: the contract is read to link it, whoever registers the request
        contracts = (
            self.env["cs.service.contract"]
            .sudo()
            .search([("partner_id", "in", partners.ids), ("state", "=", "active")])
        )
        for request in self:
            mine = contracts.filtered(
                lambda c, r=request: c.partner_id
                in (r.partner_id | r.partner_id.commercial_partner_id)
                and (not c.product_id or c.product_id == r.product_id)
            )
            request.contract_id = mine[:1].sudo(False)

    @api.depends("partner_id", "city", "company_id")
    def _compute_zone(self):
        for request in self:
            partner = request.partner_id
            if (
                partner
                and partner.cs_service_zone
                and (not request.city or request.city == partner.city)
            ):
                request.zone = partner.cs_service_zone
            else:
                company = request.company_id or self.env.company
                request.zone = company._cs_service_zone_of(request.city)

    @api.depends("date_scheduled", "duration_planned")
    def _compute_date_scheduled_end(self):
        for request in self:
            request.date_scheduled_end = (
                fields.Datetime.add(
                    request.date_scheduled, hours=request.duration_planned or 1.0
                )
                if request.date_scheduled
                else False
            )

    @api.depends("date_received", "zone", "company_id")
    def _compute_deadlines(self):
        """The reply and dispatch deadlines on the company's working schedule,
        planned for the whole batch with one read of the working time per
        schedule."""
        by_calendar = {}
        for request in self:
            calendar = request.company_id.resource_calendar_id
            if not request.date_received or not calendar:
                request.date_reply_deadline = False
                request.date_dispatch_deadline = False
                continue
            by_calendar.setdefault(calendar, []).append(request)
        for calendar, requests in by_calendar.items():
            plan = []
            for request in requests:
                company = request.company_id
                dispatch_hours = (
                    company.cs_service_dispatch_hours_urban
                    if request.zone == "urban"
                    else company.cs_service_dispatch_hours_suburban
                )
                plan.append(
                    (request.date_received, "hours", company.cs_service_reply_hours)
                )
                plan.append((request.date_received, "hours", dispatch_hours))
            # sudo: the working time is the company's, whoever registers
            deadlines = iter(calendar.sudo()._cs_plan_deadlines(plan))
            for request in requests:
                request.date_reply_deadline = next(deadlines)
                request.date_dispatch_deadline = next(deadlines)

    @api.depends("partner_id", "product_id", "date_received")
    def _compute_repeat_of_id(self):
        """The repair this request repeats: the customer's last repair
        completed within REPEAT_VISIT_DAYS before this request was received,
        of the same product (or either names none). The one definition of a
        repeat visit (G4): the technicians' indicator and the recurring
        defects analysis read the stored result. Searched once for the
        batch."""
        candidates = self.filtered(lambda r: r.partner_id and r.date_received)
        (self - candidates).update(
            {"repeat_of_id": False, "is_repeat": False, "repeat_rate": 0.0}
        )
        if not candidates:
            return
        earliest = min(candidates.mapped("date_received")) - timedelta(
            days=REPEAT_VISIT_DAYS
        )
        # sudo: the history of the customer's repairs, whoever registers
        done = self.sudo().search_fetch(
            [
                ("partner_id", "in", candidates.partner_id.ids),
                ("state", "in", ("done", "closed")),
                ("date_done", ">=", earliest),
            ],
            ["partner_id", "product_id", "date_done"],
            order="date_done desc",
        )
        for request in candidates:
            since = request.date_received - timedelta(days=REPEAT_VISIT_DAYS)
            previous = done.filtered(
                lambda d, r=request, since=since: d.partner_id == r.partner_id
                and d.id != r._origin.id
                and since <= d.date_done <= r.date_received
                and (
                    not d.product_id or not r.product_id or d.product_id == r.product_id
                )
            )[:1]
            request.repeat_of_id = previous.sudo(False)
            request.is_repeat = bool(previous)
            request.repeat_rate = 100.0 if previous else 0.0

    @api.depends("line_ids.hours")
    def _compute_total_hours(self):
        for request in self:
            request.total_hours = sum(request.line_ids.mapped("hours"))

    def _compute_callback_ids(self):
        callbacks = self.env["cs.callback"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        by_request = callbacks.grouped("res_id")
        for request in self:
            request.callback_ids = by_request.get(request.id, callbacks.browse())
            request.callback_count = len(request.callback_ids)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/service/{request.id}"
        return res

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------

    @api.constrains("problem")
    def _check_problem(self):
        for request in self:
            if (
                is_html_empty(request.problem)
                or not html2plaintext(request.problem or "").strip()
            ):
                raise ValidationError(
                    self.env._("Describe the problem: the description is empty.")
                )

    @api.constrains("technician_id")
    def _check_technician(self):
        for request in self.filtered("technician_id"):
            technician = request.technician_id.sudo()
            if not technician.job_id.cs_is_technician or not technician.user_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot be dispatched: a technician is an "
                        "employee with a user whose job position is flagged "
                        "Service Technician.",
                        employee=technician.name,
                    )
                )

    # ------------------------------------------------------------------
    # portal: what a customer may read
    # ------------------------------------------------------------------

    def _cs_portal_readable_fields(self):
        return PORTAL_READABLE_FIELDS

    def message_post(self, **kwargs):
        """A customer's message is a comment, never an internal note."""
        user = self.env.user
        if user._is_portal() or user._is_public():
            kwargs.pop("subtype_id", None)
            kwargs["subtype_xmlid"] = "mail.mt_comment"
            kwargs["message_type"] = "comment"
            kwargs["is_internal"] = False
        return super().message_post(**kwargs)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | WORKFLOW_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_guard_create(vals_list)
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                # sudo: numbering is not a right of the user
                vals["name"] = (
                    self.env["ir.sequence"]
                    .sudo()
                    .with_company(company)
                    .next_by_code("cs.service.request")
                    or "/"
                )
        with allow_protected_writes():
            requests = super().create(vals_list)
            requests._cs_update_sla_status()
        requests._cs_subscribe_customers()
        requests._cs_send_template("cs_service.mail_template_service_ack")
        return requests

    def write(self, vals):
        self._cs_guard_write(vals)
        reassigned = self.browse()
        if "technician_id" in vals and not protected_writes_allowed(self.env):
            reassigned = self.filtered(
                lambda r: r.technician_id.id != (vals["technician_id"] or False)
            )
            if not vals["technician_id"] and reassigned.filtered(
                lambda r: r.state in FIELD_STATES
            ):
                raise UserError(
                    self.env._(
                        "A dispatched service request keeps a technician: choose "
                        "another one, or cancel the request."
                    )
                )
            closed = reassigned.filtered(lambda r: r.state in FINAL_STATES)
            if closed:
                raise UserError(
                    self.env._(
                        "Service request %(number)s is over: its technician cannot "
                        "be changed.",
                        number=closed[0].name,
                    )
                )
        with allow_protected_writes():
            res = super().write(vals)
            if {"state", "date_received", "zone", "company_id"} & set(vals):
                self._cs_update_sla_status()
        reassigned.filtered(
            lambda r: r.state in FIELD_STATES
        )._cs_sync_technician_activity()
        if "date_scheduled" in vals:
            (self - reassigned).filtered(
                lambda r: r.state in FIELD_STATES
            )._cs_move_technician_activity()
        return res

    def _cs_subscribe_customers(self):
        """The customers follow their requests (portal, notices), in one
        statement for the batch instead of one subscription per request."""
        _all, _internal, external_ids = self.env[
            "mail.message.subtype"
        ]._default_subtypes(self._name)
        followed = [(r.id, r.partner_id.id) for r in self if r.partner_id.active]
        insert_followers(
            self.env,
            self._name,
            [res_id for res_id, _pid in followed],
            [pid for _res_id, pid in followed],
            external_ids,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registered(self):
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._(
                    "Service requests are cancelled, never deleted: ask an "
                    "administrator."
                )
            )

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        for request in self.filtered("partner_id"):
            request._message_add_suggested_recipient(
                recipients, partner=request.partner_id, reason=self.env._("Customer")
            )
        return recipients

    # ------------------------------------------------------------------
    # state machine
    # ------------------------------------------------------------------

    def _cs_check_state(self, allowed, action):
        states = dict(self._fields["state"]._description_selection(self.env))
        for request in self:
            if request.state not in allowed:
                raise UserError(
                    self.env._(
                        "Service request %(number)s is %(state)s: it cannot be "
                        "%(action)s now.",
                        number=request.name,
                        state=states[request.state],
                        action=action,
                    )
                )

    def _cs_check_group(self, group_xmlid, action):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            raise AccessError(
                self.env._(
                    "Only %(group)s may %(action)s a service request.",
                    group=self.env.ref(group_xmlid).name,
                    action=action,
                )
            )

    def _cs_check_technician_or_supervisor(self, action):
        """The request's own technician works it; a supervisor may stand in."""
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        for request in self:
            if request.technician_user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the technician of service request %(number)s or a "
                        "supervisor may %(action)s it.",
                        number=request.name,
                        action=action,
                    )
                )

    @workflow_action
    def action_reply(self):
        """The customer was answered (the time of the visit, advice...)."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("answer"))
        self._cs_check_state(("new", "dispatched"), self.env._("answered"))
        self.filtered(lambda r: not r.date_replied).write(
            {"date_replied": fields.Datetime.now()}
        )
        return True

    @workflow_action
    def action_dispatch(self, technician=None):
        """Send a technician: they get an activity and follow the request."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("dispatch"))
        self._cs_check_state(("new",), self.env._("dispatched"))
        if technician:
            self.write({"technician_id": technician.id})
        for request in self:
            if not request.technician_id:
                raise UserError(
                    self.env._(
                        "Choose the technician of service request %(number)s before "
                        "dispatching it.",
                        number=request.name,
                    )
                )
            if not (request.street or request.city):
                raise UserError(
                    self.env._(
                        "Service request %(number)s has no address: write where the "
                        "technician must go.",
                        number=request.name,
                    )
                )
        now = fields.Datetime.now()
        for request in self:
            request.write(
                {
                    "state": "dispatched",
                    "date_dispatched": now,
                    "date_replied": request.date_replied or now,
                    "dispatch_in_time": bool(
                        request.date_dispatch_deadline
                        and now <= request.date_dispatch_deadline
                    ),
                }
            )
        self._cs_sync_technician_activity()
        return True

    @workflow_action
    def action_start(self):
        """The technician arrived at the customer's (到场)."""
        self._cs_check_state(("dispatched",), self.env._("started"))
        self._cs_check_technician_or_supervisor(self.env._("start"))
        self.write({"state": "on_site", "date_started": fields.Datetime.now()})
        return True

    @workflow_action
    def action_done(self):
        """The repair is finished: the customer's opinion card (意见卡) is
        requested as an after-service callback (G2)."""
        self._cs_check_state(("on_site",), self.env._("completed"))
        self._cs_check_technician_or_supervisor(self.env._("complete"))
        for request in self:
            if not (request.result or "").strip():
                raise UserError(
                    self.env._(
                        "Write the result of the work on service request %(number)s "
                        "before completing it.",
                        number=request.name,
                    )
                )
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        self._cs_close_technician_activity()
        self._cs_request_opinion_cards()
        return True

    @workflow_action
    def action_close(self):
        """Archive the case with the customer's signed voucher (G5)."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("close"))
        self._cs_check_state(("done",), self.env._("closed"))
        for request in self:
            # any attachment is not a signature: the portal signature or the
            # scan attached as the signed voucher (action_attach_voucher)
            if not request.signed_on and not request.signed_voucher_id:
                raise UserError(
                    self.env._(
                        "Service request %(number)s has no voucher signed by the "
                        "customer: let the customer sign in the portal, or attach "
                        "the scanned signed voucher with Attach Signed Voucher, "
                        "before closing it.",
                        number=request.name,
                    )
                )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    def action_attach_voucher(self):
        """Open the wizard that archives the scanned voucher signed by the
        customer on paper (G5)."""
        self.ensure_one()
        self._cs_check_voucher_right()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attach Signed Voucher"),
            "res_model": "cs.service.voucher.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def _cs_check_voucher_right(self):
        """The agent, or the request's technician (or a supervisor), archives
        the signed voucher of a done request."""
        if not self.env.user.has_group("cs_member.group_cs_agent"):
            self._cs_check_technician_or_supervisor(
                self.env._("attach the signed voucher of")
            )
        self._cs_check_state(("done",), self.env._("given a signed voucher"))

    @workflow_action
    def _cs_attach_signed_voucher(self, file_name, data):
        """Archive ``data`` (base64) as the customer's signed voucher of the
        request: the only way, with the portal signature, to set
        ``signed_voucher_id``."""
        self.ensure_one()
        self._cs_check_voucher_right()
        # sudo: the attachment is the request's, created by its own action
        # after the right was checked above
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": file_name,
                    "datas": data,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.write({"signed_voucher_id": attachment.id})
        self.message_post(
            body=self.env._("Scanned signed voucher attached"),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        return attachment

    @workflow_action
    def action_cancel(self):
        self._cs_check_group("cs_member.group_cs_agent", self.env._("cancel"))
        self._cs_check_state(("new", "dispatched", "on_site"), self.env._("cancelled"))
        for request in self:
            if not (request.cancel_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write why service request %(number)s is cancelled.",
                        number=request.name,
                    )
                )
        self.write({"state": "cancelled"})
        self._cs_close_technician_activity()
        return True

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_callback.cs_callback_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_customer_sign(self):
        """The customer signs the voucher on the technician's phone or
        tablet: the request's portal page, with its access token, where the
        portal's signature widget is."""
        self.ensure_one()
        self._cs_check_state(("done",), self.env._("signed"))
        if not self.env.user.has_group("cs_member.group_cs_agent"):
            self._cs_check_technician_or_supervisor(self.env._("hand over for signing"))
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "Service request %(number)s is already signed.", number=self.name
                )
            )
        return {
            "type": "ir.actions.act_url",
            "url": self.get_portal_url(anchor="service_signature"),
            "target": "self",
        }

    def action_propose_improvement(self):
        """G4: the selected repairs of recurring defects go to each product's
        owner as an improvement proposal (an activity on the product); a
        product without an owner goes to the after-sales manager."""
        self._cs_check_group(
            "cs_member.group_cs_supervisor", self.env._("propose an improvement from")
        )
        with_product = self.filtered("product_id")
        if not with_product:
            raise UserError(
                self.env._(
                    "Select the repairs of a product to propose its improvement."
                )
            )
        lines = []
        for product, requests in with_product.grouped("product_id").items():
            owner, fallback = requests._cs_improvement_owner()
            # sudo: the supervisor proposes, the product's owner acts on it;
            # neither needs to edit the product for that
            product.product_tmpl_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._(
                    "Improve %(product)s: %(count)s repairs, %(repeats)s repeat visits",
                    product=product.display_name,
                    count=len(requests),
                    repeats=len(requests.filtered("is_repeat")),
                ),
                note=requests._cs_improvement_note(fallback)
                + self._cs_defect_note(product),
                user_id=owner.id,
            )
            lines.append(
                self.env._(
                    "%(product)s: proposed to %(owner)s",
                    product=product.display_name,
                    owner=owner.name,
                )
                if not fallback
                else self.env._(
                    "%(product)s has no product owner: proposed to the after-sales "
                    "manager %(owner)s",
                    product=product.display_name,
                    owner=owner.name,
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Improvement Proposed"),
                "message": "\n".join(lines),
                "type": "success",
                "sticky": False,
            },
        }

    def _cs_improvement_owner(self):
        """The owner of the requests' product, else the after-sales manager
        (and whether it is the fallback)."""
        owner = self.product_id.product_tmpl_id.sudo().cs_owner_id
        if owner:
            return owner, False
        company = self.company_id[:1] or self.env.company
        manager = company._cs_service_manager()
        if not manager:
            raise UserError(
                self.env._(
                    "%(product)s has no product owner and the company no after-sales "
                    "manager: set one of them first.",
                    product=self.product_id.display_name,
                )
            )
        return manager, True

    def _cs_improvement_note(self, fallback):
        rows = Markup("").join(
            Markup("<li>%s — %s%s</li>")
            % (
                request.name,
                html2plaintext(request.problem or "").strip()[:200],
                self.env._(" (repeat visit)") if request.is_repeat else "",
            )
            for request in self
        )
        intro = (
            self.env._(
                "No product owner is set on this product: the proposal comes to "
                "you as the after-sales manager."
            )
            if fallback
            else self.env._("Repairs of this product to analyse:")
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (intro, rows)

    # ------------------------------------------------------------------
    # recurring defects (G4)
    # ------------------------------------------------------------------

    @api.model
    def _cs_defect_domain(self, date_from, date_to, company):
        """The repairs done in the company's days ``date_from`` to
        ``date_to``: the population of the repeat rate."""
        start, stop = company._cs_utc_bounds(date_from, date_to)
        return [
            ("company_id", "=", company.id),
            ("product_id", "!=", False),
            ("state", "in", ("done", "closed")),
            ("date_done", ">=", start),
            ("date_done", "<", stop),
        ]

    @api.model
    def _cs_defect_figures(
        self, date_from, date_to, company, groupby=DEFECT_GROUPBY, domain=None
    ):
        """The one computation of the recurring defects (G4): the repairs
        done from ``date_from`` to ``date_to`` (company's days) grouped by
        ``groupby`` (e.g. ``date_done:month``, in the company's time zone),
        with their repeat visits (``is_repeat``, owned by
        ``_compute_repeat_of_id``) and repeat rate. One grouped query; the
        rows come most repeated first, as dicts keyed by the groupby specs
        and ``done``, ``repeats``, ``repeat_rate``. The pivot, the XLSX
        export and the improvement proposal all read it."""
        groupby = list(groupby)
        groups = self.with_context(tz=company._cs_tz().zone)._read_group(
            self._cs_defect_domain(date_from, date_to, company) + (domain or []),
            groupby,
            ["__count", "repeat_rate:avg"],
        )
        rows = []
        for *keys, done, average in groups:
            repeats = round((average or 0.0) * done / 100.0)
            row = dict(zip(groupby, keys, strict=True))
            row.update(done=done, repeats=repeats, repeat_rate=rate(repeats, done))
            rows.append(row)
        rows.sort(key=lambda r: (-r["repeats"], -r["done"]))
        return rows

    def _cs_defect_note(self, product):
        """The figures of ``product`` over the last three months, by problem
        category, for its improvement proposal."""
        company = self.company_id[:1] or self.env.company
        today = company._cs_today()
        date_from = today.replace(day=1) - relativedelta(months=2)
        rows = self._cs_defect_figures(
            date_from,
            today,
            company,
            groupby=("problem_category_id",),
            domain=[("product_id", "=", product.id)],
        )
        if not rows:
            return Markup("")
        items = Markup("").join(
            Markup("<li>%s: %s</li>")
            % (
                row["problem_category_id"].display_name
                or self.env._("No problem category"),
                self.env._(
                    "%(done)s repairs done, %(repeats)s repeat visits (%(rate)s)",
                    done=row["done"],
                    repeats=row["repeats"],
                    rate=format_rate(row["repeat_rate"]),
                ),
            )
            for row in rows
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._(
                "Repairs done since %(date)s by problem category:", date=date_from
            ),
            items,
        )

    def action_print_voucher(self):
        return self.env.ref(
            "cs_service.cs_service_request_report_voucher"
        ).report_action(self)

    # ------------------------------------------------------------------
    # dispatch, opinion card, messages
    # ------------------------------------------------------------------

    def _cs_dispatch_activity_type(self):
        return self.env.ref("cs_service.mail_activity_type_service_visit")

    def _cs_sync_technician_activity(self):
        """The technician of each request has its visit activity and follows
        it; a previous technician's activity goes away."""
        activity_type = self._cs_dispatch_activity_type()
        # sudo: the agent plans the work of technicians, whose activities they
        # may not write themselves
        Activity = self.env["mail.activity"].sudo()
        activities = Activity.search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        by_request = activities.grouped("res_id")
        model_id = self.env["ir.model"]._get_id(self._name)
        stale = Activity
        vals_list = []
        for request in self:
            user = request.technician_user_id
            current = by_request.get(request.id, Activity)
            stale |= current.filtered(lambda a, u=user: a.user_id != u)
            if not user or current.filtered(lambda a, u=user: a.user_id == u):
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": request.id,
                    "res_name": request.display_name,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "summary": self.env._(
                        "Visit %(customer)s: %(city)s",
                        customer=request.partner_id.name,
                        city=request.city or "",
                    ),
                    "note": html2plaintext(request.problem or ""),
                    "date_deadline": request._cs_visit_day(),
                    "automated": True,
                }
            )
            request.sudo().message_subscribe(partner_ids=user.partner_id.ids)
        stale.unlink()
        Activity.create(vals_list)

    def _cs_move_technician_activity(self):
        """A rescheduled visit moves the technician's visit activity to the
        company's day of the new date, in one write per day."""
        activity_type = self._cs_dispatch_activity_type()
        # sudo: the agent reschedules the technician's visit, whose activity
        # they may not write themselves
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        by_request = activities.grouped("res_id")
        by_day = {}
        for request in self.filtered(lambda r: r.id in by_request):
            day = request._cs_visit_day()
            by_day[day] = by_day.get(day, activities.browse()) | by_request[request.id]
        for day, moved in by_day.items():
            moved.filtered(lambda a, d=day: a.date_deadline != d).write(
                {"date_deadline": day}
            )

    def _cs_visit_day(self):
        """The company's day of the scheduled visit (else today)."""
        self.ensure_one()
        if not self.date_scheduled:
            return self.company_id._cs_today()
        tz = self.company_id._cs_tz()
        return pytz.utc.localize(self.date_scheduled).astimezone(tz).date()

    def _cs_close_technician_activity(self):
        # sudo: the activity belongs to the technician, the request closes it
        self.sudo().activity_unlink(
            [
                "cs_service.mail_activity_type_service_visit",
                "cs_service.mail_activity_type_service_escalation",
            ]
        )

    def _cs_request_opinion_cards(self):
        """One after-service callback per request, called by the request's
        agent (else the customer's agent)."""
        for request in self:
            # sudo: the technician completes the repair; the card is planned
            # in the customer's contact window, which agents only may read
            callbacks = request._cs_request_callback(
                "after_service",
                request.partner_id.sudo(),
                deadline_days=request.company_id.cs_service_callback_days,
            )
            agent = request.partner_id.cs_agent_id or request.user_id
            if agent:
                # sudo: the technician who completes the repair hands the
                # card to the customer-service agent
                callbacks.filtered(lambda c, a=agent: c.user_id != a).sudo().write(
                    {"user_id": agent.id}
                )

    def _cs_promised_time(self):
        """The dispatch deadline in the customer's (else company's) time
        zone, for the acknowledgement."""
        self.ensure_one()
        if not self.date_dispatch_deadline:
            return ""
        tz = self.partner_id.tz or self.company_id._cs_tz().zone
        return fields.Datetime.context_timestamp(
            self.with_context(tz=tz), self.date_dispatch_deadline
        ).strftime("%Y-%m-%d %H:%M")

    # ------------------------------------------------------------------
    # customer signature (portal)
    # ------------------------------------------------------------------

    def _has_to_be_signed(self):
        self.ensure_one()
        return self.state == "done" and not self.signed_on

    @workflow_action
    def _cs_sign(self, name, signature):
        """Record the customer's signature and archive the signed voucher as
        an attachment (G5)."""
        self.ensure_one()
        if not self._has_to_be_signed():
            raise UserError(
                self.env._(
                    "Service request %(number)s is not waiting for a signature.",
                    number=self.name,
                )
            )
        self.write(
            {
                "signature": signature,
                "signed_by": name,
                "signed_on": fields.Datetime.now(),
            }
        )
        # sudo: the customer signs; the voucher is rendered with the
        # company's rights
        pdf = (
            self.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("cs_service.cs_service_request_report_voucher", self.ids)[
                0
            ]
        )
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._("%(number)s signed.pdf", number=self.name),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        self.write({"signed_voucher_id": attachment.id})
        self.sudo().message_post(
            body=self.env._("Voucher signed by %(name)s", name=name),
            attachment_ids=attachment.ids,
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return attachment

    # ------------------------------------------------------------------
    # hooks of cs.sla.mixin, the suite's deadline status and escalation
    # ------------------------------------------------------------------

    def _cs_sla_final_status(self):
        """A cancelled request keeps its status; a dispatched one has the
        status of its dispatch."""
        if self.state == "cancelled":
            return self.sla_status or "on_track"
        if self.date_dispatched:
            return "on_track" if self.dispatch_in_time else "breached"
        return None

    def _cs_sla_pending(self):
        pending = []
        if not self.date_replied and self.date_reply_deadline:
            pending.append((self.date_received, self.date_reply_deadline))
        if not self.date_dispatched and self.date_dispatch_deadline:
            pending.append((self.date_received, self.date_dispatch_deadline))
        return pending

    def _cs_sla_at_risk_ratio(self):
        return (self.company_id.cs_service_at_risk_percent or 0.0) / 100.0

    @api.model
    def _cs_sla_open_domain(self):
        return [("state", "=", "new")]

    def _cs_escalation_target(self, level, cache):
        """1 the agent's team leader (else the after-sales manager), 2 the
        after-sales manager."""
        self.ensure_one()
        company = self.company_id
        if company not in cache:
            cache[company] = company._cs_service_manager()
        if level == 1:
            return self.user_id.cs_team_id.leader_id or cache[company]
        return cache[company]

    def _cs_escalation_delay_hours(self):
        return self.company_id.cs_service_escalation_hours

    def _cs_escalation_activity_type(self):
        return self.env.ref("cs_service.mail_activity_type_service_escalation")

    def _cs_escalation_summary(self):
        return self.env._(
            "Late service request %(number)s escalated to you", number=self.name
        )
