# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import random

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.cs_member.models.cs_protected_mixin import allow_protected_writes

_logger = logging.getLogger(__name__)

# customers sampled in these last months are surveyed again only when the
# level has not enough other members
REST_MONTHS = 2


class CsSatisfactionPlan(models.Model):
    """The monthly satisfaction survey (C7), set up once: which survey, how
    many members of each level, who calls those without an e-mail, and who
    owns the improvement actions of its low-scoring questions. The scheduled
    action runs it each month of the company (``cs.satisfaction.run``)."""

    _name = "cs.satisfaction.plan"
    _inherit = ["mail.thread"]
    _description = "Monthly Satisfaction Survey Plan"
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    survey_id = fields.Many2one(
        "survey.survey",
        required=True,
        tracking=True,
        help="Its rating (scale) questions are the scores of the results.",
    )
    line_ids = fields.One2many(
        "cs.satisfaction.plan.line", "plan_id", string="Sample by Level", copy=True
    )
    invite_channel = fields.Selection(
        [("email", "E-mail First"), ("sms", "SMS First")],
        string="Invite By",
        required=True,
        default="email",
        tracking=True,
        help="E-mail first: members with an e-mail get the survey's invitation "
        "by e-mail, the others with a mobile get their link by SMS. SMS first: "
        "the other way round. Members with neither are called back by phone.",
    )
    agent_ids = fields.Many2many(
        "res.users",
        string="Agents",
        help="Call the sampled members who have no e-mail and fill in the survey "
        "with them.",
    )
    callback_plan_id = fields.Many2one(
        "cs.callback.plan",
        readonly=True,
        copy=False,
        help="The phone callbacks of the members without an e-mail (kind "
        "Satisfaction Survey), created with the plan.",
    )
    owner_user_id = fields.Many2one(
        "res.users",
        string="Improvement Owner",
        default=lambda self: self.env.user,
        help="Owner of the improvement actions opened for low-scoring questions.",
    )
    owner_department_id = fields.Many2one(
        "hr.department",
        string="Improvement Department",
        help="Department owning the improvement actions opened for low-scoring "
        "questions.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    run_ids = fields.One2many("cs.satisfaction.run", "plan_id", string="Months")
    run_count = fields.Integer(compute="_compute_run_count")

    def _compute_run_count(self):
        counts = dict(
            self.env["cs.satisfaction.run"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.run_count = counts.get(plan, 0)

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._sync_callback_plan()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if {"name", "survey_id", "agent_ids", "company_id"} & set(vals):
            self._sync_callback_plan()
        return res

    def _sync_callback_plan(self):
        """Keep the plan's phone callback plan (kind Satisfaction Survey) on the
        same survey, agents and company."""
        for plan in self:
            vals = {
                "name": plan.env._("%(plan)s (phone)", plan=plan.name),
                "kind": "satisfaction_survey",
                "channel": "phone",
                "members_only": True,
                "survey_id": plan.survey_id.id,
                "agent_ids": [fields.Command.set(plan.agent_ids.ids)],
                "company_id": plan.company_id.id,
            }
            if plan.callback_plan_id:
                plan.callback_plan_id.write(vals)
            else:
                with allow_protected_writes():
                    # the plan's own callbacks are made by the monthly run
                    callback_plan = self.env["cs.callback.plan"].create(
                        dict(vals, state="running")
                    )
                plan.callback_plan_id = callback_plan

    def action_view_runs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_satisfaction.cs_satisfaction_run_action"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        return action

    def action_run_now(self):
        """Run this month's survey now instead of waiting for the scheduled
        action (nothing happens when it already ran this month)."""
        self._check_manage_right()
        for plan in self:
            plan._run_month(plan.company_id._cs_today().replace(day=1))
        return True

    @api.model
    def _cron_monthly_survey(self):
        """Each month of each company: sample and invite once (a run per plan
        and month), then measure the months that are over and open the
        improvement actions of their low-scoring questions."""
        Run = self.env["cs.satisfaction.run"]
        plans = self.search([])
        for done, plan in enumerate(plans, start=1):
            plan._run_month(plan.company_id._cs_today().replace(day=1))
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(plans) - done)
        Run._evaluate_closed_months()

    def _run_month(self, month):
        """Sample and invite the members of ``month`` (its first day), once."""
        self.ensure_one()
        Run = self.env["cs.satisfaction.run"]
        if Run.search_count([("plan_id", "=", self.id), ("date_month", "=", month)]):
            return Run
        # sudo: the run and its answers are made by the department's scheduled
        # action, whoever started it; the right was checked by the caller
        run = Run.sudo().create(
            {"plan_id": self.id, "date_month": month, "company_id": self.company_id.id}
        )
        run._invite(self._sample(month))
        _logger.info("satisfaction survey %s: month %s sampled", self.name, month)
        return run

    def _sample(self, month):
        """The members surveyed in ``month``: for each level, ``sample_size``
        members drawn at random with a seed of the plan and the month (the
        same draw when run again), preferring those not sampled in the last
        months. Members who asked not to be called are left out."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        recent = set(
            self.env["survey.user_input"]
            .search(
                [
                    ("cs_satisfaction_run_id.plan_id", "=", self.id),
                    ("cs_satisfaction_run_id.date_month", "<", month),
                    (
                        "cs_satisfaction_run_id.date_month",
                        ">=",
                        month - relativedelta(months=REST_MONTHS),
                    ),
                ]
            )
            .partner_id.ids
        )
        members = Partner.search_fetch(
            [
                ("cs_is_member", "=", True),
                ("cs_level_id", "in", self.line_ids.level_id.ids),
                ("cs_do_not_call", "=", False),
                ("company_id", "in", [self.company_id.id, False]),
            ],
            ["cs_level_id"],
            order="id",
        )
        by_level = members.grouped("cs_level_id")
        rng = random.Random(f"{self.id}:{month.isoformat()}")
        sampled = Partner
        for line in self.line_ids.sorted("id"):
            candidates = by_level.get(line.level_id, Partner)
            fresh = [p.id for p in candidates if p.id not in recent]
            again = [p.id for p in candidates if p.id in recent]
            chosen = rng.sample(fresh, min(line.sample_size, len(fresh)))
            missing = line.sample_size - len(chosen)
            if missing > 0 and again:
                chosen += rng.sample(again, min(missing, len(again)))
            sampled |= Partner.browse(sorted(chosen))
        return sampled

    def _check_manage_right(self):
        if not self.env.su and not self.env.user.has_group(
            "cs_member.group_cs_supervisor"
        ):
            raise AccessError(
                self.env._(
                    "Only a customer service supervisor can run the satisfaction "
                    "survey."
                )
            )

    # ------------------------------------------------------------------
    # demo data
    # ------------------------------------------------------------------

    def _cs_demo_history(self, targets):
        """Demo data only: past months of answers, so that the results show
        a trend. ``targets`` maps each question's xml id to its average
        score of the last ``len(scores)`` months, oldest first. The members
        are sampled as the scheduled action would, but not invited again."""
        self.ensure_one()
        questions = {xmlid: self.env.ref(xmlid) for xmlid in targets}
        months = max(len(scores) for scores in targets.values())
        this_month = self.company_id._cs_today().replace(day=1)
        Run = self.env["cs.satisfaction.run"]
        for offset in range(months, 0, -1):
            month = this_month - relativedelta(months=offset)
            if Run.search_count(
                [("plan_id", "=", self.id), ("date_month", "=", month)]
            ):
                continue
            run = Run.create(
                {
                    "plan_id": self.id,
                    "date_month": month,
                    "company_id": self.company_id.id,
                }
            )
            answers = run._create_answers(self._sample(month))
            index = months - offset
            for xmlid, question in questions.items():
                values = _spread(targets[xmlid][index], len(answers))
                for answer, value in zip(answers, values, strict=True):
                    answer._save_lines(question, str(value))
            answers.write({"state": "done"})


def _spread(target, count):
    """``count`` whole scores whose average is ``target`` (rounded)."""
    total = round(target * count)
    base, extra = divmod(total, count) if count else (0, 0)
    return [base + 1 if i < extra else base for i in range(count)]
