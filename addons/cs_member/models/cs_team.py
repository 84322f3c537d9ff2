# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsTeam(models.Model):
    _name = "cs.team"
    _description = "Customer Service Team"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one(
        "res.users",
        string="Team Lead",
        help="Supervisor or team lead (组长) of the team.",
    )
    member_ids = fields.One2many("res.users", "cs_team_id", string="Agents")
    member_count = fields.Integer(compute="_compute_member_count")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A team with this name already exists in this company.",
        ),
    ]

    def _compute_member_count(self):
        counts = dict(
            self.env["res.users"]._read_group(
                [("cs_team_id", "in", self.ids)], ["cs_team_id"], ["__count"]
            )
        )
        for team in self:
            team.member_count = counts.get(team, 0)
