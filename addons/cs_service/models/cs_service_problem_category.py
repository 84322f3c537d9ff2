# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsServiceProblemCategory(models.Model):
    """What was wrong (不制冷, 漏水, 噪音...): set at intake or on site, it
    groups the recurring defects of a product (G4)."""

    _name = "cs.service.problem.category"
    _description = "Service Problem Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A problem category with this name exists."),
    ]
