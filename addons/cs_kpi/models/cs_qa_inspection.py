# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_member.models.cs_protected_mixin import (
    protected_writes_allowed,
    workflow_action,
)


class CsQaInspection(models.Model):
    """A quality inspection (质检) of an agent's call, callback or complaint
    against a scoring standard; the agent acknowledges it or appeals, and the
    manager decides appeals."""

    _name = "cs.qa.inspection"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Quality Inspection"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    agent_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("cs_member.group_cs_agent").ids)
        ],
    )
    inspector_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        readonly=True,
    )
    date = fields.Date(
        required=True, default=lambda self: self.env.company._cs_today(), index=True
    )
    form_id = fields.Many2one("cs.qa.form", string="Scoring Standard", required=True)
    callback_id = fields.Many2one(
        "cs.callback", index="btree_not_null", check_company=True
    )
    complaint_id = fields.Many2one(
        "cs.complaint", index="btree_not_null", check_company=True
    )
    call_reference = fields.Char(help="Recording or call number of the inspected call.")
    line_ids = fields.One2many(
        "cs.qa.inspection.line", "inspection_id", string="Scores"
    )
    total_points = fields.Float(compute="_compute_total", store=True)
    total_score = fields.Float(
        string="Score (%)",
        compute="_compute_total",
        store=True,
        aggregator="avg",
        help="Points obtained over the maximum of the standard, in percent.",
    )
    feedback = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("done", "Sent to Agent"),
            ("acknowledged", "Acknowledged"),
            ("appealed", "Appealed"),
            ("decided", "Appeal Decided"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    appeal_reason = fields.Text(copy=False)
    appeal_decision = fields.Selection(
        [("accepted", "Accepted"), ("rejected", "Rejected")], readonly=True, copy=False
    )
    decision_note = fields.Text(copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("agent_id", "date")
    def _compute_name(self):
        for inspection in self:
            inspection.name = (
                f"{inspection.agent_id.name or ''} {inspection.date or ''}"
            )

    @api.depends("line_ids.score", "form_id.criterion_ids.max_points")
    def _compute_total(self):
        for inspection in self:
            points = sum(inspection.line_ids.mapped("score"))
            maximum = inspection.form_id.max_total
            inspection.total_points = points
            inspection.total_score = points / maximum * 100.0 if maximum else 0.0

    @api.onchange("form_id")
    def _onchange_form_id(self):
        if self.form_id and not self.line_ids:
            self.line_ids = [
                Command.create({"criterion_id": c.id, "score": c.max_points})
                for c in self.form_id.criterion_ids
            ]

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "inspector_id",
            "total_points",
            "total_score",
            "appeal_decision",
            "decision_note",
        }

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        for inspection in inspections.filtered(lambda i: not i.line_ids):
            inspection.line_ids = [
                Command.create({"criterion_id": c.id, "score": c.max_points})
                for c in inspection.form_id.criterion_ids
            ]
        return inspections

    def _cs_check_inspector(self):
        if not self.env.user.has_group("cs_member.group_cs_quality"):
            raise AccessError(self.env._("Only quality inspectors score calls."))

    @workflow_action
    def action_done(self):
        """Send the scores and feedback to the agent."""
        self._cs_check_inspector()
        if any(i.state != "draft" for i in self):
            raise UserError(self.env._("Only draft inspections can be sent."))
        for inspection in self:
            if not inspection.line_ids:
                raise UserError(self.env._("Score the criteria first."))
        self.write({"state": "done"})
        for inspection in self:
            inspection.message_subscribe(partner_ids=inspection.agent_id.partner_id.ids)
            inspection.message_post(
                body=self.env._(
                    "Quality inspection: %(score)s%% — %(feedback)s",
                    score=round(inspection.total_score, 1),
                    feedback=inspection.feedback or "",
                ),
                partner_ids=inspection.agent_id.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _cs_check_agent(self):
        for inspection in self:
            if inspection.agent_id != self.env.user:
                raise AccessError(
                    self.env._("Only the inspected agent acknowledges or appeals.")
                )
            if inspection.state != "done":
                raise UserError(
                    self.env._(
                        "Only inspections sent to you can be acknowledged or appealed."
                    )
                )

    @workflow_action
    def action_acknowledge(self):
        self._cs_check_agent()
        # sudo: agents read their inspections but do not write them
        self.sudo().write({"state": "acknowledged"})
        return True

    @workflow_action
    def action_appeal(self, reason=None):
        self._cs_check_agent()
        for inspection in self:
            reason = reason or inspection.appeal_reason
            if not (reason or "").strip():
                raise UserError(self.env._("Say why you appeal the inspection."))
            # sudo: agents read their inspections but do not write them
            inspection.sudo().write({"state": "appealed", "appeal_reason": reason})
        return True

    @workflow_action
    def action_decide(self, decision, note=None):
        """The manager accepts (the scores are corrected by the inspector
        before) or rejects the appeal."""
        if not self.env.user.has_group("cs_member.group_cs_manager"):
            raise AccessError(
                self.env._("Only a customer-service manager decides appeals.")
            )
        if decision not in ("accepted", "rejected"):
            raise UserError(self.env._("An appeal is accepted or rejected."))
        if any(i.state != "appealed" for i in self):
            raise UserError(self.env._("Only appealed inspections can be decided."))
        self.write(
            {"state": "decided", "appeal_decision": decision, "decision_note": note}
        )
        return True

    def action_accept_appeal(self):
        return self.action_decide("accepted")

    def action_reject_appeal(self):
        return self.action_decide("rejected")


class CsQaInspectionLine(models.Model):
    _name = "cs.qa.inspection.line"
    _description = "Quality Inspection Score"
    _order = "sequence, id"

    inspection_id = fields.Many2one(
        "cs.qa.inspection", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one("cs.qa.criterion", required=True)
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    max_points = fields.Float(related="criterion_id.max_points")
    score = fields.Float(required=True)
    comment = fields.Char()

    def write(self, vals):
        if not protected_writes_allowed(self.env) and any(
            line.inspection_id.state != "draft" for line in self
        ):
            raise UserError(
                self.env._(
                    "The inspection was sent to the agent: its scores cannot change."
                )
            )
        return super().write(vals)

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            if line.score < 0 or line.score > line.criterion_id.max_points:
                raise ValidationError(
                    self.env._(
                        "%(criterion)s is scored from 0 to %(max)s, not %(score)s.",
                        criterion=line.criterion_id.name,
                        max=line.criterion_id.max_points,
                        score=line.score,
                    )
                )
