# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class CsKpiTemplate(models.Model):
    """The indicators of a job position and their weights (考核表): the
    weights sum to 100."""

    _name = "cs.kpi.template"
    _description = "Assessment Template"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    line_ids = fields.One2many(
        "cs.kpi.template.line", "template_id", string="Indicators"
    )
    total_weight = fields.Float(compute="_compute_total_weight")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "job_company_unique",
            "UNIQUE(job_id, company_id)",
            "A job position has one assessment template.",
        ),
    ]

    def write(self, vals):
        # the lines are written one by one: check the sum once they all are
        res = super(CsKpiTemplate, self.with_context(cs_kpi_weights_later=True)).write(
            vals
        )
        self._check_weights()
        return res

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    @api.constrains("line_ids")
    def _check_weights(self):
        for template in self:
            total = sum(template.line_ids.mapped("weight"))
            if float_compare(total, 100.0, precision_digits=2) != 0:
                raise ValidationError(
                    self.env._(
                        "The weights of template %(template)s sum to %(total)s: they "
                        "must sum to 100.",
                        template=template.name,
                        total=round(total, 2),
                    )
                )
            metrics = template.line_ids.metric_id
            if len(metrics) != len(template.line_ids):
                raise ValidationError(
                    self.env._(
                        "Template %(template)s lists an indicator twice.",
                        template=template.name,
                    )
                )


class CsKpiTemplateLine(models.Model):
    _name = "cs.kpi.template.line"
    _description = "Assessment Template Indicator"
    _order = "sequence, id"

    template_id = fields.Many2one(
        "cs.kpi.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    metric_id = fields.Many2one(
        "cs.kpi.metric", string="Indicator", required=True, ondelete="restrict"
    )
    weight = fields.Float(required=True)

    @api.constrains("weight")
    def _check_weight(self):
        for line in self:
            if line.weight <= 0:
                raise ValidationError(
                    self.env._("The weight of an indicator must be greater than zero.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_template_weights()
        return lines

    def write(self, vals):
        res = super().write(vals)
        self._check_template_weights()
        return res

    def unlink(self):
        templates = self.template_id
        res = super().unlink()
        if not self.env.context.get("cs_kpi_weights_later"):
            templates.exists()._check_weights()
        return res

    def _check_template_weights(self):
        if not self.env.context.get("cs_kpi_weights_later"):
            self.template_id._check_weights()
