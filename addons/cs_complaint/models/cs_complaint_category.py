# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_complaint_sla import SEVERITY_SELECTION


class CsComplaintCategory(models.Model):
    """What a complaint is about (product quality, service, delivery...), in a
    tree: a policy or a report on a category covers its sub-categories."""

    _name = "cs.complaint.category"
    _description = "Complaint Category"
    _parent_store = True
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one(
        "cs.complaint.category",
        string="Parent Category",
        index=True,
        ondelete="restrict",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("cs.complaint.category", "parent_id")
    default_severity = fields.Selection(SEVERITY_SELECTION, default="normal")
    department_id = fields.Many2one(
        "hr.department",
        string="Default Department",
        help="Department a complaint of this category is usually routed to.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")

    _sql_constraints = [
        (
            "name_parent_unique",
            "UNIQUE(name, parent_id)",
            "A category of this name already exists at this place.",
        ),
    ]

    @api.depends("name", "parent_id.name", "parent_id.parent_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for category in self:
            names = []
            current = category
            while current:
                names.append(current.name or "")
                current = current.parent_id
            category.display_name = " / ".join(reversed(names))

    @api.constrains("parent_id")
    def _check_category_recursion(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A category cannot be its own parent."))
