# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    ALL_FIELDS,
    protected_writes_allowed,
    workflow_action,
)

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("adopted", "Adopted"),
    ("verified", "Effect Verified"),
    ("rewarded", "Rewarded"),
    ("rejected", "Rejected"),
]
# what a proposer may still change once the suggestion is submitted
PROPOSAL_FIELDS = {"name", "description", "expected_benefit", "employee_id"}


class CsSuggestion(models.Model):
    """A suggestion of a member of staff (合理化建议, 客户提案表; H3
    "suggestions that pay off are rewarded"): proposed, adopted by a
    supervisor, who turns it into an improvement action; its effect verified
    by the manager once the action is verified; then the manager grants a
    reward, booked (confirmed) in the rewards and penalties ledger of the
    assessment (``cs.kpi.event``, kind reward). Every step is a button that
    checks the user's right; the steps' fields are protected."""

    _name = "cs.suggestion"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Staff Suggestion"
    _order = "date_proposed desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Suggestion", required=True, tracking=True)
    description = fields.Html(string="Details", sanitize=True)
    expected_benefit = fields.Text(tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        string="Proposed By",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_employee_id(),
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="Proposer User"
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    date_proposed = fields.Date(
        string="Proposed On",
        required=True,
        readonly=True,
        default=lambda self: self.env.company._cs_today(),
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    improvement_action_id = fields.Many2one(
        "cs.improvement.action",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The improvement action that carries out the adopted suggestion; "
        "its verification shows the effect.",
    )
    improvement_state = fields.Selection(
        related="improvement_action_id.state", string="Action State"
    )
    refuse_reason = fields.Text(string="Reason of Rejection", tracking=True)
    effect_note = fields.Text(
        string="Effect",
        tracking=True,
        help="What the suggestion brought, written by the manager who verifies "
        "it (saved time, fewer complaints, better scores…).",
    )
    reward_amount = fields.Monetary(
        tracking=True, help="Set by the manager before granting the reward."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_adopted = fields.Datetime(readonly=True, copy=False)
    adopted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_verified = fields.Datetime(
        string="Effect Verified On", readonly=True, copy=False
    )
    verified_by_id = fields.Many2one(
        "res.users", string="Effect Verified By", readonly=True, copy=False
    )
    date_rewarded = fields.Datetime(readonly=True, copy=False)
    reward_event_id = fields.Many2one(
        "cs.kpi.event", string="Reward", readonly=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    def _default_employee_id(self):
        return self.env.user.employee_ids.filtered(
            lambda e: e.company_id == self.env.company
        )[:1]

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "date_proposed",
            "improvement_action_id",
            "date_adopted",
            "adopted_by_id",
            "date_verified",
            "verified_by_id",
            "date_rewarded",
            "reward_event_id",
        }

    def _cs_locked_fields(self):
        """Submitted: the proposal stays as it was made; effect verified:
        only the reward's amount is still set; rewarded or rejected: fixed."""
        if self.state in ("rewarded", "rejected"):
            return ALL_FIELDS
        if self.state == "verified":
            return PROPOSAL_FIELDS | {"effect_note"}
        if self.state in ("submitted", "adopted"):
            return PROPOSAL_FIELDS
        return set()

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_check_proposer(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not protected_writes_allowed(self.env):
            if "reward_amount" in vals and not self._cs_is_manager():
                raise AccessError(
                    self.env._("Only a customer-service manager sets the reward.")
                )
            if "effect_note" in vals and not self._cs_is_manager():
                raise AccessError(
                    self.env._("Only a customer-service manager writes the effect.")
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(suggestion.state != "draft" for suggestion in self):
            raise UserError(
                self.env._("Only draft suggestions can be deleted; reject the others.")
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    @workflow_action
    def action_submit(self):
        self._cs_require_state(["draft"], self.env._("submitted"))
        for suggestion in self:
            if suggestion.user_id != self.env.user:
                suggestion._check_group("cs_member.group_cs_supervisor")
        self.write({"state": "submitted"})
        return True

    @workflow_action
    def action_adopt(self):
        """A supervisor adopts the suggestion: an improvement action carries
        it out (owned by the proposer, or the supervisor when the proposer
        has no user)."""
        self._cs_require_state(["submitted"], self.env._("adopted"))
        self._check_group("cs_member.group_cs_supervisor")
        Action = self.env["cs.improvement.action"]
        for suggestion in self:
            action = Action.create(
                {
                    "name": suggestion.name,
                    "description": suggestion.description,
                    "source": "suggestion",
                    "user_id": (suggestion.user_id or self.env.user).id,
                    "company_id": suggestion.company_id.id,
                }
            )
            suggestion.write(
                {
                    "state": "adopted",
                    "improvement_action_id": action.id,
                    "date_adopted": fields.Datetime.now(),
                    "adopted_by_id": self.env.user.id,
                }
            )
        return True

    @workflow_action
    def action_reject(self):
        self._cs_require_state(["submitted"], self.env._("rejected"))
        self._check_group("cs_member.group_cs_supervisor")
        if any(not (s.refuse_reason or "").strip() for s in self):
            raise UserError(
                self.env._("Write the reason of the rejection for the proposer.")
            )
        self.write({"state": "rejected"})
        return True

    @workflow_action
    def action_verify(self):
        """The manager verifies that the suggestion paid off: its improvement
        action is verified and the effect is written."""
        self._cs_require_state(["adopted"], self.env._("verified"))
        self._check_group("cs_member.group_cs_manager")
        for suggestion in self:
            if suggestion.improvement_action_id.state != "verified":
                raise UserError(
                    self.env._(
                        "The improvement action of %(name)s must be verified "
                        "before its effect.",
                        name=suggestion.name,
                    )
                )
            if not (suggestion.effect_note or "").strip():
                raise UserError(
                    self.env._("Write the effect of the suggestion before verifying.")
                )
        self.write(
            {
                "state": "verified",
                "date_verified": fields.Datetime.now(),
                "verified_by_id": self.env.user.id,
            }
        )
        return True

    @workflow_action
    def action_reward(self):
        """The manager grants the reward: one confirmed reward entry in the
        ledger of the assessment (the proposer's month), linked here."""
        self._cs_require_state(["verified"], self.env._("rewarded"))
        self._check_group("cs_member.group_cs_manager")
        for suggestion in self:
            if suggestion.reward_amount <= 0:
                raise UserError(
                    self.env._("Set the amount of the reward before granting it.")
                )
            # sudo: a confirmed entry of the ledger is written by the system,
            # after the manager's right was checked
            event = (
                self.env["cs.kpi.event"]
                .sudo()
                .create(
                    {
                        "employee_id": suggestion.employee_id.id,
                        "kind": "reward",
                        "date": suggestion.company_id._cs_today(),
                        "amount": suggestion.reward_amount,
                        "reason": self.env._(
                            "Suggestion that paid off: %(name)s.",
                            name=suggestion.name,
                        ),
                        "state": "confirmed",
                        "company_id": suggestion.company_id.id,
                    }
                )
            )
            suggestion.write(
                {
                    "state": "rewarded",
                    "reward_event_id": event.id,
                    "date_rewarded": fields.Datetime.now(),
                }
            )
        return True

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    def _cs_is_manager(self):
        return self.env.su or self.env.user.has_group("cs_member.group_cs_manager")

    def _check_group(self, group):
        if self.env.su or self.env.user.has_group(group):
            return
        raise AccessError(
            self.env._(
                "You may not move this suggestion on: it is the step of a "
                "customer-service supervisor or manager."
            )
        )

    @api.model
    def _cs_check_proposer(self, vals_list):
        """An agent proposes in their own name; supervisors for anyone."""
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        own = self.env.user.employee_ids.ids
        for vals in vals_list:
            employee_id = vals.get("employee_id") or self._default_employee_id().id
            if employee_id not in own:
                raise AccessError(
                    self.env._("You propose suggestions in your own name only.")
                )

    @api.model
    def _cs_demo_progress(self, adopted_ids, rewarded_ids, effect, amount):
        """Demo data only: submit and adopt ``adopted_ids``; carry out,
        verify and reward ``rewarded_ids`` (among them)."""
        adopted = self.browse(adopted_ids)
        adopted.action_submit()
        adopted.action_adopt()
        rewarded = self.browse(rewarded_ids)
        actions = rewarded.improvement_action_id
        actions.action_start()
        actions.write({"measure": effect})
        actions.action_done()
        actions.action_verify()
        rewarded.write({"effect_note": effect, "reward_amount": amount})
        rewarded.action_verify()
        rewarded.action_reward()
