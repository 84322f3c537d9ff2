# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import Command, api, fields, models

from odoo.addons.cs_member.models.cs_protected_mixin import allow_protected_writes

_logger = logging.getLogger(__name__)

MONTHLY_REPORT = "cs_kpi.action_report_kpi_monthly"
MONTHLY_TEMPLATE = "cs_kpi.mail_template_kpi_monthly_report"


class CsKpiPeriod(models.Model):
    """Delivery of the reports of an assessment month: the monthly service
    report goes out by itself on the first working day of the next month
    (D9), and every report sent is kept in the month's chatter."""

    _inherit = "cs.kpi.period"

    date_report_sent = fields.Datetime(
        string="Monthly Report Sent On",
        readonly=True,
        copy=False,
        help="When the monthly service report of this month was e-mailed to "
        "its recipients (Settings > Customer Service).",
    )

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"date_report_sent"}

    # ------------------------------------------------------------------
    # crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_cs_send_monthly_report(self):
        """Daily: on the company's first working day of a month (or the
        first run after it), e-mail the previous month's service report to
        its recipients, once. The month's record is created when missing:
        the report of complaints and callbacks does not wait for the
        assessment, and the archive needs a place."""
        companies = self.env["res.company"].search([])
        sent = self.browse()
        for done, company in enumerate(companies, start=1):
            period = self._cs_month_to_report(company)
            if period and not period.date_report_sent:
                period._cs_send_monthly_report()
                sent |= period
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(companies) - done
            )
        return sent

    @api.model
    def _cs_month_to_report(self, company):
        """The previous month's period of ``company`` when today (the
        company's) is on or after this month's first working day."""
        today = company._cs_today()
        first_of_month = today.replace(day=1)
        if not company._cs_is_delivery_day(first_of_month, today):
            return self.browse()
        date_from = first_of_month - relativedelta(months=1)
        return self._cs_get_or_create_month(company, date_from)

    @api.model
    def _cs_get_or_create_month(self, company, date_from):
        period = self.search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)], limit=1
        )
        if period:
            return period
        with allow_protected_writes():
            return self.create(
                {
                    "name": date_from.strftime("%Y-%m"),
                    "date_from": date_from,
                    "date_to": date_from + relativedelta(day=31),
                    "company_id": company.id,
                }
            )

    # ------------------------------------------------------------------
    # delivery
    # ------------------------------------------------------------------

    def _cs_send_monthly_report(self):
        """E-mail this month's service report (PDF) to the recipients of the
        settings and keep it in the month's chatter."""
        self.ensure_one()
        company = self.company_id
        partners = company._cs_report_partners(
            company.cs_monthly_report_user_ids, company.cs_monthly_report_group_ids
        )
        # sudo: sent by the scheduled action for the whole department; the
        # report checks the reader's right, and the recipients read it by
        # e-mail
        period = self.sudo()
        pdf = period._cs_render_pdf(MONTHLY_REPORT, period.ids)
        name = self.env._("Monthly Service Report - %(month)s.pdf", month=self.name)
        period._cs_deliver(MONTHLY_TEMPLATE, partners, [(name, pdf)])
        with allow_protected_writes():
            self.date_report_sent = fields.Datetime.now()
        return True

    def _cs_render_pdf(self, report_ref, res_ids, data=None):
        content, __ = self.env["ir.actions.report"]._render_qweb_pdf(
            report_ref, res_ids, data=data
        )
        return content

    def _cs_deliver(self, template_ref, partners, files, render_values=None):
        """Post the report in this month's chatter with ``files`` (a list of
        ``(name, content)``), then e-mail the same message to ``partners``
        whatever their notification preference: the recipients get a mail,
        the archive keeps what was sent and to whom. Returns the message."""
        self.ensure_one()
        template = self.env.ref(template_ref)
        subject, body, email_from = (
            template._render_field(
                fname, self.ids, compute_lang=True, add_context=render_values
            )[self.id]
            for fname in ("subject", "body_html", "email_from")
        )
        attachments = self.env["ir.attachment"].create(
            [
                {
                    "name": name,
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                    "mimetype": "application/pdf",
                }
                for name, content in files
            ]
        )
        recipients = (
            ", ".join(partners.mapped("name")) if partners else self.env._("nobody")
        )
        note = Markup("<p><em>%s</em></p>") % self.env._(
            "Sent to: %(recipients)s", recipients=escape(recipients)
        )
        message = self.message_post(
            body=Markup(body) + note,
            subject=subject,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        if partners:
            self.env["mail.mail"].create(
                {
                    "mail_message_id": message.id,
                    "body_html": body,
                    "email_from": email_from or message.email_from,
                    "recipient_ids": [Command.set(partners.ids)],
                    "auto_delete": False,
                }
            )
        else:
            _logger.warning(
                "%s of %s: no recipient with an e-mail address in the settings.",
                subject,
                self.company_id.name,
            )
        return message
