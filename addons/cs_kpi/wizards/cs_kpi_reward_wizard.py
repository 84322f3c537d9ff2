# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class CsKpiRewardWizard(models.TransientModel):
    """Half-year reward proposal (D8): the people praised in writing by
    customers twice or more in the half-year get a draft reward, and so does
    the agent best in the callback satisfaction of the half-year (the share
    of satisfied answers of ``cs.callback.figures``, among the agents with
    enough answers)."""

    _name = "cs.kpi.reward.wizard"
    _description = "Half-year Reward Proposal"

    date_from = fields.Date(
        required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())
    min_praise = fields.Integer(string="Praised At Least", default=2, required=True)
    amount = fields.Float(string="Reward Amount", default=200.0)
    satisfaction_amount = fields.Float(string="Best Satisfaction Reward", default=200.0)
    min_answered = fields.Integer(
        string="Answers At Least",
        default=10,
        required=True,
        help="An agent competes for the best callback satisfaction with at "
        "least this many answered callbacks in the half-year.",
    )

    @api.model
    def _default_date_from(self):
        today = self.env.company._cs_today()
        start_month = 1 if today.month <= 6 else 7
        first = today.replace(month=start_month, day=1)
        return first - relativedelta(months=6)

    @api.model
    def _default_date_to(self):
        return self._default_date_from() + relativedelta(months=6, days=-1)

    def _cs_praised(self):
        """{employee: praise count} of the half-year, one grouped query."""
        self.ensure_one()
        groups = self.env["cs.kpi.event"]._read_group(
            [
                ("kind", "=", "praise"),
                ("state", "=", "confirmed"),
                ("date", ">=", self.date_from),
                ("date", "<=", self.date_to),
            ],
            ["employee_id"],
            ["__count"],
        )
        return {
            employee: count for employee, count in groups if count >= self.min_praise
        }

    def _cs_best_satisfaction(self):
        """``(employee, line)`` of the best callback satisfaction of the
        half-year (satisfied over answered, then the average score), the
        line of ``cs.callback.figures._cs_callbacks``; ``(None, None)``."""
        self.ensure_one()
        company = self.env.company
        figures = self.env["cs.callback.figures"]._cs_callbacks(
            company, self.date_from, self.date_to, groupby="user"
        )
        ranked = sorted(
            (
                (
                    line["satisfaction"]["satisfied"] / line["answered"],
                    line["exact_score"] or 0.0,
                    user_id,
                )
                for user_id, line in figures.items()
                if user_id and line["answered"] >= max(self.min_answered, 1)
            ),
            reverse=True,
        )
        for _share, _score, user_id in ranked:
            employee = self.env["hr.employee"].search(
                [("user_id", "=", user_id), ("company_id", "=", company.id)], limit=1
            )
            if employee:
                return employee, figures[user_id]
        return None, None

    def _cs_satisfaction_reward(self, already):
        """The values of the reward of the best callback satisfaction."""
        employee, line = self._cs_best_satisfaction()
        if not employee or employee in already:
            return []
        return [
            {
                "employee_id": employee.id,
                "kind": "reward",
                "date": self.date_to,
                "amount": self.satisfaction_amount,
                "reason": self.env._(
                    "Best callback satisfaction from %(start)s to %(end)s: "
                    "%(satisfied)s satisfied of %(answered)s answers.",
                    start=self.date_from,
                    end=self.date_to,
                    satisfied=line["satisfaction"]["satisfied"],
                    answered=line["answered"],
                ),
            }
        ]

    def action_propose(self):
        self.ensure_one()
        if self.date_to < self.date_from or self.min_praise < 1:
            raise UserError(
                self.env._("Choose a valid half-year and at least one praise.")
            )
        praised = self._cs_praised()
        Event = self.env["cs.kpi.event"]
        # the half-year's rewards proposed already (a star of the month,
        # booked on the last day of its month, is another reward)
        stars = self.env["cs.kpi.period"].search([]).star_event_id
        already = Event.search(
            [
                ("kind", "=", "reward"),
                ("date", "=", self.date_to),
                ("state", "!=", "cancelled"),
                ("id", "not in", stars.ids),
            ]
        ).employee_id
        best = self._cs_satisfaction_reward(already)
        # one reward each: the best satisfaction's reason comes first
        already |= Event.employee_id.browse([vals["employee_id"] for vals in best])
        rewards = Event.create(
            best
            + [
                {
                    "employee_id": employee.id,
                    "kind": "reward",
                    "date": self.date_to,
                    "amount": self.amount,
                    "reason": self.env._(
                        "Praised %(count)s times by customers "
                        "from %(start)s to %(end)s.",
                        count=count,
                        start=self.date_from,
                        end=self.date_to,
                    ),
                }
                for employee, count in praised.items()
                if employee not in already
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Proposed Rewards"),
            "res_model": "cs.kpi.event",
            "view_mode": "list,form",
            "domain": [("id", "in", rewards.ids)],
        }
