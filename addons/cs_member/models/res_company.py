# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_card_validity_months = fields.Integer(
        string="Card Validity (months)",
        default=12,
        help="Default validity of a new or renewed member card.",
    )
    cs_expiry_reminder_days = fields.Integer(
        string="Expiry Reminder (days)",
        default=30,
        help="Members are reminded this many days before their card expires.",
    )
    cs_agents_may_export = fields.Boolean(
        string="Agents May Export Customer Lists",
        help="Customer data is exported by supervisors only (confidentiality); "
        "tick to let agents export lists too. Every export is logged.",
    )
    cs_key_account_manager_id = fields.Many2one(
        "res.users",
        string="Key Account Manager",
        domain="[('share', '=', False)]",
        help="The customer-service manager who personally manages the key "
        "accounts (B4) and owns their visit plans; empty: the first "
        "customer-service manager.",
    )
    cs_first_contact_days = fields.Integer(
        string="First Contact Within (days)",
        default=7,
        help="An agent must contact a newly assigned customer within this delay.",
    )

    @api.constrains(
        "cs_card_validity_months",
        "cs_expiry_reminder_days",
        "cs_first_contact_days",
    )
    def _check_cs_positive_delays(self):
        for company in self:
            if (
                company.cs_card_validity_months < 1
                or company.cs_first_contact_days < 1
                or company.cs_expiry_reminder_days < 0
            ):
                raise ValidationError(
                    self.env._(
                        "Deadlines and validity of the customer service settings "
                        "must be positive numbers."
                    )
                )

    def _cs_tz(self):
        """The company's time zone: its working schedule's (when ``resource``
        is installed), else its address's, else UTC. "Today", day and month
        bounds of every cron, indicator and report of the suite are taken in
        it, never in the time zone of the user who runs them."""
        self.ensure_one()
        calendar = (
            self["resource_calendar_id"]
            if "resource_calendar_id" in self._fields
            else None
        )
        return pytz.timezone((calendar and calendar.tz) or self.partner_id.tz or "UTC")

    def _cs_now(self):
        """The company's local date and time now (aware)."""
        return pytz.utc.localize(fields.Datetime.now()).astimezone(self._cs_tz())

    def _cs_today(self):
        """The company's date today."""
        return self._cs_now().date()

    @api.model
    def _cs_today_domain(self, fname, operator, company_field="company_id"):
        """A domain comparing the date field ``fname`` with each company's
        today, e.g. the cards whose end date has passed in their company:
        ``_cs_today_domain("date_end", "<")``."""
        companies = self.search([])
        return expression.OR(
            [
                [
                    (company_field, "=", company.id),
                    (fname, operator, company._cs_today()),
                ]
                for company in companies
            ]
        )

    def _cs_month_span(self, months=1, to_today=False):
        """The company's last ``months`` months, the current one included,
        as dates ``(first day, last day)``; the last day is today with
        ``to_today``. The default period of the report wizards; turn it
        into datetimes with :meth:`_cs_utc_bounds`."""
        self.ensure_one()
        today = self._cs_today()
        first = today.replace(day=1) - relativedelta(months=months - 1)
        return first, today if to_today else today + relativedelta(day=31)

    def _cs_utc_bounds(self, date_from, date_to):
        """The company's days ``date_from`` to ``date_to`` (inclusive), as
        naive UTC datetimes ``[start, stop)`` to compare with stored
        datetimes."""
        tz = self._cs_tz()
        start = tz.localize(datetime.combine(date_from, time.min))
        stop = tz.localize(datetime.combine(date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )
