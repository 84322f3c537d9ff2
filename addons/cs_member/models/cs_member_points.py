# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL


class CsMemberPoints(models.Model):
    """Points ledger (积分). Lines are never changed nor deleted: a mistake is
    corrected by an adjustment line, so the balance always has its history."""

    _name = "cs.member.points"
    _description = "Member Points Ledger Line"
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        ondelete="restrict",
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._cs_today(), index=True
    )
    points = fields.Integer(
        required=True, help="Points earned (positive) or redeemed (negative)."
    )
    kind = fields.Selection(
        [("earn", "Earned"), ("redeem", "Redeemed"), ("adjust", "Adjustment")],
        required=True,
        default="earn",
        index=True,
    )
    reason = fields.Char(required=True)
    balance_after = fields.Integer(
        string="Balance",
        readonly=True,
        help="Balance of the member right after this line was booked.",
    )
    source_ref = fields.Char(
        string="Source", help="Reference of the document that produced the points."
    )
    res_model = fields.Char(string="Source Model", index=True)
    res_id = fields.Many2oneReference(string="Source Record", model_field="res_model")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", string="Booked By", default=lambda self: self.env.user
    )

    _sql_constraints = [
        ("points_not_zero", "CHECK(points <> 0)", "A points line cannot be zero."),
    ]

    @api.constrains("kind", "points")
    def _check_sign(self):
        for line in self:
            if line.kind == "earn" and line.points < 0:
                raise ValidationError(self.env._("Earned points must be positive."))
            if line.kind == "redeem" and line.points > 0:
                raise ValidationError(
                    self.env._("Redeemed points must be entered as a negative number.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        # the member and the kind may come from the context (member's page)
        defaults = self.default_get(["partner_id", "kind"])
        for vals in vals_list:
            for fname, value in defaults.items():
                vals.setdefault(fname, value)
            if not vals.get("points"):
                raise ValidationError(self.env._("A points line cannot be zero."))
            if vals.get("kind") == "redeem" and vals["points"] > 0:
                vals["points"] = -vals["points"]
            if vals.get("kind") == "adjust":
                self._cs_check_adjust_right()
        balances = self._lock_and_read_balances(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        for vals in vals_list:
            if not vals.get("partner_id"):
                continue  # refused as a missing required field below
            new_balance = balances[vals["partner_id"]] + vals["points"]
            if vals["points"] < 0 and new_balance < 0:
                partner = self.env["res.partner"].browse(vals["partner_id"])
                raise ValidationError(
                    self.env._(
                        "%(member)s has %(balance)s points and cannot redeem "
                        "%(points)s: the balance cannot become negative.",
                        member=partner.display_name,
                        balance=balances[vals["partner_id"]],
                        points=-vals["points"],
                    )
                )
            balances[vals["partner_id"]] = vals["balance_after"] = new_balance
        lines = super().create(vals_list)
        self.env["res.partner"].browse(balances)._cs_recompute_points()
        return lines

    def write(self, vals):
        locked = {"partner_id", "points", "kind", "balance_after", "company_id"}
        if locked & set(vals):
            raise UserError(
                self.env._(
                    "Booked points lines cannot be changed: book an adjustment "
                    "line instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_booked(self):
        if not self.env.is_superuser() and not self.env.user.has_group(
            "base.group_system"
        ):
            raise UserError(
                self.env._(
                    "Points lines are never deleted: book an adjustment line instead."
                )
            )

    def unlink(self):
        partners = self.partner_id
        res = super().unlink()
        partners._cs_recompute_points()
        return res

    def _lock_and_read_balances(self, partner_ids):
        """Lock the members' rows (so two redemptions cannot both pass) and
        return their balance computed from the ledger."""
        balances = defaultdict(int)
        if not partner_ids:
            return balances
        self.env.flush_all()
        ids = tuple(sorted(partner_ids))
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_partner WHERE id IN %s ORDER BY id FOR UPDATE",
                ids,
            )
        )
        self.env.cr.execute(
            SQL(
                "SELECT partner_id, SUM(points) FROM cs_member_points "
                "WHERE partner_id IN %s GROUP BY partner_id",
                ids,
            )
        )
        balances.update(dict(self.env.cr.fetchall()))
        return balances

    def _cs_check_adjust_right(self):
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return
        raise AccessError(
            self.env._("Only a customer service supervisor can adjust points.")
        )
