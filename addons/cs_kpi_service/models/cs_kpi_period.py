# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, models

WEEKLY_REPORT = "cs_kpi_service.action_report_service_weekly"
WEEKLY_TEMPLATE = "cs_kpi_service.mail_template_service_weekly_report"


class CsKpiPeriod(models.Model):
    """The weekly after-sales phone follow-up report (C7) goes to the
    general manager on the first working day of each week; it is kept in
    the chatter of the current assessment month."""

    _inherit = "cs.kpi.period"

    @api.model
    def _cron_cs_send_service_weekly_report(self):
        """Daily: on the company's first working day of a week (or the first
        run after it), e-mail last week's report once."""
        companies = self.env["res.company"].search([])
        sent = self.browse()
        for done, company in enumerate(companies, start=1):
            today = company._cs_today()
            monday = today - timedelta(days=today.weekday())
            if (
                not company.cs_weekly_report_date
                or company.cs_weekly_report_date < monday
            ) and company._cs_is_delivery_day(monday, today):
                period = self._cs_get_or_create_month(company, today.replace(day=1))
                period._cs_send_service_weekly_report(
                    monday - timedelta(days=7), monday - timedelta(days=1)
                )
                # sudo: the scheduled action records the week it sent; the
                # field is read-only for users
                company.sudo().cs_weekly_report_date = monday
                sent |= period
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(companies) - done
            )
        return sent

    def _cs_send_service_weekly_report(self, date_from, date_to):
        """E-mail the after-sales follow-up report of ``date_from`` to
        ``date_to`` to its recipients, kept in this month's chatter."""
        self.ensure_one()
        company = self.company_id
        partners = company._cs_report_partners(
            company.cs_weekly_report_user_ids, company.cs_weekly_report_group_ids
        )
        # sudo: sent by the scheduled action for the whole department; the
        # report checks the reader's right, and the recipients read it by
        # e-mail
        period = self.sudo()
        data = {"date_from": str(date_from), "date_to": str(date_to)}
        pdf = period._cs_render_pdf(WEEKLY_REPORT, company.ids, data=data)
        name = self.env._(
            "After-Sales Follow-up %(date_from)s - %(date_to)s.pdf",
            date_from=date_from,
            date_to=date_to,
        )
        return period._cs_deliver(
            WEEKLY_TEMPLATE,
            partners,
            [(name, pdf)],
            render_values={"date_from": date_from, "date_to": date_to},
        )
