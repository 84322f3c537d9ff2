# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsKpiFineType(models.Model):
    """The catalogue of discipline fines (E4), each with its amount range."""

    _name = "cs.kpi.fine.type"
    _description = "Discipline Fine"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    amount_min = fields.Float(string="Minimum", required=True)
    amount_max = fields.Float(
        string="Maximum", help="Zero: no maximum (e.g. 100 and more)."
    )
    basis = fields.Selection(
        [
            ("range", "Amount in the Range"),
            ("day_wage", "Multiple of a Day's Wage"),
            ("double", "Multiple of the Amount Taken"),
            ("compensation", "Compensation of the Damage"),
            ("dismissal", "Dismissal"),
        ],
        default="range",
        required=True,
        help="How the amount is set: within the range, or from the wage, the "
        "amount taken or the damage, or no fine but a dismissal.",
    )
    factor = fields.Float(
        help="For a multiple of a day's wage or of the amount taken: the "
        "multiple (3 days' wage for an unexcused absence, double the money "
        "taken from a customer)."
    )
    active = fields.Boolean(default=True)

    @api.constrains("amount_min", "amount_max")
    def _check_range(self):
        for fine in self:
            if fine.amount_min < 0 or (
                fine.amount_max and fine.amount_max < fine.amount_min
            ):
                raise ValidationError(
                    self.env._(
                        "Fine %(fine)s: the minimum must be zero or more and the "
                        "maximum not below it.",
                        fine=fine.name,
                    )
                )
