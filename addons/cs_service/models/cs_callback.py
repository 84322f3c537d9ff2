# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.cs_member.models.cs_protected_mixin import protected_writes_allowed

# the opinion card (意见卡, G2): what the customer rates after a repair
RATING_FIELDS = (
    "service_rating_attitude",
    "service_rating_skill",
    "service_rating_punctuality",
    "service_rating_promise",
)


class CsCallback(models.Model):
    """The opinion card of a repair is an after-service callback with four
    ratings from 1 to 5; like the rest of the call's result they are fixed
    once the callback is over."""

    _inherit = "cs.callback"

    service_request_id = fields.Many2one(
        "cs.service.request", compute="_compute_service_request_id"
    )
    service_rating_attitude = fields.Integer(
        string="Attitude", copy=False, help="From 1 (worst) to 5 (best)."
    )
    service_rating_skill = fields.Integer(
        string="Skill", copy=False, help="From 1 (worst) to 5 (best)."
    )
    service_rating_punctuality = fields.Integer(
        string="Arrival on Time", copy=False, help="From 1 (worst) to 5 (best)."
    )
    service_rating_promise = fields.Integer(
        string="Keeping Promises", copy=False, help="From 1 (worst) to 5 (best)."
    )

    _sql_constraints = [
        (
            f"{fname}_range",
            f"CHECK({fname} IS NULL OR {fname} BETWEEN 0 AND 5)",
            "The ratings of the opinion card are between 1 and 5.",
        )
        for fname in RATING_FIELDS
    ]

    def _compute_service_request_id(self):
        for callback in self:
            callback.service_request_id = (
                self.env["cs.service.request"].browse(callback.res_id)
                if callback.res_model == "cs.service.request" and callback.res_id
                else False
            )

    def write(self, vals):
        changed = set(RATING_FIELDS) & set(vals)
        if changed and not protected_writes_allowed(self.env):
            over = self.filtered(lambda c: c.state != "todo")
            if any(
                not c._cs_same_value(f, vals[f], c[f]) for c in over for f in changed
            ):
                raise UserError(
                    self.env._(
                        "The opinion card of %(customer)s is over: its ratings "
                        "cannot be changed.",
                        customer=over[0].partner_id.display_name,
                    )
                )
        return super().write(vals)

    def action_done(self):
        for callback in self:
            if (
                callback.state == "todo"
                and callback.kind == "after_service"
                and callback.outcome == "reached"
                and not all(1 <= callback[fname] <= 5 for fname in RATING_FIELDS)
            ):
                raise UserError(
                    self.env._(
                        "Fill in the four ratings of the opinion card of %(customer)s "
                        "(attitude, skill, arrival on time, keeping promises) from 1 "
                        "to 5.",
                        customer=callback.partner_id.display_name,
                    )
                )
        return super().action_done()
