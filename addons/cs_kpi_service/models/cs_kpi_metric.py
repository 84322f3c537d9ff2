# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

SERVICE_RATING_KEYS = {
    "service_rating_attitude": "service_rating_attitude",
    "service_rating_skill": "service_rating_skill",
    "service_rating_punctuality": "service_rating_punctuality",
    "service_rating_promise": "service_rating_promise",
}
# averages and shares: a technician with nothing to measure is left out
SERVICE_RATIO_KEYS = {"service_dispatch_in_time", *SERVICE_RATING_KEYS}


class CsKpiMetric(models.Model):
    """The technicians' indicators (G2): each computed with one grouped query
    for all employees of the period."""

    _inherit = "cs.kpi.metric"

    compute_key = fields.Selection(
        selection_add=[
            ("service_done", "Repairs Done"),
            ("service_dispatch_in_time", "Dispatched in Time (%)"),
            ("service_rating_attitude", "Opinion Card: Attitude (1-5)"),
            ("service_rating_skill", "Opinion Card: Skill (1-5)"),
            ("service_rating_punctuality", "Opinion Card: Arrival on Time (1-5)"),
            ("service_rating_promise", "Opinion Card: Keeping Promises (1-5)"),
            ("service_repeat_visits", "Repeat Visits Within 30 Days"),
        ],
        ondelete={
            "service_done": "set null",
            "service_dispatch_in_time": "set null",
            "service_rating_attitude": "set null",
            "service_rating_skill": "set null",
            "service_rating_punctuality": "set null",
            "service_rating_promise": "set null",
            "service_repeat_visits": "set null",
        },
    )

    def _cs_is_ratio(self):
        self.ensure_one()
        if self.source == "computed" and self.compute_key in SERVICE_RATIO_KEYS:
            return True
        return super()._cs_is_ratio()

    def _kpi_service_done(self, period, employees):
        """Repairs the technician completed in the period; 0 without any."""
        start, stop = self._kpi_bounds(period)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT technician_id, count(*) FROM cs_service_request
                 WHERE state IN ('done', 'closed')
                   AND date_done >= %s AND date_done < %s
                   AND technician_id = ANY(%s) AND company_id = %s
                 GROUP BY technician_id
                """,
                start,
                stop,
                employees.ids,
                period.company_id.id,
            )
        )
        result = dict.fromkeys(employees.ids, 0)
        result.update(dict(rows))
        return result

    def _kpi_service_dispatch_in_time(self, period, employees):
        """Share of the technician's dispatches of the period made before the
        dispatch deadline."""
        start, stop = self._kpi_bounds(period)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT technician_id,
                       100.0 * count(*) FILTER (WHERE dispatch_in_time) / count(*)
                  FROM cs_service_request
                 WHERE date_dispatched >= %s AND date_dispatched < %s
                   AND technician_id = ANY(%s) AND company_id = %s
                 GROUP BY technician_id
                """,
                start,
                stop,
                employees.ids,
                period.company_id.id,
            )
        )
        return {employee_id: float(value) for employee_id, value in rows}

    def _kpi_service_rating(self, period, employees, column):
        """Average of one rating of the opinion cards recorded in the period
        about the technician's repairs."""
        start, stop = self._kpi_bounds(period)
        ratings = self._cs_service_ratings(
            period.company_id, start, stop, [column], employees=employees
        )
        return self._kpi_pick(ratings, column)

    @api.model
    def _cs_service_ratings(self, company, start, stop, columns, employees=None):
        """The opinion-card ratings (G2), each defined here only: the
        average of each rating of ``columns`` over the after-service
        callbacks done from ``start`` to ``stop`` (UTC datetimes) about
        repairs of ``company``, an unanswered rating (0) left out. Grouped
        by technician for ``employees`` (``{employee id: {column: avg}}``),
        else for the company (``{None: {column: avg}}``). One query."""
        if employees is not None and not employees:
            return {}
        self.env["cs.callback"].flush_model(["kind", "state", "date_done", *columns])
        self.env["cs.service.request"].flush_model(["technician_id", "company_id"])
        key = SQL("r.technician_id") if employees is not None else SQL("NULL::integer")
        scope = (
            SQL("r.technician_id = ANY(%s)", employees.ids)
            if employees is not None
            else SQL("TRUE")
        )
        averages = SQL(", ").join(
            SQL(
                "(avg(c.%s) FILTER (WHERE c.%s > 0))::float",
                SQL.identifier(column),
                SQL.identifier(column),
            )
            for column in columns
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT %s, %s
                  FROM cs_callback c
                  JOIN cs_service_request r
                    ON c.res_model = 'cs.service.request' AND r.id = c.res_id
                 WHERE c.kind = 'after_service' AND c.state = 'done'
                   AND c.date_done >= %s AND c.date_done < %s
                   AND %s AND r.company_id = %s
                 GROUP BY 1
                """,
                key,
                averages,
                start,
                stop,
                scope,
                company.id,
            )
        )
        result = {
            row[0]: {
                column: value
                for column, value in zip(columns, row[1:], strict=True)
                if value is not None
            }
            for row in rows
        }
        if employees is None:
            result.setdefault(None, {})
        return {key: line for key, line in result.items() if line or key is None}

    def _kpi_service_rating_attitude(self, period, employees):
        return self._kpi_service_rating(period, employees, "service_rating_attitude")

    def _kpi_service_rating_skill(self, period, employees):
        return self._kpi_service_rating(period, employees, "service_rating_skill")

    def _kpi_service_rating_punctuality(self, period, employees):
        return self._kpi_service_rating(period, employees, "service_rating_punctuality")

    def _kpi_service_rating_promise(self, period, employees):
        return self._kpi_service_rating(period, employees, "service_rating_promise")

    def _kpi_service_repeat_visits(self, period, employees):
        """Repairs of the period that did not hold: a later request of the
        customer is flagged as their repeat visit. The rule (same customer
        and product, within 30 days) is the request's own
        (``cs.service.request._compute_repeat_of_id``), read here from its
        stored result; a cancelled request repeats nothing."""
        start, stop = self._kpi_bounds(period)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT r.technician_id, count(DISTINCT r.id)
                  FROM cs_service_request r
                  JOIN cs_service_request n
                    ON n.repeat_of_id = r.id AND n.state != 'cancelled'
                 WHERE r.state IN ('done', 'closed')
                   AND r.date_done >= %s AND r.date_done < %s
                   AND r.technician_id = ANY(%s) AND r.company_id = %s
                 GROUP BY r.technician_id
                """,
                start,
                stop,
                employees.ids,
                period.company_id.id,
            )
        )
        result = dict.fromkeys(employees.ids, 0)
        result.update(dict(rows))
        return result
