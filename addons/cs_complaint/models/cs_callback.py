# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class CsCallback(models.Model):
    """Closes the complaint loop: an unsatisfied answer on the callback of a
    resolved complaint reopens it; an unsatisfied answer on another callback
    can open a complaint."""

    _inherit = "cs.callback"

    complaint_id = fields.Many2one("cs.complaint", compute="_compute_complaint_id")
    opened_complaint_id = fields.Many2one(
        "cs.complaint",
        string="Complaint Opened",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    def _compute_complaint_id(self):
        for callback in self:
            callback.complaint_id = (
                self.env["cs.complaint"].browse(callback.res_id)
                if callback.res_model == "cs.complaint" and callback.res_id
                else False
            )

    def _after_done(self):
        res = super()._after_done()
        unsatisfied = self.filtered(
            lambda c: c.satisfaction == "unsatisfied" and c.res_model == "cs.complaint"
        )
        for callback in unsatisfied:
            # sudo: the agent who calls back is not the supervisor who may
            # reopen; the customer's answer decides, not the agent's rights
            complaint = callback.complaint_id.sudo()
            if complaint.state in ("resolved", "closed"):
                complaint.action_reopen(
                    reason=self.env._(
                        "the customer is unsatisfied at the callback: %(reason)s",
                        reason=callback.unsatisfied_reason,
                    )
                )
        return res

    def _cs_check_cancel(self):
        """The callback that a resolved complaint requested is part of the
        complaint's closed loop (C8): only a supervisor cancels it."""
        res = super()._cs_check_cancel()
        if self.env.su or self.env.user.has_group("cs_member.group_cs_supervisor"):
            return res
        loop = self.filtered(
            lambda c: c.res_model == "cs.complaint" and c.kind == "after_complaint"
        )
        if loop:
            raise AccessError(
                self.env._(
                    "The callback of %(customer)s closes the loop of a resolved "
                    "complaint: only a supervisor may cancel it.",
                    customer=loop[0].partner_id.display_name,
                )
            )
        return res

    def action_open_complaint(self):
        """Turn the unsatisfied answer of this callback into a complaint."""
        self.ensure_one()
        if self.satisfaction != "unsatisfied" or self.complaint_id:
            raise UserError(
                self.env._(
                    "Only an unsatisfied callback that is not about a complaint can "
                    "open one."
                )
            )
        if self.opened_complaint_id:
            raise UserError(
                self.env._(
                    "This callback already opened complaint %(number)s.",
                    number=self.opened_complaint_id.name,
                )
            )
        text = self.unsatisfied_reason or self.feedback or ""
        complaint = self.env["cs.complaint"].create(
            {
                "partner_id": self.partner_id.id,
                "channel": "callback",
                "subject": self.env._("Unsatisfied at callback"),
                "description": Markup("<p>%s</p>") % escape(text),
                "user_id": self.user_id.id,
            }
        )
        self.opened_complaint_id = complaint
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.complaint",
            "res_id": complaint.id,
            "view_mode": "form",
        }
