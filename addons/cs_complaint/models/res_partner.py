# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL


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

    @api.model
    def _cs_find_by_phone(self, digits, limit=2):
        """Customers whose phone or mobile ends with these digits, spaces,
        dashes and country prefixes ignored."""
        self.env["res.partner"].flush_model(["phone", "mobile", "active"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT id FROM res_partner
                 WHERE active
                   AND (
                       regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')
                           LIKE %(pattern)s
                       OR regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g')
                           LIKE %(pattern)s
                   )
                 ORDER BY id
                 LIMIT %(limit)s
                """,
                pattern=f"%{digits}",
                limit=limit,
            )
        )
        return self.browse([row[0] for row in rows])._filtered_access("read")

    def action_view_cs_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_complaint.cs_complaint_action"
        )
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
