# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsPeriodMixin(models.AbstractModel):
    """The period of a report wizard: its start on or before its end. A
    wizard redefines the two dates with its own label, default and
    ``required``; an empty date is an open bound."""

    _name = "cs.period.mixin"
    _description = "Report Period"

    date_from = fields.Date()
    date_to = fields.Date()

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_from > wizard.date_to
            ):
                raise ValidationError(
                    self.env._("The start date must be on or before the end date.")
                )
