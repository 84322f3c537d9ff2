# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_service_reply_hours = fields.Float(
        string="Reply to a Service Request Within (working hours)",
        default=2.0,
        help="The customer of an after-sales request is answered within this many "
        "working hours of its reception.",
    )
    cs_service_dispatch_hours_urban = fields.Float(
        string="Dispatch Within, Urban (working hours)",
        default=6.0,
        help="A technician is dispatched to an urban customer within this many "
        "working hours.",
    )
    cs_service_dispatch_hours_suburban = fields.Float(
        string="Dispatch Within, Suburban (working hours)",
        default=7.0,
        help="A technician is dispatched to a suburban customer within this many "
        "working hours.",
    )
    cs_service_urban_cities = fields.Char(
        string="Urban Cities",
        help="Cities whose customers are urban, separated by commas; customers of "
        "other cities are suburban. Each customer's zone can be changed on the "
        "customer.",
    )
    cs_service_at_risk_percent = fields.Float(
        string="Service Request at Risk Below (%)",
        default=25.0,
        help="A request is at risk when less than this share of the time to its "
        "deadline is left.",
    )
    cs_service_escalation_hours = fields.Float(
        string="Hours Between Service Escalation Steps",
        default=2.0,
        help="A late request climbs one level (agent, team leader, after-sales "
        "manager) at most once in this many hours.",
    )
    cs_service_manager_id = fields.Many2one(
        "res.users",
        string="After-sales Manager",
        help="Receives the service requests escalated to the last level. Empty: "
        "the first customer-service manager.",
    )
    cs_service_callback_days = fields.Integer(
        string="Opinion Card Within (days)",
        default=3,
        help="A completed repair asks for the customer's opinion card (a callback) "
        "within this many days.",
    )
    cs_service_portal_rate_limit = fields.Integer(
        string="Portal Requests per Hour and Customer",
        default=5,
        help="Service requests one customer may register through the portal in an "
        "hour.",
    )

    @api.constrains(
        "cs_service_reply_hours",
        "cs_service_dispatch_hours_urban",
        "cs_service_dispatch_hours_suburban",
    )
    def _check_cs_service_hours(self):
        for company in self:
            if (
                min(
                    company.cs_service_reply_hours,
                    company.cs_service_dispatch_hours_urban,
                    company.cs_service_dispatch_hours_suburban,
                )
                <= 0
            ):
                raise ValidationError(
                    self.env._(
                        "The reply and dispatch times of service requests must be "
                        "greater than zero."
                    )
                )

    def _cs_service_urban_city_set(self):
        """The urban cities of the company, compared without case and blanks."""
        self.ensure_one()
        text = (self.cs_service_urban_cities or "").replace("，", ",")
        return {city.strip().casefold() for city in text.split(",") if city.strip()}

    def _cs_service_zone_of(self, city):
        """``urban`` when ``city`` is one of the company's urban cities."""
        self.ensure_one()
        if city and city.strip().casefold() in self._cs_service_urban_city_set():
            return "urban"
        return "suburban"

    def _cs_service_manager(self):
        """The user of the last escalation level."""
        self.ensure_one()
        if self.cs_service_manager_id:
            return self.cs_service_manager_id
        group = self.env.ref("cs_member.group_cs_manager")
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [("groups_id", "in", group.ids), ("company_ids", "in", self.ids)],
                order="id",
                limit=1,
            )
        )
