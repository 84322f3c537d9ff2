# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import html2plaintext


class CsComplaintReplyWizard(models.TransientModel):
    """The responsible department answers a complaint routed to it."""

    _name = "cs.complaint.reply.wizard"
    _description = "Department Reply"

    complaint_id = fields.Many2one("cs.complaint", required=True, readonly=True)
    body = fields.Html(string="Reply", required=True, sanitize=True)

    @api.model
    def _cs_may_reply(self, complaint):
        """Members and managers of the routed department reply, and the
        customer-service supervisors on their behalf."""
        user = self.env.user
        department = complaint.department_id
        if not department:
            return False
        if user.has_group("cs_member.group_cs_supervisor"):
            return True
        # sudo: members of other departments cannot read the employees of
        # the responsible department; only the user's membership is checked
        department = department.sudo()
        return (
            user in department.member_ids.user_id
            or user == department.manager_id.user_id
        )

    def action_send(self):
        self.ensure_one()
        complaint = self.complaint_id
        complaint.check_access("read")
        if not self._cs_may_reply(complaint):
            raise AccessError(
                self.env._(
                    "Only the department complaint %(number)s was routed to may reply.",
                    number=complaint.name,
                )
            )
        if not html2plaintext(self.body or "").strip():
            raise UserError(self.env._("The reply is empty."))
        now = fields.Datetime.now()
        # sudo: department members read routed complaints but do not write
        # them; the reply is recorded with their name and stops the clock
        sudo_complaint = complaint.sudo()
        self.env["cs.complaint.reply"].sudo().create(
            {
                "complaint_id": complaint.id,
                "department_id": complaint.department_id.id,
                "user_id": self.env.user.id,
                "date": now,
                "body": self.body,
                "is_late": bool(
                    complaint.date_reply_deadline
                    and now > complaint.date_reply_deadline
                ),
            }
        )
        if not complaint.date_reply:
            sudo_complaint.write({"date_reply": now})
        complaint.message_post(
            body=self.body,
            subject=self.env._(
                "Reply of %(department)s", department=complaint.department_id.name
            ),
            subtype_xmlid="mail.mt_note",
        )
        sudo_complaint.activity_feedback(
            ["cs_complaint.mail_activity_type_department_reply"],
            feedback=html2plaintext(self.body),
        )
        return {"type": "ir.actions.act_window_close"}
