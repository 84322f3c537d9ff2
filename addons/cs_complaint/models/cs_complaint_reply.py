# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsComplaintReply(models.Model):
    """The answer of the department a complaint was routed to: who answered,
    when and what. The first answer stops the department's reply clock."""

    _name = "cs.complaint.reply"
    _inherit = ["cs.protected.mixin"]
    _description = "Department Reply to a Complaint"
    _order = "date desc, id desc"

    complaint_id = fields.Many2one(
        "cs.complaint", required=True, ondelete="cascade", index=True, readonly=True
    )
    department_id = fields.Many2one("hr.department", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Replied By", required=True, readonly=True
    )
    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    body = fields.Html(string="Reply", required=True, sanitize=True, readonly=True)
    is_late = fields.Boolean(
        string="Late", readonly=True, help="Given after the department's deadline."
    )

    def _cs_protected_fields(self):
        # a reply is a record of what a department said and when: only the
        # Department Reply button writes it
        return super()._cs_protected_fields() | {
            "complaint_id",
            "department_id",
            "user_id",
            "date",
            "body",
            "is_late",
        }
