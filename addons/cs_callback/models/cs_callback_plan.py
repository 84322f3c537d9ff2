# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import heapq
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action
from odoo.addons.cs_member.models.res_partner import GRADE_SELECTION

from .bulk import (
    can_insert_threads,
    insert_rows,
    thread_created,
)

KIND_SELECTION = [
    ("routine", "Routine"),
    ("after_service", "After Service"),
    ("after_complaint", "After Complaint"),
    ("occasion", "Holiday / Anniversary"),
    ("expiry", "Card Expiry"),
    ("satisfaction_survey", "Satisfaction Survey"),
]
CHANNEL_SELECTION = [("phone", "Phone"), ("email", "E-mail"), ("sms", "SMS")]
GENERATE_BATCH = 2000
# the create() overrides whose work the set-based generation does itself:
# mail.thread's (followers, creation note), the callbacks' (agents follow
# theirs), the protected fields' guard (generation is a workflow action) and
# mail.message's (author, message id, reply-to: given)
CALLBACK_CREATE_KNOWN = (
    "odoo.addons.cs_callback.models.cs_callback",
    "odoo.addons.cs_member.models.cs_protected_mixin",
)


class CsCallbackPlan(models.Model):
    """A callback campaign (回访计划): which customers, by which channel and
    script, by whom and within how many days."""

    _name = "cs.callback.plan"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Callback Plan"
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KIND_SELECTION, required=True, default="routine")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    channel = fields.Selection(CHANNEL_SELECTION, required=True, default="phone")
    level_ids = fields.Many2many("cs.member.level", string="Member Levels")
    grades = fields.Char(
        help="Comma-separated customer grades to include (key, important, normal, "
        "potential); empty includes every grade. Chosen with the grade boxes of "
        "the form."
    )
    # the form's choice of grades, kept in ``grades`` (the contract's field)
    grade_key = fields.Boolean(
        string="Key Accounts", compute="_compute_grade_flags", inverse="_inverse_grades"
    )
    grade_important = fields.Boolean(
        string="Important", compute="_compute_grade_flags", inverse="_inverse_grades"
    )
    grade_normal = fields.Boolean(
        string="Normal", compute="_compute_grade_flags", inverse="_inverse_grades"
    )
    grade_potential = fields.Boolean(
        string="Potential", compute="_compute_grade_flags", inverse="_inverse_grades"
    )
    members_only = fields.Boolean(default=True)
    partner_domain = fields.Char(
        string="Customer Filter",
        default="[]",
        help="Additional domain on contacts, e.g. [('city', '=', 'Shanghai')].",
    )
    script_id = fields.Many2one("cs.callback.script")
    survey_id = fields.Many2one("survey.survey")
    mail_template_id = fields.Many2one(
        "mail.template",
        string="E-mail Template",
        domain=[("model", "=", "cs.callback")],
        default=lambda self: self.env.ref(
            "cs_callback.mail_template_callback_email", raise_if_not_found=False
        ),
        help="Sent to each customer of an e-mail plan when its callbacks are "
        "generated; the reply is recorded on the callback.",
    )
    agent_ids = fields.Many2many("res.users", string="Agents")
    deadline_days = fields.Integer(
        default=lambda self: self.env.company.cs_callback_deadline_days,
        help="Each callback must be done within this many days (C4).",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        help="Receives the follow-up of unsatisfied customers.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    callback_ids = fields.One2many("cs.callback", "plan_id", string="Callbacks")
    callback_count = fields.Integer(compute="_compute_callback_stats")
    done_count = fields.Integer(compute="_compute_callback_stats")

    @api.depends("callback_ids.state")
    def _compute_callback_stats(self):
        groups = self.env["cs.callback"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        )
        totals, done = {}, {}
        for plan, state, count in groups:
            totals[plan.id] = totals.get(plan.id, 0) + count
            if state == "done":
                done[plan.id] = count
        for plan in self:
            plan.callback_count = totals.get(plan.id, 0)
            plan.done_count = done.get(plan.id, 0)

    @api.constrains("deadline_days")
    def _check_deadline_days(self):
        if any(plan.deadline_days < 1 for plan in self):
            raise ValidationError(
                self.env._("The callback deadline must be at least one day.")
            )

    @api.depends("grades")
    def _compute_grade_flags(self):
        for plan in self:
            chosen = set(plan._get_grades())
            for code, _label in GRADE_SELECTION:
                plan[f"grade_{code}"] = code in chosen

    def _inverse_grades(self):
        for plan in self:
            plan.grades = ", ".join(
                code for code, _label in GRADE_SELECTION if plan[f"grade_{code}"]
            )

    @api.constrains("grades")
    def _check_grades(self):
        valid = {code for code, _label in GRADE_SELECTION}
        for plan in self:
            unknown = set(plan._get_grades()) - valid
            if unknown:
                raise ValidationError(
                    self.env._(
                        "Unknown customer grade(s) %(grades)s; use %(valid)s.",
                        grades=", ".join(sorted(unknown)),
                        valid=", ".join(sorted(valid)),
                    )
                )

    @api.constrains("partner_domain")
    def _check_partner_domain(self):
        for plan in self:
            try:
                plan._get_partner_domain()
            except Exception as error:
                raise ValidationError(
                    self.env._(
                        "The customer filter of plan %(plan)s is not a valid "
                        "domain: %(error)s",
                        plan=plan.name,
                        error=error,
                    )
                ) from error

    @workflow_action
    def action_generate(self):
        """Create the plan's callbacks in one batch: one per selected
        customer without an open callback of this plan, skipping "do not
        call", spread over the agents by their open load and scheduled inside
        the customer's contact window, outside the quiet hours."""
        self.ensure_one()
        self._check_generate()
        partners = self._get_partners_to_call()
        callbacks = self.env["cs.callback"]
        if partners:
            callbacks = self._create_callbacks(self._prepare_callbacks(partners))
            callbacks._cs_send_channel_messages()
        if self.state == "draft":
            self.state = "running"
        self.message_post(
            body=self.env._("%(count)s callbacks generated.", count=len(callbacks)),
            message_type="notification",
        )
        return callbacks

    @workflow_action
    def action_done(self):
        self._check_generate_right()
        self.write({"state": "done"})

    @workflow_action
    def action_cancel(self):
        self._check_generate_right()
        self.callback_ids.filtered(lambda c: c.state == "todo").action_cancel()
        self.write({"state": "cancelled"})

    @workflow_action
    def action_draft(self):
        self._check_generate_right()
        self.write({"state": "draft"})

    def action_view_callbacks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_callback.cs_callback_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    def _get_grades(self):
        self.ensure_one()
        return [g.strip() for g in (self.grades or "").split(",") if g.strip()]

    def _get_partner_domain(self):
        self.ensure_one()
        domain = safe_eval(self.partner_domain or "[]")
        if not isinstance(domain, list | tuple):
            raise ValueError(self.env._("a domain is a list"))
        return list(domain)

    def _get_partners_to_call(self):
        domain = self._get_partner_domain() + [("cs_do_not_call", "=", False)]
        if self.members_only:
            domain.append(("cs_is_member", "=", True))
        if self.level_ids:
            domain.append(("cs_level_id", "in", self.level_ids.ids))
        if self._get_grades():
            domain.append(("cs_grade", "in", self._get_grades()))
        open_partner_ids = {
            partner.id
            for [partner] in self.env["cs.callback"]._read_group(
                [("plan_id", "=", self.id), ("state", "=", "todo")], ["partner_id"]
            )
        }
        if open_partner_ids:
            domain.append(("id", "not in", list(open_partner_ids)))
        return self.env["res.partner"].search(domain, order="id")

    def _create_callbacks(self, vals_list):
        """Create the generated callbacks with what ``create()`` leaves
        behind: the rows, the user who generates and the agent as followers,
        a creation note each. Set-based (``bulk.insert_rows``) when no
        installed module changes what ``mail.thread`` does at creation;
        otherwise through ``create()`` in batches."""
        Callback = self.env["cs.callback"]
        if not self._can_insert_callbacks(vals_list):
            callbacks = Callback
            for start in range(0, len(vals_list), GENERATE_BATCH):
                callbacks |= Callback.create(vals_list[start : start + GENERATE_BATCH])
            return callbacks
        varying = ("partner_id", "user_id", "scheduled_at")
        callbacks = insert_rows(
            Callback.with_context(cs_callback_no_auto_follow=True),
            {
                fname: value
                for fname, value in vals_list[0].items()
                if fname not in varying
            },
            {fname: [vals[fname] for vals in vals_list] for fname in varying},
            validate_apart=("scheduled_at",),
        ).with_env(self.env)
        # the quiet-hours constraint reads the time, the company and the
        # customer's time zone: one callback per distinct time and zone
        # answers for the others
        zones = (
            self.env["res.partner"]
            .browse([vals["partner_id"] for vals in vals_list])
            .mapped("tz")
        )
        samples = {}
        for callback_id, vals, zone in zip(
            callbacks.ids, vals_list, zones, strict=True
        ):
            samples.setdefault((vals["scheduled_at"], zone), callback_id)
        Callback.browse(list(samples.values()))._validate_fields(["scheduled_at"])
        self._cs_thread_created(callbacks, [vals["user_id"] for vals in vals_list])
        return callbacks

    def _can_insert_callbacks(self, vals_list):
        """Whether the set-based creation writes what ``create()`` would:
        the generated values differ by customer, agent and time only, and no
        module adds per-record work to the creation of a callback (tracking
        template, creation subtype, followers through a parent record)."""
        Callback = self.env["cs.callback"]
        constant = set(vals_list[0]) - {"partner_id", "user_id", "scheduled_at"}
        if any(
            vals.keys() != vals_list[0].keys()
            or any(vals[fname] != vals_list[0][fname] for fname in constant)
            for vals in vals_list
        ):
            return False
        return can_insert_threads(Callback, vals_list[0], CALLBACK_CREATE_KNOWN)

    def _cs_thread_created(self, callbacks, agent_ids):
        """What ``mail.thread.create`` and ``cs.callback.create`` do after
        the insert, for the whole set: the user who generates follows the
        callbacks (unless ``mail_create_nosubscribe``), the agents follow
        theirs, and each gets its creation note (``_message_log_batch``:
        author the user, subtype note, no notification), unless
        ``mail_create_nolog``; their tracking starts after the transaction."""
        thread_created(callbacks)
        Callback = self.env["cs.callback"]
        # as cs.callback._cs_subscribe_agents, from the agents just written
        # instead of reading them back from 100,000 callbacks
        partner_of = {
            user.id: user.partner_id
            for user in self.env["res.users"].browse(
                {agent_id for agent_id in agent_ids if agent_id}
            )
        }
        Callback._cs_insert_agent_followers(
            [
                (callback_id, partner_of[agent_id])
                for callback_id, agent_id in zip(callbacks.ids, agent_ids, strict=True)
                if agent_id
            ]
        )

    def _prepare_callbacks(self, partners):
        agents = self.agent_ids.sorted("id")
        load = dict(
            self.env["cs.callback"]._read_group(
                [("user_id", "in", agents.ids), ("state", "=", "todo")],
                ["user_id"],
                ["__count"],
            )
        )
        heap = [(load.get(agent, 0), agent.id) for agent in agents]
        heapq.heapify(heap)
        now = fields.Datetime.now()
        deadline = self.company_id._cs_today() + timedelta(days=self.deadline_days)
        Callback = self.env["cs.callback"]
        partners.fetch(
            ["cs_contact_window", "cs_contact_hour_from", "cs_contact_hour_to", "tz"]
        )
        # the slot depends on the customer's time zone and contact hours only
        # (and on now and the company, the same for all): computed once each
        slots = {}
        vals_list = []
        for partner in partners:
            count, agent_id = heapq.heappop(heap)
            key = (partner.tz, partner._cs_get_contact_hours())
            if key not in slots:
                slots[key] = Callback._cs_next_slot(partner, now, self.company_id)
            vals_list.append(
                {
                    "plan_id": self.id,
                    "partner_id": partner.id,
                    "kind": self.kind,
                    "channel": self.channel,
                    "user_id": agent_id,
                    "date_deadline": deadline,
                    "scheduled_at": slots[key],
                    "company_id": self.company_id.id,
                }
            )
            heapq.heappush(heap, (count + 1, agent_id))
        return vals_list

    def _check_generate(self):
        """Raise when the plan cannot generate its callbacks now; modules
        adding a channel check what that channel needs."""
        self._check_generate_right()
        if self.state not in ("draft", "running"):
            raise UserError(
                self.env._("Only draft or running plans can generate callbacks.")
            )
        if not self.agent_ids:
            raise UserError(
                self.env._(
                    "Plan %(plan)s has no agents: choose who makes the calls.",
                    plan=self.name,
                )
            )

    def _check_generate_right(self):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            raise AccessError(
                self.env._("Only a customer service supervisor can run callback plans.")
            )
