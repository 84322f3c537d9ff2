# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEVERITY_SELECTION = [
    ("normal", "Normal"),
    ("serious", "Serious"),
    ("critical", "Critical"),
]


class CsComplaintSla(models.Model):
    """A deadline policy (时限): how fast complaints of a severity and
    categories are acknowledged, answered by the responsible department and
    solved, in working time of the company's schedule."""

    _name = "cs.complaint.sla"
    _description = "Complaint Deadline Policy"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    severity = fields.Selection(
        SEVERITY_SELECTION, help="Empty: complaints of any severity."
    )
    category_ids = fields.Many2many(
        "cs.complaint.category",
        string="Categories",
        help="Empty: every category. A category covers its sub-categories.",
        check_company=True,
    )
    ack_hours = fields.Float(
        string="Acknowledge Within (working hours)",
        default=4.0,
        required=True,
        help="The handler accepts the complaint and contacts the customer within "
        "this many working hours of its receipt.",
    )
    reply_days = fields.Integer(
        string="Department Reply Within (working days)",
        default=3,
        required=True,
        help="The responsible department answers within this many working days "
        "of the complaint being routed to it.",
    )
    resolve_days = fields.Integer(
        string="Solve Within (working days)",
        default=5,
        required=True,
        help="The customer is promised a solution within this many working days "
        "of the receipt.",
    )
    at_risk_percent = fields.Integer(
        string="At Risk Below (% of time left)",
        default=25,
        required=True,
        help="A deadline is at risk when less than this share of its time is left.",
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    @api.constrains("ack_hours", "reply_days", "resolve_days", "at_risk_percent")
    def _check_durations(self):
        for policy in self:
            if (
                policy.ack_hours <= 0
                or policy.reply_days <= 0
                or policy.resolve_days <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the acknowledgement, reply and solution "
                        "times must be greater than zero.",
                        policy=policy.name,
                    )
                )
            if not 0 <= policy.at_risk_percent < 100:
                raise ValidationError(
                    self.env._(
                        "Policy %(policy)s: the at-risk share must be between 0 "
                        "and 99 percent.",
                        policy=policy.name,
                    )
                )

    @api.model
    def _cs_find_policies(self, complaints):
        """The policy of each complaint, as {complaint id: policy}: the first
        active policy by sequence whose severity (or any) and categories (or
        any, a category covering its sub-categories) match, policies with a
        severity or categories before the catch-all ones."""
        policies = self.search([]).sorted(
            lambda p: (not p.severity, not p.category_ids, p.sequence, p.id)
        )
        ancestors = {}
        for category in complaints.category_id:
            ancestors[category.id] = {
                int(x) for x in category.parent_path.split("/") if x
            }
        result = {}
        for complaint in complaints:
            chain = ancestors.get(complaint.category_id.id, set())
            for policy in policies:
                if policy.company_id and policy.company_id != complaint.company_id:
                    continue
                if policy.severity and policy.severity != complaint.severity:
                    continue
                if policy.category_ids and not chain & set(policy.category_ids.ids):
                    continue
                result[complaint.id] = policy
                break
        return result
