# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, models


class CsCallback(models.Model):
    """An unsatisfied opinion card (意见卡) opens a complaint against the
    technician of the repair (H1: the customer's opinion sends the case back
    to the responsible person)."""

    _inherit = "cs.callback"

    def action_open_complaint(self):
        action = super().action_open_complaint()
        request = self.service_request_id
        if not request:
            return action
        # sudo: the agent who calls back names the technician of the repair,
        # whose employee record they may not read
        technician = request.sudo().technician_id
        vals = {
            "subject": self.env._(
                "Unsatisfied after repair %(number)s", number=request.name
            ),
        }
        if technician:
            vals["responsible_employee_ids"] = [Command.link(technician.id)]
            if technician.department_id:
                vals["department_id"] = technician.department_id.id
        complaint = self.opened_complaint_id
        complaint.write(vals)
        complaint.message_post(
            body=self.env._(
                "Opened from the opinion card of service request %(number)s "
                "(technician: %(technician)s).",
                number=request.name,
                technician=technician.name or "-",
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return action
