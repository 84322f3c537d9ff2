# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.cs_kpi.report.cs_kpi_report_common import check_report_right
from odoo.addons.cs_member.reporting import format_figure, format_rate, rate
from odoo.addons.cs_service.models.cs_callback import RATING_FIELDS

SATISFACTIONS = ("satisfied", "average", "unsatisfied")
# longest list of opinion cards printed; the figures above are complete
LIST_LIMIT = 100


class ReportCsServiceWeekly(models.AbstractModel):
    """The weekly report of the after-sales phone follow-up (C7) for the
    general manager: the opinion cards (after-service callbacks) of a week,
    their four ratings and the unsatisfied customers.

    The callback figures come from their owner ``cs.callback.figures``
    (kind ``after_service``), the averages of the ratings from
    ``cs.kpi.metric._cs_service_ratings``, the method of the technicians'
    indicators: the same numbers as the assessment."""

    _name = "report.cs_kpi_service.report_service_weekly"
    _description = "Weekly After-Sales Follow-up Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        check_report_right(self.env)
        companies = self.env["res.company"].browse(docids)
        data = data or {}
        weeks = {}
        for company in companies:
            date_from = fields.Date.to_date(data.get("date_from"))
            date_to = fields.Date.to_date(data.get("date_to"))
            if not (date_from and date_to):
                date_from, date_to = self._last_week(company)
            weeks[company.id] = self._get_week(company, date_from, date_to)
        return {
            "doc_ids": docids,
            "doc_model": "res.company",
            "docs": companies,
            "weeks": weeks,
            "fmt": format_figure,
            "pct": format_rate,
        }

    @api.model
    def _last_week(self, company):
        """Monday to Sunday of the week before the company's today."""
        today = company._cs_today()
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(days=7), monday - timedelta(days=1)

    @api.model
    def _get_week(self, company, date_from, date_to):
        check_report_right(self.env)
        start, stop = company._cs_utc_bounds(date_from, date_to)
        figures = self.env["cs.callback.figures"]._cs_callbacks(
            company, date_from, date_to, kind="after_service"
        )[None]
        averages = self.env["cs.kpi.metric"]._cs_service_ratings(
            company, start, stop, list(RATING_FIELDS)
        )[None]
        Callback = self.env["cs.callback"]
        labels = dict(Callback._fields["satisfaction"]._description_selection(self.env))
        rating_labels = {
            fname: Callback._fields[fname]._description_string(self.env)
            for fname in RATING_FIELDS
        }
        week = [
            ("company_id", "=", company.id),
            ("kind", "=", "after_service"),
            ("state", "=", "done"),
            ("date_done", ">=", start),
            ("date_done", "<", stop),
        ]
        fnames = [
            "date_done",
            "partner_id",
            "user_id",
            "res_id",
            "res_model",
            "satisfaction",
            "feedback",
            *RATING_FIELDS,
        ]
        cards = Callback.search_fetch(
            week, fnames, order="date_done, id", limit=LIST_LIMIT
        )
        unsatisfied = Callback.search_fetch(
            week + [("satisfaction", "=", "unsatisfied")],
            fnames,
            order="date_done, id",
            limit=LIST_LIMIT,
        )
        return {
            "date_from": date_from,
            "date_to": date_to,
            "figures": figures,
            "satisfaction": [
                {
                    "code": code,
                    "name": labels[code],
                    "count": figures["satisfaction"][code],
                    "rate": rate(figures["satisfaction"][code], figures["answered"]),
                }
                for code in SATISFACTIONS
            ],
            "ratings": [
                {"name": rating_labels[fname], "average": averages.get(fname)}
                for fname in RATING_FIELDS
            ],
            "rating_fields": RATING_FIELDS,
            "cards": cards,
            "unsatisfied": unsatisfied,
            "list_limit": LIST_LIMIT,
            "requests": self._requests(cards | unsatisfied),
        }

    @api.model
    def _requests(self, cards):
        """The service requests of the cards, with their technician, in one
        read: ``{callback id: request}``."""
        request_ids = {
            card.res_id for card in cards if card.res_model == "cs.service.request"
        }
        requests = self.env["cs.service.request"].search_fetch(
            [("id", "in", list(request_ids))], ["name", "technician_id"]
        )
        by_id = {request.id: request for request in requests}
        return {
            card.id: by_id.get(card.res_id)
            for card in cards
            if card.res_model == "cs.service.request"
        }
