# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_complaint_ids = fields.One2many(
        "cs.complaint", "partner_id", string="Complaints"
    )
    cs_complaint_count = fields.Integer(
        string="Complaint Count", compute="_compute_cs_complaint_count"
    )

    def _compute_cs_complaint_count(self):
        counts = dict(
            self.env["cs.complaint"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.cs_complaint_count = counts.get(partner, 0)

    def action_view_cs_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_complaint.cs_complaint_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
