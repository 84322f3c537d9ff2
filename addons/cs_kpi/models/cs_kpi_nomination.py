# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CsKpiNomination(models.Model):
    """A colleague's nomination for the star of the month (每月之星, D8):
    any internal user nominates one colleague a month, with a reason. The
    manager reads the nominations when choosing the star."""

    _name = "cs.kpi.nomination"
    _inherit = ["cs.protected.mixin"]
    _description = "Star of the Month Nomination"
    _order = "month desc, id desc"
    _rec_name = "employee_id"
    _check_company_auto = True

    month = fields.Date(
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self._default_month(),
        help="First day of the company's month of the nomination.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Nominee",
        required=True,
        index=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True
    )
    nominator_id = fields.Many2one(
        "res.users",
        string="Nominated By",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(required=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "nominator_month_unique",
            "UNIQUE(company_id, month, nominator_id)",
            "You have already nominated a colleague this month.",
        ),
    ]

    @api.model
    def _default_month(self):
        return self.env.company._cs_today().replace(day=1)

    def _cs_protected_fields(self):
        # who nominates and for which month is the server's, not the client's
        return super()._cs_protected_fields() | {"month", "nominator_id"}

    @api.constrains("employee_id", "nominator_id")
    def _check_not_self(self):
        for nomination in self:
            if nomination.employee_id.user_id == nomination.nominator_id:
                raise ValidationError(self.env._("Nominate a colleague, not yourself."))

    def write(self, vals):
        if not self.env.su and any(
            nomination.nominator_id != self.env.user for nomination in self
        ):
            raise AccessError(
                self.env._("Only the colleague who nominated can change it.")
            )
        if not self.env.su and any(
            nomination.month != self._default_month() for nomination in self
        ):
            raise AccessError(
                self.env._("The nominations of a past month cannot change.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_past_month(self):
        if self.env.su:
            return
        month = self._default_month()
        for nomination in self:
            if nomination.nominator_id != self.env.user or nomination.month != month:
                raise AccessError(
                    self.env._(
                        "Only the colleague who nominated withdraws a nomination, "
                        "within its month."
                    )
                )
