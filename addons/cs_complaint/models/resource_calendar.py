# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _cs_notify_missing_holidays(self, calendars, years):
        """Deadlines are planned on these schedules: the customer-service
        managers are told that a year of China's holidays is missing."""
        res = super()._cs_notify_missing_holidays(calendars, years)
        managers = self.env.ref("cs_member.group_cs_manager").users
        for calendar in calendars:
            recipients = managers.filtered(
                lambda user, c=calendar: (
                    not c.company_id or c.company_id in user.company_ids
                )
            )
            if not recipients:
                continue
            self.env["mail.thread"].message_notify(
                model=calendar._name,
                res_id=calendar.id,
                partner_ids=recipients.partner_id.ids,
                subject=self.env._("China's public holidays missing"),
                body=self.env._(
                    "The public holidays and make-up working days of %(years)s "
                    "are not known yet: complaint deadlines on %(calendar)s "
                    "ignore them. Update the chinesecalendar package, or enter "
                    "them by hand in the working schedule.",
                    years=", ".join(map(str, years)),
                    calendar=calendar.display_name,
                ),
            )
        return res
