# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    cs_owner_id = fields.Many2one(
        "res.users",
        string="Product Owner",
        index="btree_not_null",
        help="Receives the improvement proposals of the product's recurring "
        "defects (G4); without one, the after-sales manager receives them.",
    )
