# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models


class CsKpiStarWizard(models.TransientModel):
    """The proposal of the star of the month (每月之星, D8): the candidates
    with their score, the customers' praise and the colleagues'
    nominations; the manager chooses one."""

    _name = "cs.kpi.star.wizard"
    _description = "Star of the Month Proposal"

    period_id = fields.Many2one("cs.kpi.period", required=True, ondelete="cascade")
    line_ids = fields.One2many("cs.kpi.star.wizard.line", "wizard_id")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Star of the Month",
        required=True,
        domain="[('id', 'in', candidate_ids)]",
    )
    candidate_ids = fields.Many2many("hr.employee", compute="_compute_candidate_ids")
    amount = fields.Float(string="Reward Amount", default=100.0)

    @api.depends("line_ids.employee_id")
    def _compute_candidate_ids(self):
        for wizard in self:
            wizard.candidate_ids = wizard.line_ids.employee_id

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        period = self.env["cs.kpi.period"].browse(values.get("period_id"))
        if period:
            lines = period._cs_star_candidates()["lines"]
            values["line_ids"] = [
                Command.create(
                    {
                        "employee_id": line["employee"].id,
                        "department_id": line["employee"].department_id.id,
                        "total_score": line["total_score"],
                        "is_department_best": line["is_star"],
                        "praise_count": line["praise"],
                        "nomination_count": line["nominations"],
                    }
                )
                for line in lines
            ]
            if lines:
                values.setdefault("employee_id", lines[0]["employee"].id)
        return values

    def action_choose(self):
        self.ensure_one()
        self.period_id.action_choose_star(self.employee_id.id, self.amount)
        return {"type": "ir.actions.act_window_close"}


class CsKpiStarWizardLine(models.TransientModel):
    _name = "cs.kpi.star.wizard.line"
    _description = "Star of the Month Candidate"
    _order = "total_score desc, id"

    wizard_id = fields.Many2one("cs.kpi.star.wizard", required=True, ondelete="cascade")
    employee_id = fields.Many2one("hr.employee", required=True)
    department_id = fields.Many2one("hr.department")
    total_score = fields.Float(digits=(16, 1))
    is_department_best = fields.Boolean(string="Best of the Department")
    praise_count = fields.Integer(string="Customer Praise")
    nomination_count = fields.Integer(string="Nominations")
