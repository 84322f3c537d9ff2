# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsMemberLevel(models.Model):
    _name = "cs.member.level"
    _description = "Member Level"
    _order = "sequence, min_points, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(
        default=10, help="Levels are ranked by sequence: a higher level comes later."
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    min_points = fields.Integer(
        string="Minimum Points",
        help="Members whose points balance reaches this threshold are upgraded "
        "to this level automatically.",
    )
    callback_interval_days = fields.Integer(
        string="Callback Interval (days)",
        default=90,
        help="A member of this level must have a completed callback at least "
        "this often.",
    )
    validity_months = fields.Integer(
        string="Card Validity (months)",
        help="Validity of a card of this level; empty uses the company default.",
    )
    benefits = fields.Html(translate=True, sanitize=True)
    member_count = fields.Integer(compute="_compute_member_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a member level must be unique."),
        (
            "callback_interval_positive",
            "CHECK(callback_interval_days > 0)",
            "The callback interval of a member level must be at least one day.",
        ),
    ]

    def _compute_member_count(self):
        counts = dict(
            self.env["cs.member.card"]._read_group(
                [("level_id", "in", self.ids), ("state", "=", "active")],
                ["level_id"],
                ["__count"],
            )
        )
        for level in self:
            level.member_count = counts.get(level, 0)

    @api.constrains("min_points", "sequence", "active")
    def _check_thresholds_increasing(self):
        """Thresholds must strictly increase with the rank of the levels."""
        levels = self.search([])
        previous = None
        for level in levels.sorted(lambda lvl: (lvl.sequence, lvl.id)):
            if level.min_points < 0:
                raise ValidationError(
                    self.env._(
                        "The minimum points of level %(level)s cannot be negative.",
                        level=level.name,
                    )
                )
            if previous and level.min_points <= previous.min_points:
                raise ValidationError(
                    self.env._(
                        "Level thresholds must increase with the level order: "
                        "%(level)s (%(points)s points) must need more points than "
                        "%(previous)s (%(previous_points)s points).",
                        level=level.name,
                        points=level.min_points,
                        previous=previous.name,
                        previous_points=previous.min_points,
                    )
                )
            previous = level

    @api.constrains("validity_months")
    def _check_validity_months(self):
        if any(level.validity_months < 0 for level in self):
            raise ValidationError(
                self.env._("The card validity of a level cannot be negative.")
            )

    def _get_level_for_points(self, points):
        """Return the highest active level whose threshold ``points`` reaches."""
        eligible = self.search([("min_points", "<=", points)])
        return eligible.sorted(lambda lvl: (lvl.sequence, lvl.id))[-1:]

    def _get_validity_months(self, company):
        self.ensure_one()
        return self.validity_months or company.cs_card_validity_months or 12

    def _is_higher_than(self, other):
        self.ensure_one()
        return (self.sequence, self.min_points) > (other.sequence, other.min_points)
