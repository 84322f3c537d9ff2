# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_complaint_repeat_days = fields.Integer(
        string="Repeat Complaint Window (days)",
        default=90,
        help="A complaint of the same customer in the same category within this "
        "many days of an earlier one is flagged as a repeat complaint.",
    )
    cs_complaint_compensation_limit = fields.Float(
        string="Compensation Limit",
        default=500.0,
        help="A solution that compensates the customer above this amount must "
        "be approved by a customer-service manager.",
    )
    cs_complaint_callback_days = fields.Integer(
        string="Callback After Resolution (days)",
        default=3,
        help="A resolved complaint asks for a callback of the customer within "
        "this many days.",
    )
    cs_complaint_escalation_hours = fields.Float(
        string="Hours Between Escalation Steps",
        default=4.0,
        help="A late complaint climbs one level (handler, department manager, "
        "customer-service manager) at most once in this many hours.",
    )
    cs_complaint_manager_id = fields.Many2one(
        "res.users",
        string="Customer-Service Manager",
        help="Receives the complaints escalated to the last level and the alerts "
        "of serious complaints. Empty: the first customer-service manager.",
    )
    cs_penalty_direct_min = fields.Float(
        string="Penalty of the Person at Fault (min)", default=200.0
    )
    cs_penalty_direct_max = fields.Float(
        string="Penalty of the Person at Fault (max)", default=1000.0
    )
    cs_penalty_manager_min = fields.Float(
        string="Penalty of the First Responsible Manager (min)", default=100.0
    )
    cs_penalty_manager_max = fields.Float(
        string="Penalty of the First Responsible Manager (max)", default=500.0
    )
    cs_complaint_public_rate_limit = fields.Integer(
        string="Public Form Limit (per hour and address)",
        default=5,
        help="Complaints one network address may send through the public form "
        "in an hour.",
    )
    cs_complaint_upload_max_mb = fields.Float(
        string="Attachment Size Limit (MB)",
        default=5.0,
        help="Largest file a customer may attach to a complaint on the portal "
        "or the public form.",
    )

    @api.constrains(
        "cs_penalty_direct_min",
        "cs_penalty_direct_max",
        "cs_penalty_manager_min",
        "cs_penalty_manager_max",
    )
    def _check_cs_penalty_ranges(self):
        for company in self:
            for low, high in (
                (company.cs_penalty_direct_min, company.cs_penalty_direct_max),
                (company.cs_penalty_manager_min, company.cs_penalty_manager_max),
            ):
                if low < 0 or high < low:
                    raise ValidationError(
                        self.env._(
                            "A penalty range needs a minimum of zero or more and a "
                            "maximum not below the minimum."
                        )
                    )

    @api.constrains(
        "cs_complaint_repeat_days",
        "cs_complaint_callback_days",
        "cs_complaint_escalation_hours",
        "cs_complaint_public_rate_limit",
        "cs_complaint_upload_max_mb",
        "cs_complaint_compensation_limit",
    )
    def _check_cs_complaint_settings(self):
        for company in self:
            if (
                company.cs_complaint_repeat_days < 0
                or company.cs_complaint_callback_days < 1
                or company.cs_complaint_escalation_hours < 0
                or company.cs_complaint_public_rate_limit < 1
                or company.cs_complaint_upload_max_mb <= 0
                or company.cs_complaint_compensation_limit < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint settings must be positive: the callback delay, "
                        "the public form limit and the attachment size at least 1."
                    )
                )

    def _cs_complaint_manager(self):
        """The user who receives the last escalation level and serious alerts."""
        self.ensure_one()
        if self.cs_complaint_manager_id:
            return self.cs_complaint_manager_id
        group = self.env.ref("cs_member.group_cs_manager")
        managers = group.sudo().users.filtered(
            lambda u: self in u.company_ids and not u.share
        )
        return managers.sorted("id")[:1].sudo(False)
