# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class CsKpiRewardWizard(models.TransientModel):
    """Half-year reward proposal (D8): the people praised in writing by
    customers twice or more in the half-year get a draft reward."""

    _name = "cs.kpi.reward.wizard"
    _description = "Half-year Reward Proposal"

    date_from = fields.Date(
        required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_date_to())
    min_praise = fields.Integer(string="Praised At Least", default=2, required=True)
    amount = fields.Float(string="Reward Amount", default=200.0)

    @api.model
    def _default_date_from(self):
        today = fields.Date.context_today(self)
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

    def action_propose(self):
        self.ensure_one()
        if self.date_to < self.date_from or self.min_praise < 1:
            raise UserError(
                self.env._("Choose a valid half-year and at least one praise.")
            )
        praised = self._cs_praised()
        Event = self.env["cs.kpi.event"]
        already = Event.search(
            [
                ("kind", "=", "reward"),
                ("employee_id", "in", [e.id for e in praised]),
                ("date", "=", self.date_to),
                ("state", "!=", "cancelled"),
            ]
        ).employee_id
        rewards = Event.create(
            [
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
