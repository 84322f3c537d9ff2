# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # stored on the employee, so that agents (no HR right, no access to job
    # positions) can choose among the technicians
    cs_is_technician = fields.Boolean(
        string="Service Technician",
        related="job_id.cs_is_technician",
        store=True,
        index=True,
    )


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    cs_is_technician = fields.Boolean(string="Service Technician", readonly=True)
