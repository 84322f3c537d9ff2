# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import copy
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, html2plaintext, is_html_empty

from odoo.addons.cs_callback.models.bulk import (
    can_log_creation_notes,
    create_activities,
    log_creation_notes,
)
from odoo.addons.cs_member.models.cs_protected_mixin import (
    allow_protected_writes,
    workflow_action,
)
from odoo.addons.cs_member.models.followers import insert_followers

from .cs_complaint_sla import SEVERITY_SELECTION

STATE_SELECTION = [
    ("new", "New"),
    ("assessed", "Accepted"),
    ("investigating", "Investigating"),
    ("proposed", "Solution Proposed"),
    ("approved", "Solution Approved"),
    ("implementing", "Implementing"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
]
CHANNEL_SELECTION = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("walk_in", "Visit"),
    ("letter", "Letter"),
    ("web", "Web Form"),
    ("portal", "Customer Portal"),
    ("callback", "Callback"),
]
OPEN_STATES = (
    "new",
    "assessed",
    "investigating",
    "proposed",
    "approved",
    "implementing",
)
FINAL_STATES = ("resolved", "closed", "rejected")
HIGH_SEVERITIES = ("serious", "critical")
# fields whose change moves the deadlines
DEADLINE_FIELDS = {
    "date_received",
    "severity",
    "category_id",
    "company_id",
    "date_routed",
}


def _sort_id(record):
    """A record's id for ordering, new (unsaved) records last."""
    if isinstance(record.id, int):
        return record.id
    return record._origin.id or 2**62


# fields that only the workflow sets (cs.protected.mixin)
WORKFLOW_FIELDS = {
    "name",
    "approved_by_id",
    "date_approved",
    "date_accepted",
    "sla_id",
    "date_ack_deadline",
    "date_reply_deadline",
    "date_resolve_deadline",
    "date_ack",
    "date_routed",
    "date_reply",
    "date_resolved",
    "date_closed",
    "sla_met",
    "handling_hours",
    "is_manager_alerted",
    "is_ack_pending",
    "is_repeat",
    "repeat_of_id",
    "reopen_count",
    "is_valid",
}
# what a proposal fixes: changed only after reopening the complaint
PROPOSAL_FIELDS = {"severity", "compensation_amount", "compensation_kind"}
PROPOSED_STATES = ("proposed", "approved", "implementing", "resolved", "closed")


class CsComplaint(models.Model):
    """A customer complaint (投诉) and its closed loop: accepted, judged,
    investigated, solved with the leader's approval, implemented with the
    customer's acceptance, called back and closed, in working-day deadlines."""

    _name = "cs.complaint"
    _inherit = [
        "portal.mixin",
        "mail.thread.cc",
        "mail.activity.mixin",
        "cs.callback.mixin",
        # deadlines, status and escalation (a cs.sla.mixin)
        "cs.complaint.deadline",
        "cs.phone.lookup.mixin",
        "cs.complaint.department.inbox",
        # portal field whitelist and batch notices
        "cs.portal.case.mixin",
    ]
    _description = "Complaint"
    _order = "date_received desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"
    _primary_email = "email_from"

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
    )
    subject = fields.Char(tracking=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    email_from = fields.Char(
        string="E-mail", compute="_compute_email_from", store=True, readonly=False
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
    category_id = fields.Many2one(
        "cs.complaint.category",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    severity = fields.Selection(
        SEVERITY_SELECTION,
        required=True,
        compute="_compute_severity",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    description = fields.Html(sanitize=True, sanitize_style=True, required=True)
    customer_request = fields.Text(string="Customer's Request")
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="A new complaint goes to its category's department; the agent may "
        "choose another. Setting or changing it asks the department to reply.",
    )
    responsible_employee_ids = fields.Many2many(
        "hr.employee", string="Responsible Persons", tracking=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
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
    reject_reason = fields.Text(string="Reason of Rejection", copy=False)
    root_cause = fields.Text(copy=False)
    solution = fields.Text(copy=False)
    compensation_amount = fields.Monetary(copy=False, tracking=True)
    compensation_kind = fields.Selection(
        [
            ("cash", "Cash"),
            ("voucher", "Voucher"),
            ("points", "Member Points"),
            ("replacement", "Replacement"),
            ("repair", "Repair"),
            ("other", "Other"),
        ],
        copy=False,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    customer_accepted = fields.Boolean(
        compute="_compute_customer_accepted",
        store=True,
        copy=False,
        tracking=True,
        help="The customer accepted the solution by signing it (portal or the "
        "agent's tablet).",
    )
    date_accepted = fields.Datetime(string="Accepted On", copy=False)
    customer_feedback = fields.Text(copy=False)
    summary = fields.Text(
        string="Summary and Improvement",
        copy=False,
        help="Evaluation of the case and the improvement proposed.",
    )
    date_ack = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    date_routed = fields.Datetime(string="Routed On", readonly=True, copy=False)
    date_reply = fields.Datetime(
        string="Department Replied On", readonly=True, copy=False
    )
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    sla_met = fields.Boolean(
        string="Solved in Time", readonly=True, copy=False, help="Set at resolution."
    )
    handling_hours = fields.Float(
        readonly=True, copy=False, help="Hours from receipt to resolution."
    )
    is_manager_alerted = fields.Boolean(readonly=True, copy=False)
    is_ack_pending = fields.Boolean(
        string="Acknowledgement to Send",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The customer's acknowledgement e-mail is queued: a scheduled action "
        "sends the queued ones in batch right after the registration.",
    )
    is_repeat = fields.Boolean(
        string="Repeat Complaint",
        compute="_compute_is_repeat",
        store=True,
        help="The customer complained in the same category within the configured "
        "window.",
    )
    repeat_of_id = fields.Many2one(
        "cs.complaint", compute="_compute_is_repeat", store=True
    )
    reopen_count = fields.Integer(readonly=True, copy=False)
    is_valid = fields.Boolean(
        string="Valid", compute="_compute_is_valid", store=True, help="Not rejected."
    )
    penalty_ids = fields.One2many(
        "cs.complaint.penalty", "complaint_id", string="Penalties"
    )
    reply_ids = fields.One2many(
        "cs.complaint.reply", "complaint_id", string="Department Replies"
    )
    callback_ids = fields.One2many(
        "cs.callback", compute="_compute_callback_ids", string="Callbacks"
    )
    callback_count = fields.Integer(compute="_compute_callback_ids")
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

    @api.depends("partner_id.email")
    def _compute_email_from(self):
        for complaint in self:
            if complaint.partner_id.email:
                complaint.email_from = complaint.partner_id.email

    @api.depends("state")
    def _compute_is_valid(self):
        for complaint in self:
            complaint.is_valid = complaint.state != "rejected"

    def _cs_takes_category_defaults(self):
        """A complaint being registered takes its category's department and
        severity; a saved one keeps what its handler chose."""
        return not self._origin.id and self.state not in PROPOSED_STATES

    @api.depends("category_id")
    def _compute_severity(self):
        for complaint in self:
            default = complaint.category_id.default_severity
            if (
                default
                and complaint.severity in (False, "normal")
                and complaint._cs_takes_category_defaults()
            ):
                complaint.severity = default
            else:
                complaint.severity = complaint.severity or "normal"

    @api.depends("category_id")
    def _compute_department_id(self):
        for complaint in self:
            department = complaint.category_id.department_id
            if (
                department
                and not complaint.department_id
                and complaint._cs_takes_category_defaults()
            ):
                complaint.department_id = department
            else:
                complaint.department_id = complaint.department_id

    @api.depends("partner_id", "category_id", "date_received", "company_id")
    def _compute_is_repeat(self):
        """Flag a complaint when the same customer complained in the same
        category within the company's window; one query for the batch."""
        candidates = self.filtered(
            lambda c: c.partner_id and c.category_id and c.date_received
        )
        (self - candidates).update({"is_repeat": False, "repeat_of_id": False})
        if not candidates:
            return
        longest = max(candidates.company_id.mapped("cs_complaint_repeat_days") or [0])
        earliest = min(candidates.mapped("date_received")) - timedelta(days=longest)
        domain = [
            ("partner_id", "in", candidates.partner_id.ids),
            ("category_id", "in", candidates.category_id.ids),
            ("date_received", ">=", earliest),
        ]
        real_ids = [i for i in candidates.ids if isinstance(i, int)]
        if real_ids:
            domain.append(("id", "not in", real_ids))
        earlier = self.sudo().search_fetch(
            domain,
            ["partner_id", "category_id", "date_received"],
            order="date_received",
        )
        history = {}
        for other in earlier:
            history.setdefault((other.partner_id.id, other.category_id.id), []).append(
                (other.date_received, other.id)
            )
        for other in candidates:
            history.setdefault((other.partner_id.id, other.category_id.id), []).append(
                (other.date_received, _sort_id(other))
            )
        for complaint in candidates:
            days = complaint.company_id.cs_complaint_repeat_days
            key = (complaint.date_received, _sort_id(complaint))
            since = complaint.date_received - timedelta(days=days)
            previous = [
                item
                for item in history.get(
                    (complaint.partner_id.id, complaint.category_id.id), []
                )
                if since <= item[0] and item < key
            ]
            if previous and days:
                complaint.is_repeat = True
                complaint.repeat_of_id = self.browse(max(previous)[1])
            else:
                complaint.is_repeat = False
                complaint.repeat_of_id = False

    def _compute_callback_ids(self):
        callbacks = self.env["cs.callback"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        )
        by_complaint = callbacks.grouped("res_id")
        for complaint in self:
            complaint.callback_ids = by_complaint.get(complaint.id, callbacks.browse())
            complaint.callback_count = len(complaint.callback_ids)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"
        return res

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for complaint in self:
            complaint.display_name = (
                f"{complaint.name} {complaint.subject}"
                if complaint.subject
                else complaint.name
            )

    # ------------------------------------------------------------------
    # constraints and onchanges
    # ------------------------------------------------------------------

    @api.constrains("description")
    def _check_description(self):
        for complaint in self:
            if (
                is_html_empty(complaint.description)
                or not html2plaintext(complaint.description or "").strip()
            ):
                raise ValidationError(
                    self.env._("Describe the complaint: the description is empty.")
                )

    @api.constrains("compensation_amount")
    def _check_compensation(self):
        for complaint in self:
            if complaint.compensation_amount < 0:
                raise ValidationError(self.env._("A compensation cannot be negative."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | WORKFLOW_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_guard_create(vals_list)
        now = fields.Datetime.now()
        # the category's department routes the complaint, whichever the
        # channel (form, portal, e-mail, import): compute it before routing
        vals_list = self._cs_add_missing_default_values(vals_list)
        self._add_precomputed_values(vals_list)
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        for vals, number in zip(
            unnamed, self._cs_next_numbers(len(unnamed)), strict=True
        ):
            vals["name"] = number
        for vals in vals_list:
            if vals.get("department_id"):
                vals.setdefault("date_routed", now)
        # imports and the public form create complaints by the thousand: the
        # customers and handlers follow theirs through one insert each,
        # instead of one subscription and one "assigned to you" e-mail per
        # complaint
        # the creation notes are logged with one insert for the batch
        # (bulk.log_creation_notes) rather than one mail.message created
        # per complaint by mail.thread
        log_notes = can_log_creation_notes(self)
        context = {"cs_complaint_no_auto_follow": True}
        if log_notes:
            context["mail_create_nolog"] = True
        with allow_protected_writes():
            complaints = super(CsComplaint, self.with_context(**context)).create(
                vals_list
            )
            complaints = complaints.with_env(self.env)
            if log_notes:
                log_creation_notes(complaints)
            complaints._cs_subscribe_customers()
            complaints._cs_update_sla_status()
            complaints._cs_after_intake()
        return complaints

    @api.model
    def _cs_add_missing_default_values(self, vals_list):
        """``_add_missing_default_values`` of each of ``vals_list``, with one
        ``default_get`` per set of given fields instead of one per complaint:
        the defaults do not depend on the values given (no ``_inherits``)."""
        defaults_of = {}
        complete_list = []
        for vals in vals_list:
            key = frozenset(vals)
            if key not in defaults_of:
                complete = self._add_missing_default_values(vals)
                defaults_of[key] = {
                    fname: value
                    for fname, value in complete.items()
                    if fname not in vals
                }
                complete_list.append(complete)
            else:
                # a copy: commands and lists are not shared between records
                complete_list.append(dict(copy.deepcopy(defaults_of[key]), **vals))
        return complete_list

    @api.model
    def _cs_next_numbers(self, count):
        """``count`` complaint numbers from the sequence, with one query for
        the batch when the sequence is a standard (PostgreSQL) one."""
        if not count:
            return []
        # sudo: numbering is not a right of the user; ir.sequence is
        # readable by administrators only
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "cs.complaint"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        if not sequence:
            return ["/"] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        # as sequence.get_next_char(number), with the prefix and suffix
        # interpolated once for the batch instead of once per number
        prefix, suffix = sequence._get_prefix_suffix()
        return [
            f"{prefix}{number:0{sequence.padding}d}{suffix}"
            for [number] in self.env.cr.fetchall()
        ]

    def write(self, vals):
        self._cs_guard_write(vals)
        rerouted = self.browse()
        if "department_id" in vals:
            department_id = vals["department_id"] or False
            # writing the same department again keeps the reply clock
            rerouted = self.filtered(lambda c: c.department_id.id != department_id)
        with allow_protected_writes():
            if rerouted:
                routing = {
                    "date_routed": fields.Datetime.now() if department_id else False,
                    "date_reply": vals.get("date_reply", False),
                }
                res = super(CsComplaint, rerouted).write(dict(vals, **routing))
                if self - rerouted:
                    super(CsComplaint, self - rerouted).write(vals)
            else:
                res = super().write(vals)
            if DEADLINE_FIELDS & set(vals) or {
                "date_ack",
                "date_reply",
                "state",
                "department_id",
            } & set(vals):
                self._cs_update_sla_status()
            rerouted.filtered("department_id")._cs_request_department_reply()
            if vals.get("severity") in HIGH_SEVERITIES:
                self._cs_alert_manager()
        return res

    def _cs_locked_fields(self):
        """Severity and compensation are what the leader approves: once a
        solution is proposed they change only after reopening."""
        return PROPOSAL_FIELDS if self.state in PROPOSED_STATES else set()

    def _cs_locked_message(self):
        return self.env._(
            "The severity and the compensation of complaint %(number)s were "
            "fixed by its proposed solution: reopen the complaint to "
            "change them.",
            number=self.name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_administrator(self):
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._(
                    "Complaints are archived, never deleted: ask an administrator."
                )
            )

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        if self.env.context.get("cs_complaint_no_auto_follow"):
            return []
        return super()._message_auto_subscribe_followers(
            updated_values, default_subtype_ids
        )

    def _cs_subscribe_customers(self):
        """The customers (portal, notices) and the handlers follow their
        complaints, in two set-based statements for the whole batch (the
        customers with the public default subtypes, the handlers with all
        default subtypes), instead of one subscription per complaint."""
        if not self:
            return
        all_ids, _internal_ids, external_ids = self.env[
            "mail.message.subtype"
        ]._default_subtypes(self._name)
        for partner_of, subtype_ids in (
            (lambda c: c.partner_id, external_ids),
            (lambda c: c.user_id.partner_id, all_ids),
        ):
            followed = [(c.id, partner_of(c)) for c in self]
            followed = [(res_id, p.id) for res_id, p in followed if p and p.active]
            insert_followers(
                self.env,
                self._name,
                [res_id for res_id, _pid in followed],
                [pid for _res_id, pid in followed],
                subtype_ids,
            )

    def _cs_after_intake(self):
        """What follows the registration: the department's reply request, the
        manager's alert for serious cases, the customer's acknowledgement."""
        self.filtered("department_id")._cs_request_department_reply()
        self._cs_alert_manager()
        self._cs_queue_acknowledgements()

    def _cs_queue_acknowledgements(self):
        """Queue the acknowledgement e-mails and wake their scheduled action:
        rendering them in one batch after the commit keeps the registration
        of many complaints (imports, the e-mail gateway) fast."""
        to_ack = self.filtered("partner_id.email")
        if not to_ack:
            return
        to_ack.sudo().write({"is_ack_pending": True})
        cron = self.env.ref(
            "cs_complaint.ir_cron_complaint_ack", raise_if_not_found=False
        )
        if cron:
            cron.sudo()._trigger()

    @api.model
    @workflow_action
    def _cron_send_acknowledgements(self, batch_size=500):
        """Send the queued acknowledgements (number and promised answer
        date) in batches."""
        pending = self.search([("is_ack_pending", "=", True)], order="id")
        total = len(pending)
        for start in range(0, total, batch_size):
            # its own prefetch set: the composer invalidates the cache after
            # each batch, and a slice of ``pending`` would fetch every pending
            # complaint again each time
            batch = self.browse(pending.ids[start : start + batch_size])
            batch._cs_send_template("cs_complaint.mail_template_complaint_ack")
            # the flag is not tracked: without mail_notrack, mail.thread
            # would read every tracked field of the batch for nothing
            batch.with_context(mail_notrack=True).write({"is_ack_pending": False})
            if self.env.context.get("cron_id"):
                self.env["ir.cron"]._notify_progress(
                    done=start + len(batch), remaining=total - start - len(batch)
                )
        return total

    # ------------------------------------------------------------------
    # mail gateway
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint by e-mail: the sender becomes the customer (matched by
        e-mail, else created), the subject and body are kept."""
        values = dict(custom_values or {})
        email = (msg_dict.get("email_from") or "").strip()
        partner = self.env["res.partner"]
        if msg_dict.get("author_id"):
            partner = partner.browse(msg_dict["author_id"]).exists()
        if not partner and email:
            partner = self._cs_partner_from_email(email)
        body = msg_dict.get("body") or ""
        if is_html_empty(body) or not html2plaintext(body).strip():
            body = self.env._("<p>(The e-mail had no text.)</p>")
        # mail.thread names the record after the subject: the number comes
        # from the sequence, the subject goes to its own field
        values.setdefault("name", "/")
        values.setdefault("partner_id", partner.id)
        values.setdefault("channel", "email")
        values.setdefault(
            "subject", msg_dict.get("subject") or self.env._("Complaint by e-mail")
        )
        values.setdefault("description", body)
        values.setdefault("email_from", email)
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _cs_partner_from_email(self, email):
        """The customer of an e-mail address: the existing contact, else a new
        one named after the address."""
        # sudo: the mail gateway runs as the public/OdooBot user; the lookup
        # only reads and creates the sender's contact
        Partner = self.env["res.partner"].sudo()
        partners = Partner._mail_find_partner_from_emails([email], force_create=False)
        if partners and partners[0]:
            return partners[0].sudo(False)
        return Partner.browse(Partner.name_create(email)[0]).sudo(False)

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        for complaint in self.filtered("partner_id"):
            complaint._message_add_suggested_recipient(
                recipients, partner=complaint.partner_id, reason=self.env._("Customer")
            )
        return recipients

    # ------------------------------------------------------------------
    # state machine
    # ------------------------------------------------------------------

    def _cs_check_state(self, allowed, action):
        for complaint in self:
            if complaint.state not in allowed:
                states = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "Complaint %(number)s is %(state)s: "
                        "it cannot be %(action)s now.",
                        number=complaint.name,
                        state=states[complaint.state],
                        action=action,
                    )
                )

    def _cs_check_group(self, group_xmlid, action):
        if not self.env.su and not self.env.user.has_group(group_xmlid):
            group = self.env.ref(group_xmlid)
            raise AccessError(
                self.env._(
                    "Only %(group)s may %(action)s a complaint.",
                    group=group.name,
                    action=action,
                )
            )

    def _cs_require(self, condition, message):
        if not condition:
            raise UserError(message)

    @workflow_action
    def action_assess(self):
        """Accept the complaint (受理): it stands and is categorised."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("accept"))
        self._cs_check_state(("new",), self.env._("accepted"))
        for complaint in self:
            complaint._cs_require(
                complaint.category_id,
                self.env._(
                    "Choose the category of complaint %(number)s before accepting it.",
                    number=complaint.name,
                ),
            )
        now = fields.Datetime.now()
        for complaint in self:
            complaint.write(
                {
                    "state": "assessed",
                    "date_ack": complaint.date_ack or now,
                    "user_id": complaint.user_id.id or self.env.user.id,
                }
            )
        return True

    @workflow_action
    def action_reject(self):
        """The complaint does not stand: the customer is told why."""
        self._cs_check_group("cs_member.group_cs_supervisor", self.env._("reject"))
        self._cs_check_state(
            ("new", "assessed", "investigating"), self.env._("rejected")
        )
        for complaint in self:
            complaint._cs_require(
                (complaint.reject_reason or "").strip(),
                self.env._(
                    "Write the reason of the rejection of complaint %(number)s: the "
                    "customer receives it.",
                    number=complaint.name,
                ),
            )
        now = fields.Datetime.now()
        for complaint in self:
            complaint.write(
                {
                    "state": "rejected",
                    "date_closed": now,
                    "date_ack": complaint.date_ack or now,
                }
            )
        self._cs_send_template("cs_complaint.mail_template_complaint_rejected")
        self._cs_close_activities()
        return True

    @workflow_action
    def action_investigate(self):
        """Investigate the cause and who is responsible; also sends a proposal
        back for rework."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("investigate"))
        self._cs_check_state(("assessed", "proposed"), self.env._("investigated"))
        self.write({"state": "investigating"})
        return True

    @workflow_action
    def action_propose(self):
        """Propose the solution once the root cause and the responsible
        department or persons are known."""
        self._cs_check_group(
            "cs_member.group_cs_agent", self.env._("propose a solution for")
        )
        self._cs_check_state(("investigating",), self.env._("proposed"))
        for complaint in self:
            complaint._cs_require(
                (complaint.root_cause or "").strip(),
                self.env._(
                    "Write the root cause of complaint %(number)s before proposing a "
                    "solution.",
                    number=complaint.name,
                ),
            )
            complaint._cs_require(
                complaint.department_id or complaint.responsible_employee_ids,
                self.env._(
                    "Name the responsible department or persons of complaint "
                    "%(number)s before proposing a solution.",
                    number=complaint.name,
                ),
            )
            complaint._cs_require(
                (complaint.solution or "").strip(),
                self.env._(
                    "Describe the solution of complaint %(number)s.",
                    number=complaint.name,
                ),
            )
            if complaint.compensation_amount and not complaint.compensation_kind:
                raise UserError(
                    self.env._(
                        "Say how complaint %(number)s compensates the customer (cash, "
                        "voucher...).",
                        number=complaint.name,
                    )
                )
        self.write({"state": "proposed"})
        return True

    def _cs_needs_manager_approval(self):
        self.ensure_one()
        return (
            self.severity in HIGH_SEVERITIES
            or self.compensation_amount
            > self.company_id.cs_complaint_compensation_limit
        )

    @workflow_action
    def action_approve(self):
        """The leader approves the solution: supervisors for ordinary cases,
        a manager for serious or critical ones and large compensations."""
        self._cs_check_group("cs_member.group_cs_supervisor", self.env._("approve"))
        self._cs_check_state(("proposed",), self.env._("approved"))
        for complaint in self:
            if complaint._cs_needs_manager_approval():
                complaint._cs_check_group(
                    "cs_member.group_cs_manager",
                    self.env._("approve a serious or costly solution of"),
                )
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        return True

    @workflow_action
    def action_implement(self):
        self._cs_check_group("cs_member.group_cs_agent", self.env._("implement"))
        self._cs_check_state(("approved",), self.env._("implemented"))
        self.write({"state": "implementing"})
        return True

    @workflow_action
    def action_resolve(self):
        """The customer accepted the solution: notify them and ask for a
        callback within the configured days (C8)."""
        self._cs_check_group("cs_member.group_cs_agent", self.env._("resolve"))
        self._cs_check_state(("implementing",), self.env._("resolved"))
        for complaint in self:
            complaint._cs_require(
                complaint.customer_accepted,
                self.env._(
                    "Complaint %(number)s needs the customer's acceptance of the "
                    "solution before it is resolved.",
                    number=complaint.name,
                ),
            )
        now = fields.Datetime.now()
        for complaint in self:
            complaint.write(
                {
                    "state": "resolved",
                    "date_resolved": now,
                    "date_accepted": complaint.date_accepted or now,
                    "sla_met": bool(
                        complaint.date_resolve_deadline
                        and now <= complaint.date_resolve_deadline
                    ),
                    "handling_hours": (now - complaint.date_received).total_seconds()
                    / 3600.0,
                }
            )
        self._cs_send_template("cs_complaint.mail_template_complaint_resolved")
        self._cs_tell_responsible_persons()
        for company, complaints in self.grouped("company_id").items():
            for complaint in complaints:
                complaint._cs_request_callback(
                    "after_complaint",
                    complaint.partner_id,
                    deadline_days=company.cs_complaint_callback_days,
                )
        self._cs_close_activities()
        return True

    @workflow_action
    def action_close(self):
        """Archive the case once summarised and evaluated (D3 step 6)."""
        self._cs_check_group("cs_member.group_cs_supervisor", self.env._("close"))
        self._cs_check_state(("resolved",), self.env._("closed"))
        for complaint in self:
            complaint._cs_require(
                (complaint.summary or "").strip(),
                self.env._(
                    "Write the summary and evaluation of complaint %(number)s before "
                    "closing it.",
                    number=complaint.name,
                ),
            )
        self.write({"state": "closed", "date_closed": fields.Datetime.now()})
        return True

    @workflow_action
    def action_reopen(self, reason=None):
        """Back to investigation, e.g. the customer is not satisfied after
        all."""
        self._cs_check_group("cs_member.group_cs_supervisor", self.env._("reopen"))
        self._cs_check_state(("resolved", "closed"), self.env._("reopened"))
        for complaint in self:
            complaint.write(
                {
                    "state": "investigating",
                    "reopen_count": complaint.reopen_count + 1,
                    # the solution changes: the customer signs again
                    "customer_signature": False,
                    "customer_signed_by": False,
                    "date_accepted": False,
                    "date_resolved": False,
                    "date_closed": False,
                    "sla_met": False,
                }
            )
            if reason:
                complaint.message_post(
                    body=self.env._("Reopened: %(reason)s", reason=reason),
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_callback.cs_callback_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_department_reply(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Department Reply"),
            "res_model": "cs.complaint.reply.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    # ------------------------------------------------------------------
    # routing, alerts, messages
    # ------------------------------------------------------------------

    def _cs_request_department_reply(self):
        """The department's manager gets an activity to reply within the
        policy's working days (and follows the complaint); one create for
        the batch."""
        activity_type = self.env.ref("cs_complaint.mail_activity_type_department_reply")
        vals_list = []
        no_manager = {}
        for complaint in self:
            manager = complaint.department_id.manager_id.user_id
            if not manager:
                no_manager[complaint.id] = self.env._(
                    "Department %(department)s has no manager with a user: nobody "
                    "was asked to reply.",
                    department=complaint.department_id.display_name,
                )
                continue
            vals_list.append(
                complaint._cs_activity_vals(
                    activity_type,
                    manager,
                    self.env._(
                        "Reply within %(days)s working days",
                        days=complaint.sla_id.reply_days or 3,
                    ),
                    (complaint.date_reply_deadline or fields.Datetime.now()).date(),
                )
            )
        if no_manager:
            self.browse(list(no_manager))._message_log_batch(bodies=no_manager)
        # sudo: the handler asks another department's manager, whose
        # activities and follower entries they may not write themselves
        self._cs_create_activities(vals_list)

    def _cs_alert_manager(self):
        """Serious and critical complaints are reported upward at once (D4)."""
        high = self.filtered(
            lambda c: (
                c.severity in HIGH_SEVERITIES
                and not c.is_manager_alerted
                and c.state not in FINAL_STATES
            )
        )
        if not high:
            return
        activity_type = self.env.ref("cs_complaint.mail_activity_type_serious")
        vals_list = []
        managers = {
            company: company._cs_complaint_manager() for company in high.company_id
        }
        for complaint in high:
            manager = managers[complaint.company_id]
            if manager:
                vals_list.append(
                    complaint._cs_activity_vals(
                        activity_type,
                        manager,
                        self.env._(
                            "Serious complaint: %(number)s", number=complaint.name
                        ),
                        complaint.company_id._cs_today(),
                    )
                )
        # sudo: the agent who registers a serious complaint alerts the
        # manager, whose activities they may not create
        self._cs_create_activities(vals_list)
        high.sudo().write({"is_manager_alerted": True})

    def _cs_activity_model(self):
        """mail.activity, without the assignment e-mail of each activity when
        many complaints are handled at once: the manager finds them in their
        activities instead of one e-mail per complaint."""
        Activity = self.env["mail.activity"]
        if len(self) > 1:
            Activity = Activity.with_context(mail_activity_quick_update=True)
        return Activity

    def _cs_create_activities(self, vals_list):
        """Create the activities of ``vals_list`` as superuser: one by one
        through the ORM (with the assignment e-mail) for one complaint, in
        one insert (bulk.create_activities) for many."""
        # sudo: the callers ask other users (department managers, the
        # complaint manager) to act, in activities they may not create
        return create_activities(
            self._cs_activity_model().sudo(), self._name, vals_list
        )

    def _cs_activity_note(self):
        return html2plaintext(self.description or "")

    def _cs_close_activities(self):
        self.activity_unlink(
            [
                "cs_complaint.mail_activity_type_department_reply",
                "cs_complaint.mail_activity_type_escalation",
            ]
        )

    # ------------------------------------------------------------------
    # the deadline status at each state (cs.complaint.deadline plans the
    # deadlines and escalates)
    # ------------------------------------------------------------------

    def _cs_sla_final_status(self):
        """A rejected complaint keeps its status; a resolved one has the
        status of its result."""
        if self.state == "rejected":
            return self.sla_status or "on_track"
        if self.state in ("resolved", "closed"):
            return "on_track" if self.sla_met else "breached"
        return False

    @api.model
    def _cs_sla_open_domain(self):
        return [("state", "in", OPEN_STATES)]
