# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrJob(models.Model):
    _inherit = "hr.job"

    cs_is_technician = fields.Boolean(
        string="Service Technician",
        help="Employees in this position (with a user) can be dispatched to "
        "after-sales service requests.",
    )
