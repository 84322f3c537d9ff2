# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import workflow_action

STATES = [
    ("open", "Open"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("verified", "Verified"),
]
OPEN_STATES = ("open", "in_progress")


class CsImprovementAction(models.Model):
    """An improvement action (整改措施, C7): a problem, its owner (a user or a
    department), a due date, a state moved by buttons only (open, in
    progress, done, verified by a supervisor) and its effect, the same
    question's score the next month. Low-scoring survey questions open
    them; supervisors also open them by hand."""

    _name = "cs.improvement.action"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.protected.mixin"]
    _description = "Improvement Action"
    _order = "date_deadline, id desc"
    _check_company_auto = True
    # owners comment on the actions they only read
    _mail_post_access = "read"

    name = fields.Char(string="Problem", required=True, tracking=True)
    description = fields.Html(string="Details", sanitize=True)
    measure = fields.Text(string="Measures Taken", tracking=True)
    source = fields.Selection(
        [
            ("survey", "Satisfaction Survey"),
            ("suggestion", "Staff Suggestion"),
            ("manual", "Manual"),
        ],
        default="manual",
        required=True,
        readonly=True,
    )
    run_id = fields.Many2one(
        "cs.satisfaction.run",
        string="Survey Month",
        readonly=True,
        index="btree_not_null",
    )
    question_id = fields.Many2one(
        "survey.question",
        string="Survey Question",
        index="btree_not_null",
        help="The question whose score measures the effect of the action.",
    )
    date_month = fields.Date(
        string="Month",
        help="The month whose score showed the problem (first day).",
    )
    score = fields.Float(
        string="Score of the Month", digits=(16, 2), readonly=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        index=True,
        domain=[("share", "=", False)],
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Owner Department",
        tracking=True,
        index=True,
        check_company=True,
    )
    date_deadline = fields.Date(
        string="Due Date",
        required=True,
        tracking=True,
        default=lambda self: self._default_date_deadline(),
    )
    state = fields.Selection(
        STATES, default="open", required=True, readonly=True, tracking=True, index=True
    )
    date_opened = fields.Datetime(
        string="Opened On",
        default=lambda self: fields.Datetime.now(),
        readonly=True,
        copy=False,
        index=True,
        help="When the action was opened: the monthly report of a month lists "
        "the actions opened before its end.",
    )
    date_started = fields.Datetime(readonly=True, copy=False)
    date_done = fields.Datetime(
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="When the action was last marked done (kept when it is reopened).",
    )
    date_reopened = fields.Datetime(
        readonly=True,
        copy=False,
        help="When a supervisor sent the done action back; cleared when it is "
        "done again.",
    )
    date_verified = fields.Datetime(readonly=True, copy=False)
    verified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    effect_month = fields.Date(compute="_compute_effect")
    effect_score = fields.Float(
        string="Score Next Month", digits=(16, 2), compute="_compute_effect"
    )
    effect_delta = fields.Float(
        string="Change", digits=(16, 2), compute="_compute_effect"
    )
    has_effect = fields.Boolean(compute="_compute_effect")
    is_overdue = fields.Boolean(compute="_compute_is_overdue")
    is_mine = fields.Boolean(
        string="Owned by Me or My Department",
        compute="_compute_is_mine",
        search="_search_is_mine",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _default_date_deadline(self):
        company = self.env.company
        return company._cs_today() + relativedelta(days=company.cs_improvement_days)

    @api.depends("question_id", "date_month", "company_id", "score")
    def _compute_effect(self):
        """The same question's score the month after, from the one owner of
        the figure; nothing until that month has answers."""
        Result = self.env["cs.satisfaction.result"]
        for action in self:
            action.effect_month = action.date_month and (
                action.date_month + relativedelta(months=1)
            )
        groups = self.filtered(lambda a: a.question_id and a.date_month).grouped(
            lambda a: (a.company_id, a.effect_month)
        )
        scores = {
            key: Result._cs_question_scores(key[0], key[1], actions.question_id)
            for key, actions in groups.items()
        }
        for action in self:
            figure = scores.get((action.company_id, action.effect_month), {}).get(
                action.question_id.id
            )
            action.has_effect = bool(figure)
            action.effect_score = figure["score"] if figure else 0.0
            action.effect_delta = figure["score"] - action.score if figure else 0.0

    @api.depends("date_deadline", "state", "company_id")
    def _compute_is_overdue(self):
        for action in self:
            action.is_overdue = bool(
                action.state in OPEN_STATES
                and action.date_deadline
                and action.date_deadline < action.company_id._cs_today()
            )

    @api.model
    def _cs_my_departments(self):
        """The departments of the user's employees and those the user
        manages: the same as the owner record rule."""
        # sudo: a member outside customer service may not read the
        # departments' managers; only the user's own links are looked up
        Department = self.env["hr.department"].sudo()
        return self.env.user.employee_ids.department_id | Department.search(
            [("manager_id.user_id", "=", self.env.user.id)]
        )

    def _compute_is_mine(self):
        departments = self._cs_my_departments()
        for action in self:
            action.is_mine = (
                action.user_id == self.env.user or action.department_id in departments
            )

    def _search_is_mine(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on the owner."))
        domain = [
            "|",
            ("user_id", "=", self.env.uid),
            ("department_id", "in", self._cs_my_departments().ids),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.constrains("user_id", "department_id")
    def _check_owner(self):
        if any(not (a.user_id or a.department_id) for a in self):
            raise ValidationError(
                self.env._(
                    "An improvement action needs an owner: a user or a department."
                )
            )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "source",
            "run_id",
            "score",
            "date_opened",
            "date_started",
            "date_done",
            "date_reopened",
            "date_verified",
            "verified_by_id",
        }

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._schedule_owner_activity()
        return actions

    def write(self, vals):
        res = super().write(vals)
        if {"user_id", "department_id"} & set(vals):
            self.filtered(lambda a: a.state in OPEN_STATES)._schedule_owner_activity()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_open(self):
        if any(action.state != "open" for action in self):
            raise UserError(
                self.env._(
                    "Only open improvement actions can be deleted; the others keep "
                    "the history of what was done."
                )
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    @workflow_action
    def action_start(self):
        self._cs_require_state(["open"], self.env._("started"))
        self._check_owner_right()
        self._write_as_owner(
            {"state": "in_progress", "date_started": fields.Datetime.now()}
        )

    @workflow_action
    def action_done(self):
        self._cs_require_state(["in_progress"], self.env._("done"))
        self._check_owner_right()
        if any(not (action.measure or "").strip() for action in self):
            raise UserError(
                self.env._("Write the measures taken before marking the action done.")
            )
        self._write_as_owner(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "date_reopened": False,
            }
        )
        # sudo: the owner may only read the action; the to-do is theirs
        self.sudo().activity_feedback(["mail.mail_activity_data_todo"])

    def action_open_done_wizard(self):
        """*Mark Done* of the form: the owner writes the measures taken in
        a dialog (they only read the action itself), then it is done."""
        self.ensure_one()
        self._cs_require_state(["in_progress"], self.env._("done"))
        self._check_owner_right()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mark Done"),
            "res_model": "cs.improvement.action.done.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_action_id": self.id},
        }

    @workflow_action
    def action_verify(self):
        self._cs_require_state(["done"], self.env._("verified"))
        self._check_supervisor_right()
        self.write(
            {
                "state": "verified",
                "date_verified": fields.Datetime.now(),
                "verified_by_id": self.env.user.id,
            }
        )

    @workflow_action
    def action_reopen(self):
        """A supervisor sends a done action back when the measures are not
        enough."""
        self._cs_require_state(["done"], self.env._("reopened"))
        self._check_supervisor_right()
        # the date it was done stays: the months in between saw it done
        self.write({"state": "in_progress", "date_reopened": fields.Datetime.now()})
        self._schedule_owner_activity()

    def _write_as_owner(self, vals):
        """Owners read their actions only: their buttons write with the
        rights of the department, after ``_check_owner_right``."""
        if self.env.user.has_group("cs_member.group_cs_supervisor"):
            return self.write(vals)
        # sudo: an owner outside customer service moves their own action on
        # (checked by _check_owner_right); the chatter still names them
        return self.sudo().write(vals)

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------

    @api.model
    def _cs_open_at_domain(self, moment):
        """The actions open or in progress at ``moment`` (a naive UTC
        datetime), from their dates rather than their state today: opened
        before it, and not done by then, or sent back (reopened) by then.
        Only the last dates are kept: an action reopened and done again
        counts as open until it was done again."""
        return [
            ("date_opened", "<", moment),
            "|",
            "|",
            ("date_done", "=", False),
            ("date_done", ">=", moment),
            "&",
            ("date_reopened", "!=", False),
            ("date_reopened", "<", moment),
        ]

    def _cs_state_at(self, moment):
        """The state (open or in progress) of an action open at ``moment``."""
        self.ensure_one()
        started = self.date_started and self.date_started < moment
        return "in_progress" if started else "open"

    def _is_owner(self):
        self.ensure_one()
        user = self.env.user
        if self.user_id == user:
            return True
        departments = user.employee_ids.department_id
        return bool(
            self.department_id
            and departments
            and (
                self.department_id in departments
                or self.department_id.manager_id.user_id == user
            )
        )

    def _check_owner_right(self):
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        if not all(action._is_owner() for action in self):
            raise AccessError(
                self.env._(
                    "Only the owner of an improvement action (or a supervisor) can "
                    "move it on."
                )
            )

    def _check_supervisor_right(self):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            raise AccessError(
                self.env._(
                    "Only a customer service supervisor or manager can verify an "
                    "improvement action."
                )
            )

    def _activity_owner(self):
        self.ensure_one()
        return self.user_id or self.department_id.manager_id.user_id

    def _schedule_owner_activity(self):
        """The owner (or the owner department's manager) gets a to-do due
        on the action's due date; one open to-do per action."""
        for action in self:
            owner = action._activity_owner()
            if not owner:
                continue
            # sudo: activities of the department's action for its owner
            activities = action.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("mail.mail_activity_data_todo")
            )
            if activities:
                activities.write(
                    {"user_id": owner.id, "date_deadline": action.date_deadline}
                )
                continue
            action.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=action.date_deadline,
                summary=self.env._("Improvement action: %(name)s", name=action.name),
                user_id=owner.id,
            )

    @api.model
    def _cs_demo_progress(self, question_ids, measure):
        """Demo data only: the survey's actions of these questions were
        worked on and verified."""
        actions = self.search(
            [("question_id", "in", question_ids), ("state", "=", "open")]
        )
        actions.action_start()
        actions.write({"measure": measure})
        actions.action_done()
        actions.action_verify()
