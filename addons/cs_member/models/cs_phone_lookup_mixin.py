# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CsPhoneLookupMixin(models.AbstractModel):
    """*Find by Phone* on an intake form (a complaint, a service request):
    the agent types the caller's number, spaces and dashes included, and the
    customer (``partner_id``) is filled in when exactly one customer has it
    as phone or mobile; otherwise the agent is told why not."""

    _name = "cs.phone.lookup.mixin"
    _description = "Find the Caller by Phone"

    lookup_phone = fields.Char(
        string="Find by Phone",
        store=False,
        help="Type the caller's phone number to find the customer.",
    )

    @api.onchange("lookup_phone")
    def _onchange_lookup_phone(self):
        digits = "".join(ch for ch in (self.lookup_phone or "") if ch.isdigit())
        if len(digits) < 5:
            return None
        partners = self.env["res.partner"]._cs_find_by_phone(digits, limit=2)
        if len(partners) == 1:
            self.partner_id = partners
            return None
        if not partners:
            return {
                "warning": {
                    "title": self.env._("No customer found"),
                    "message": self.env._(
                        "No customer has the number %(number)s: create the customer "
                        "from the Customer field.",
                        number=self.lookup_phone,
                    ),
                }
            }
        return {
            "warning": {
                "title": self.env._("Several customers found"),
                "message": self.env._(
                    "Several customers have the number %(number)s: choose one in "
                    "the Customer field.",
                    number=self.lookup_phone,
                ),
            }
        }
