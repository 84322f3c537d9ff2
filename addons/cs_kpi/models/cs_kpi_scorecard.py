# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    protected_writes_allowed,
)

GRADE_SELECTION = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")]


class CsKpiScorecard(models.Model):
    """One employee's assessment of a month (考核表): the indicators of their
    job's template, each actual value scored and weighted, the total, the
    rank in the department and the grade; the manager's comment."""

    _name = "cs.kpi.scorecard"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Assessment Scorecard"
    _order = "period_id desc, department_id, rank, id"
    _rec_name = "employee_id"

    period_id = fields.Many2one(
        "cs.kpi.period", required=True, ondelete="cascade", index=True, readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True
    )
    user_id = fields.Many2one("res.users", index=True, readonly=True)
    department_id = fields.Many2one("hr.department", index=True, readonly=True)
    job_id = fields.Many2one("hr.job", string="Job Position", readonly=True)
    template_id = fields.Many2one("cs.kpi.template", readonly=True)
    line_ids = fields.One2many(
        "cs.kpi.scorecard.line", "scorecard_id", string="Indicators"
    )
    total_score = fields.Float(
        compute="_compute_total_score", store=True, aggregator="avg", digits=(16, 1)
    )
    rank = fields.Integer(
        readonly=True, aggregator=None, help="Rank in the department."
    )
    grade = fields.Selection(GRADE_SELECTION, readonly=True, index=True)
    is_star = fields.Boolean(
        string="Star of the Month",
        default=False,
        readonly=True,
        help="Best of the department this month (每月之星).",
    )
    manager_comment = fields.Text(tracking=True)
    state = fields.Selection(related="period_id.state", store=True, index=True)
    company_id = fields.Many2one(related="period_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "period_employee_unique",
            "UNIQUE(period_id, employee_id)",
            "An employee has one scorecard a month.",
        ),
    ]

    @api.depends("line_ids.weighted_score", "line_ids.is_measured")
    def _compute_total_score(self):
        """The weighted scores over the weights of the indicators that could
        be measured: an indicator with nothing to measure this month (no
        resolved complaint for the share solved in time...) neither helps
        nor harms."""
        for scorecard in self:
            measured = scorecard.line_ids.filtered("is_measured")
            weights = sum(measured.mapped("weight"))
            scorecard.total_score = (
                sum(measured.mapped("weighted_score")) * 100.0 / weights
                if weights
                else 0.0
            )

    def _cs_protected_fields(self):
        # computed by the month's Compute button; only the comment is typed
        return super()._cs_protected_fields() | {
            "period_id",
            "employee_id",
            "user_id",
            "department_id",
            "job_id",
            "template_id",
            "total_score",
            "rank",
            "grade",
            "is_star",
        }

    def write(self, vals):
        if (
            "manager_comment" in vals
            and not self.env.su
            and not self.env.user.has_group("cs_member.group_cs_manager")
        ):
            raise UserError(
                self.env._("Only a customer-service manager comments scorecards.")
            )
        return super().write(vals)


class CsKpiScorecardLine(models.Model):
    _name = "cs.kpi.scorecard.line"
    _inherit = ["cs.protected.mixin"]
    _description = "Assessment Scorecard Indicator"
    _order = "sequence, id"

    scorecard_id = fields.Many2one(
        "cs.kpi.scorecard", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    metric_id = fields.Many2one("cs.kpi.metric", string="Indicator", required=True)
    is_manual = fields.Boolean(
        string="Entered by Hand", help="The actual value is typed by the supervisor."
    )
    actual = fields.Float()
    is_measured = fields.Boolean(
        string="Measured",
        default=True,
        help="False when there was nothing to measure this month (e.g. no "
        "resolved complaint for the share solved in time): the indicator is "
        "left out of the total.",
    )
    target = fields.Float(related="metric_id.target")
    weight = fields.Float(required=True)
    score = fields.Float(compute="_compute_score", store=True, digits=(16, 1))
    weighted_score = fields.Float(compute="_compute_score", store=True, digits=(16, 2))
    period_state = fields.Selection(related="scorecard_id.period_id.state")

    @api.depends("actual", "weight", "metric_id.bound_worst", "metric_id.bound_best")
    def _compute_score(self):
        for line in self:
            measured = line.metric_id and line.is_measured
            line.score = line.metric_id._score(line.actual) if measured else 0.0
            line.weighted_score = line.score * line.weight / 100.0

    def _cs_protected_fields(self):
        # what the computation decides; a supervisor types only the actual
        # value of an indicator entered by hand
        return super()._cs_protected_fields() | {
            "scorecard_id",
            "sequence",
            "metric_id",
            "is_manual",
            "is_measured",
            "weight",
            "score",
            "weighted_score",
        }

    def write(self, vals):
        if not protected_writes_allowed(self.env) and any(
            line.period_state not in ("open", "computed") for line in self
        ):
            raise UserError(
                self.env._("The period is confirmed: its scorecards cannot change.")
            )
        if "actual" in vals:
            if any(not line.is_manual for line in self):
                raise UserError(
                    self.env._(
                        "Computed indicators cannot be typed over; recompute them."
                    )
                )
            if any(line.period_state not in ("open", "computed") for line in self):
                raise UserError(
                    self.env._("The period is confirmed: its scorecards cannot change.")
                )
        return super().write(vals)
