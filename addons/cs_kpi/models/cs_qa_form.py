# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsQaForm(models.Model):
    """A scoring standard of quality inspection (质检评分标准): criteria
    with their maximum points."""

    _name = "cs.qa.form"
    _description = "Quality Inspection Form"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    criterion_ids = fields.One2many("cs.qa.criterion", "form_id", string="Criteria")
    max_total = fields.Float(string="Maximum Points", compute="_compute_max_total")
    active = fields.Boolean(default=True)

    @api.depends("criterion_ids.max_points")
    def _compute_max_total(self):
        for form in self:
            form.max_total = sum(form.criterion_ids.mapped("max_points"))


class CsQaCriterion(models.Model):
    _name = "cs.qa.criterion"
    _description = "Quality Inspection Criterion"
    _order = "sequence, id"

    form_id = fields.Many2one(
        "cs.qa.form", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    max_points = fields.Float(required=True, default=10.0)
    description = fields.Text(translate=True)

    @api.constrains("max_points")
    def _check_max_points(self):
        for criterion in self:
            if criterion.max_points <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(criterion)s needs a maximum greater than zero.",
                        criterion=criterion.name,
                    )
                )
