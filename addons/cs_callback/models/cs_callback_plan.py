# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import heapq
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action
from odoo.addons.cs_member.models.res_partner import GRADE_SELECTION

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
            vals_list = self._prepare_callbacks(partners)
            for start in range(0, len(vals_list), GENERATE_BATCH):
                callbacks |= callbacks.create(vals_list[start : start + GENERATE_BATCH])
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
        vals_list = []
        for partner in partners:
            count, agent_id = heapq.heappop(heap)
            vals_list.append(
                {
                    "plan_id": self.id,
                    "partner_id": partner.id,
                    "kind": self.kind,
                    "channel": self.channel,
                    "user_id": agent_id,
                    "date_deadline": deadline,
                    "scheduled_at": Callback._cs_next_slot(
                        partner, now, self.company_id
                    ),
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
