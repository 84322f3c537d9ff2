# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext
from odoo.tools.sql import create_index

from odoo.addons.cs_member.models.cs_protected_mixin import (
    workflow_action,
)
from odoo.addons.cs_member.models.followers import insert_followers

from . import figures_store
from .cs_callback_plan import CHANNEL_SELECTION, KIND_SELECTION

RETRY_OUTCOMES = ("no_answer", "busy")
# set by generation, the buttons and the customer's answers only
WORKFLOW_FIELDS = {
    "plan_id",
    "date_done",
    "attempt_count",
    "lead_id",
    "survey_user_input_id",
    "res_model",
    "res_id",
}
# what the agent records of the call: fixed once the callback is over
RESULT_FIELDS = {
    "outcome",
    "satisfaction",
    "score",
    "feedback",
    "unsatisfied_reason",
    "interested_upgrade",
}
SLOT_SEARCH_DAYS = 8


def _hour(value):
    """The time of day of ``value`` in hours (float), seconds included, so
    that a slot is never rounded down before the earliest time."""
    seconds = value.second + value.microsecond / 1e6
    return value.hour + value.minute / 60.0 + seconds / 3600.0


def _allowed_intervals(window, quiet_start, quiet_end):
    """Hours of a day inside ``window`` (from, to) and outside the quiet hours
    (which may wrap around midnight), as a list of (from, to)."""
    if quiet_start == quiet_end:
        quiet = []
    elif quiet_start < quiet_end:
        quiet = [(quiet_start, quiet_end)]
    else:
        quiet = [(quiet_start, 24.0), (0.0, quiet_end)]
    intervals = [window]
    for q_from, q_to in quiet:
        cut = []
        for i_from, i_to in intervals:
            if q_to <= i_from or q_from >= i_to:
                cut.append((i_from, i_to))
                continue
            if i_from < q_from:
                cut.append((i_from, q_from))
            if q_to < i_to:
                cut.append((q_to, i_to))
        intervals = cut
    return sorted(i for i in intervals if i[1] > i[0])


class CsCallback(models.Model):
    """One callback (回访记录): who calls whom, when, and what the customer
    said."""

    _name = "cs.callback"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Callback"
    _order = "scheduled_at, id"
    _check_company_auto = True
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    partner_mobile = fields.Char(related="partner_id.mobile", string="Mobile")
    plan_id = fields.Many2one(
        "cs.callback.plan", index="btree_not_null", readonly=True, check_company=True
    )
    kind = fields.Selection(
        KIND_SELECTION, required=True, default="routine", index=True
    )
    channel = fields.Selection(CHANNEL_SELECTION, required=True, default="phone")
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    date_deadline = fields.Date(
        string="Deadline",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self._default_date_deadline(),
    )
    scheduled_at = fields.Datetime(index=True, tracking=True)
    date_done = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    attempt_count = fields.Integer(readonly=True, copy=False)
    outcome = fields.Selection(
        [
            ("reached", "Reached"),
            ("no_answer", "No Answer"),
            ("busy", "Busy"),
            ("wrong_number", "Wrong Number"),
            ("refused", "Refused"),
        ],
        tracking=True,
        copy=False,
    )
    satisfaction = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("average", "Average"),
            ("unsatisfied", "Unsatisfied"),
        ],
        tracking=True,
        copy=False,
        index=True,
    )
    score = fields.Integer(
        help="Satisfaction score from 1 (worst) to 5 (best).", copy=False
    )
    feedback = fields.Text(copy=False)
    unsatisfied_reason = fields.Text(copy=False)
    interested_upgrade = fields.Boolean(
        string="Interested in Renewal/Upgrade", copy=False
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", readonly=True, copy=False
    )
    survey_user_input_id = fields.Many2one(
        "survey.user_input",
        string="Survey Answer",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    res_model = fields.Char(string="Source Model", index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    script_text = fields.Text(compute="_compute_script_text")

    @api.depends("state", "date_deadline")
    def _compute_is_overdue(self):
        today = self.env.company._cs_today()
        for callback in self:
            callback.is_overdue = callback.state == "todo" and (
                callback.date_deadline < today if callback.date_deadline else False
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue callbacks."))
        overdue = [
            ("state", "=", "todo"),
            ("date_deadline", "<", self.env.company._cs_today()),
        ]
        return overdue if (operator == "=") == value else ["!", *overdue]

    @api.depends("plan_id.script_id", "partner_id", "user_id", "satisfaction")
    def _compute_script_text(self):
        for callback in self:
            script = callback.plan_id.script_id
            if not script:
                callback.script_text = False
                continue
            closing = (
                script.closing_satisfied
                if callback.satisfaction == "satisfied"
                else script.closing_unsatisfied
            )
            parts = [script.opening, script.question]
            if callback.satisfaction:
                parts.append(closing)
            callback.script_text = "\n\n".join(
                script._render_text(part, callback.partner_id, callback.user_id)
                for part in parts
            )

    @api.constrains("score")
    def _check_score(self):
        for callback in self:
            if callback.score and not 1 <= callback.score <= 5:
                raise ValidationError(
                    self.env._("The satisfaction score must be between 1 and 5.")
                )

    @api.constrains("scheduled_at", "company_id")
    def _check_scheduled_at(self):
        for callback in self.filtered("scheduled_at"):
            local = callback._cs_localize(
                callback.scheduled_at, callback.company_id, callback.partner_id
            )
            if callback.company_id._cs_is_quiet_hour(_hour(local)):
                raise ValidationError(
                    self.env._(
                        "%(time)s is inside the quiet hours: customers are not "
                        "called during their rest time. Choose another time.",
                        time=local.strftime("%Y-%m-%d %H:%M"),
                    )
                )

    def _default_date_deadline(self):
        """A callback is done within the company's deadline (C4: 3 days)."""
        company = self.env.company
        return company._cs_today() + timedelta(days=company.cs_callback_deadline_days)

    def init(self):
        res = super().init()
        # partial indexes of the figures (cs.callback.figures), on the
        # completed callbacks only: the callbacks to do, most of the rows
        # written by the plans' generation, stay out of them.
        # - the callbacks made in a period (done or failed, by date_done),
        #   grouped by agent for the assessment; the aggregated columns are
        #   read from the table, so the agent is not worth a key column
        create_index(
            self.env.cr,
            "cs_callback_completed_date_done_index",
            self._table,
            ["date_done"],
            where="state IN ('done', 'failed')",
        )
        # - the member's last done callback (coverage): an index-only
        #   backward scan per member instead of reading all its callbacks
        create_index(
            self.env.cr,
            "cs_callback_done_partner_date_done_index",
            self._table,
            ["partner_id", "date_done", "company_id"],
            where="state = 'done'",
        )
        # the figures kept aggregated by triggers (figures_store), built
        # again from the callbacks on every install and update
        figures_store.install(self.env.cr)
        return res

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | WORKFLOW_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        # plans and the coverage cron create callbacks by the thousand: the
        # agents follow theirs through one insert per agent, instead of one
        # subscription and one "assigned to you" e-mail per callback
        callbacks = super(
            CsCallback, self.with_context(cs_callback_no_auto_follow=True)
        ).create(vals_list)
        callbacks._cs_subscribe_agents()
        return callbacks.with_env(self.env)

    def _cs_locked_fields(self):
        """What the agent recorded of the call is fixed once it is over."""
        return RESULT_FIELDS if self.state != "todo" else set()

    def _cs_locked_message(self):
        return self.env._(
            "The callback of %(customer)s is over: what was recorded "
            "of the call cannot be changed.",
            customer=self.partner_id.display_name,
        )

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        if self.env.context.get("cs_callback_no_auto_follow"):
            return []
        return super()._message_auto_subscribe_followers(
            updated_values, default_subtype_ids
        )

    @workflow_action
    def _cs_send_channel_messages(self):
        """Send the first message of the callbacks made by message (e-mail
        here; ``cs_callback_sms`` adds SMS), right after their plan generated
        them. Each channel picks its own callbacks."""
        self._send_email_callbacks()

    @workflow_action
    def _send_email_callbacks(self):
        """Send the plan's e-mail template to the customers of these e-mail
        callbacks, in batch: the callback stays to do until the customer
        answers (by reply or through the plan's survey)."""
        for template, callbacks in (
            self.filtered(lambda c: c.channel == "email" and c.state == "todo")
            .grouped(lambda c: c.plan_id.mail_template_id)
            .items()
        ):
            with_email = callbacks.filtered("partner_id.email")
            if not template or not with_email:
                continue
            # rendered with the rights of whoever generates the plan: the
            # survey link comes from _cs_survey_url(), not from the template
            template.send_mail_batch(with_email.ids)
            with_email.write({"attempt_count": 1})

    def _cs_survey_url(self):
        """The link to the plan's survey that the customer receives (e-mail
        and SMS templates), empty without a survey."""
        self.ensure_one()
        # sudo: the start link is what the customer gets anyway; agents and
        # supervisors may not read survey records themselves
        survey = self.plan_id.survey_id.sudo()
        return survey.get_base_url() + survey.get_start_url() if survey else ""

    def _message_post_after_hook(self, message, msg_vals):
        """A customer's e-mail reply to an e-mail callback is their answer:
        the customer is reached and their words become the feedback, the
        agent confirms the satisfaction and records the call."""
        res = super()._message_post_after_hook(message, msg_vals)
        if (
            msg_vals.get("message_type") == "email"
            and len(self) == 1
            and self.state == "todo"
            and self.channel == "email"
            and self.partner_id
            and msg_vals.get("author_id") == self.partner_id.id
        ):
            text = html2plaintext(message.body or "").strip()
            vals = {"outcome": "reached"}
            if text:
                vals["feedback"] = (
                    f"{self.feedback}\n\n{text}" if self.feedback else text
                )
            # sudo: the customer's incoming e-mail is posted without the
            # agent's rights
            self.sudo().write(vals)
        return res

    @workflow_action
    def action_done(self):
        """Record the call: reached customers close the callback, unreached
        ones are called again later, up to the configured attempts."""
        for callback in self:
            if callback.state != "todo":
                raise UserError(self.env._("Only callbacks to do can be completed."))
            if not callback.outcome:
                raise UserError(
                    self.env._(
                        "Record the outcome of the call to %(customer)s first.",
                        customer=callback.partner_id.display_name,
                    )
                )
            if (
                callback.satisfaction == "unsatisfied"
                and not (callback.unsatisfied_reason or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Write down why %(customer)s is unsatisfied.",
                        customer=callback.partner_id.display_name,
                    )
                )
        retry = self.filtered(lambda c: c.outcome in RETRY_OUTCOMES)
        retry._reschedule()
        failed = (self - retry).filtered(lambda c: c.outcome == "wrong_number")
        failed.write({"state": "failed", "date_done": fields.Datetime.now()})
        done = self - retry - failed
        done.write({"state": "done", "date_done": fields.Datetime.now()})
        done._after_done()
        return True

    @workflow_action
    def action_cancel(self):
        todo = self.filtered(lambda c: c.state == "todo")
        todo._cs_check_cancel()
        todo.write({"state": "cancelled"})
        return True

    def _cs_check_cancel(self):
        """Hook: refuse to cancel callbacks the user may not cancel (e.g.
        the callback a resolved complaint requested, ``cs_complaint``)."""
        return True

    def _cs_subscribe_agents(self):
        """The agents follow their callbacks."""
        self._cs_insert_agent_followers(
            [(callback.id, callback.user_id.partner_id) for callback in self]
        )

    @api.model
    def _cs_insert_agent_followers(self, pairs):
        """Subscribe each (callback id, agent partner) pair's active partner
        with the default subtypes, in one statement for the batch (the
        suite's bulk followers, 5x Odoo's _insert_followers: see the
        cs_member.followers_* benchmark cases)."""
        followed = [(res_id, partner.id) for res_id, partner in pairs if partner.active]
        insert_followers(
            self.env,
            self._name,
            [res_id for res_id, __ in followed],
            [partner_id for __, partner_id in followed],
            self.env["mail.message.subtype"]._default_subtypes(self._name)[0],
        )

    def _reschedule(self):
        now = fields.Datetime.now()
        for callback in self:
            attempts = callback.attempt_count + 1
            company = callback.company_id
            if attempts >= company.cs_callback_max_attempts:
                callback.write(
                    {"attempt_count": attempts, "state": "failed", "date_done": now}
                )
                continue
            earliest = now + timedelta(hours=company.cs_callback_retry_hours)
            callback.write(
                {
                    "attempt_count": attempts,
                    "outcome": False,
                    "scheduled_at": self._cs_next_slot(
                        callback.partner_id, earliest, company
                    ),
                }
            )

    def _after_done(self):
        unsatisfied = self.filtered(lambda c: c.satisfaction == "unsatisfied")
        unsatisfied._schedule_follow_up()
        self.filtered("interested_upgrade")._create_leads()

    def _schedule_follow_up(self):
        activity_type = self.env.ref("cs_callback.mail_activity_type_follow_up")
        for callback in self:
            supervisor = (
                callback.plan_id.supervisor_id
                or callback.user_id.cs_team_id.leader_id
                or callback.user_id
            )
            callback.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=supervisor.id,
                summary=self.env._(
                    "Unsatisfied customer: %(customer)s",
                    customer=callback.partner_id.name,
                ),
                note=callback.unsatisfied_reason,
            )

    def _create_leads(self):
        Lead = self.env["crm.lead"]
        for callback in self.filtered(lambda c: not c.lead_id):
            partner = callback.partner_id
            # sudo: agents may not create leads, the sales team owns them
            callback.lead_id = Lead.sudo().create(
                {
                    "name": self.env._(
                        "Renewal/upgrade interest: %(customer)s", customer=partner.name
                    ),
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id,
                    "type": "opportunity",
                    "description": callback.feedback,
                }
            )

    @api.model
    def _prepare_request_vals(self, kind, partner, deadline_days, record):
        company = self.env.company
        today = company._cs_today()
        return {
            "partner_id": partner.id,
            "kind": kind,
            "user_id": partner.cs_agent_id.id or self.env.user.id,
            "date_deadline": today + timedelta(days=deadline_days),
            "scheduled_at": self._cs_next_slot(partner, fields.Datetime.now(), company),
            "res_model": record._name,
            "res_id": record.id,
            "company_id": company.id,
        }

    @api.model
    def _cs_get_tz(self, partner, company):
        """The time zone of the customer's rest time: the customer's, else the
        user's, else the company's."""
        return pytz.timezone(
            partner.tz or self.env.user.tz or company.partner_id.tz or "UTC"
        )

    @api.model
    def _cs_localize(self, value, company, partner=None):
        tz = self._cs_get_tz(partner or self.env["res.partner"], company)
        return pytz.utc.localize(value).astimezone(tz)

    @api.model
    def _cs_next_slot(self, partner, earliest, company):
        """First time at or after ``earliest`` (naive UTC) inside the
        customer's contact window and outside the company's quiet hours, in
        the customer's time zone (else the user's or the company's).
        The company's rest time wins over a window entirely inside it."""
        tz = self._cs_get_tz(partner, company)
        window = partner._cs_get_contact_hours()
        quiet = (company.cs_quiet_hour_start, company.cs_quiet_hour_end)
        intervals = _allowed_intervals(window, *quiet) or _allowed_intervals(
            (0.0, 24.0), *quiet
        )
        local = pytz.utc.localize(earliest).astimezone(tz)
        for day in range(SLOT_SEARCH_DAYS):
            date = local.date() + timedelta(days=day)
            for start, end in intervals:
                hours = start if day else max(start, _hour(local))
                if hours >= end:
                    continue
                minutes = math.ceil(hours * 60 - 1e-6)
                if minutes >= 24 * 60:
                    continue
                naive = datetime.combine(date, time(minutes // 60, minutes % 60))
                return tz.localize(naive).astimezone(pytz.utc).replace(tzinfo=None)
        return earliest
