# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

ZONE_SELECTION = [("urban", "Urban"), ("suburban", "Suburban")]


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_service_zone = fields.Selection(
        ZONE_SELECTION,
        string="Service Zone",
        compute="_compute_cs_service_zone",
        store=True,
        readonly=False,
        help="Urban customers get a technician within the urban dispatch time, "
        "suburban ones within the suburban time. Proposed from the city and the "
        "urban cities of the settings.",
    )

    @api.depends("city")
    def _compute_cs_service_zone(self):
        for partner in self:
            company = partner.company_id or self.env.company
            partner.cs_service_zone = company._cs_service_zone_of(partner.city)
