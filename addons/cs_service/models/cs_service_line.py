# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the states in which the technician records the work
WORK_STATES = ("dispatched", "on_site")


class CsServiceLine(models.Model):
    """A line of work recorded on site: a part used and/or hours spent."""

    _name = "cs.service.line"
    _description = "Service Work Line"
    _order = "request_id, sequence, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "cs.service.request", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", string="Part or Service")
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    hours = fields.Float()
    note = fields.Char()
    company_id = fields.Many2one(related="request_id.company_id", store=True)

    @api.constrains("quantity", "hours")
    def _check_amounts(self):
        for line in self:
            if line.quantity < 0 or line.hours < 0:
                raise ValidationError(
                    self.env._("Quantities and hours of work cannot be negative.")
                )
            if not line.product_id and not line.hours and not line.note:
                raise ValidationError(
                    self.env._("A work line needs a part, hours or a note.")
                )

    def _cs_check_editable(self, requests):
        """The work is recorded while the technician is on it; afterwards the
        lines are what the customer signed."""
        if self.env.su:
            return
        closed = requests.filtered(lambda r: r.state not in WORK_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "The work of service request %(number)s is over: its work lines "
                    "cannot be changed.",
                    number=closed[0].name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        requests = self.env["cs.service.request"].browse(
            [vals["request_id"] for vals in vals_list if vals.get("request_id")]
        )
        self._cs_check_editable(requests)
        return super().create(vals_list)

    def write(self, vals):
        requests = self.request_id
        if vals.get("request_id"):
            requests |= self.env["cs.service.request"].browse(vals["request_id"])
        self._cs_check_editable(requests)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_work_over(self):
        self._cs_check_editable(self.request_id)
