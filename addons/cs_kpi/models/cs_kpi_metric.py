# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.cs_member.reporting import without_jit

COMPUTE_SELECTION = [
    ("callbacks_done", "Callbacks Done"),
    ("member_coverage", "Member Coverage (%)"),
    ("avg_satisfaction", "Average Satisfaction (1-5)"),
    ("complaints_against", "Complaints Against the Employee"),
    ("complaint_sla", "Complaints Solved in Time (%)"),
    ("qa_score", "Quality Inspection Average (%)"),
    ("exam_score", "Exam Score (%)"),
    ("praise_count", "Customer Praise"),
    ("penalty_amount", "Penalties and Fines"),
    ("attendance", "Attendance (%)"),
    ("renewal_rate", "Card Renewal Rate (%)"),
]


# indicators that are an average or a share: an employee with nothing to
# measure (no call, no resolved complaint...) is left out of the total
# rather than scored as the worst
RATIO_KEYS = {
    "member_coverage",
    "avg_satisfaction",
    "complaint_sla",
    "qa_score",
    "exam_score",
    "attendance",
    "renewal_rate",
}


# indicators read from the callback figures by agent: the figure's key
CALLBACK_FIGURE_KEYS = {
    "callbacks_done": "done",
    "avg_satisfaction": "exact_score",
}


class CsKpiMetric(models.Model):
    """An indicator of the monthly assessment (考核指标, E2): computed from
    the suite's data with one grouped query for all employees, or entered by
    hand on the scorecards. Its actual value is scored 0-100 linearly
    between the worst and the best bound."""

    _name = "cs.kpi.metric"
    _description = "Assessment Indicator"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    source = fields.Selection(
        [("computed", "Computed"), ("manual", "Entered by Hand")],
        required=True,
        default="manual",
    )
    compute_key = fields.Selection(
        COMPUTE_SELECTION,
        string="Computed From",
        help="What the indicator counts in the suite's data.",
    )
    direction = fields.Selection(
        [("higher", "Higher Is Better"), ("lower", "Lower Is Better")],
        required=True,
        default="higher",
    )
    target = fields.Float(help="The value the department aims at.")
    bound_worst = fields.Float(
        string="Score 0 At", help="Actual value (or worse) that scores 0."
    )
    bound_best = fields.Float(
        string="Score 100 At", help="Actual value (or better) that scores 100."
    )
    unit = fields.Char(translate=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The code of an indicator must be unique."),
    ]

    @api.constrains("bound_worst", "bound_best", "direction")
    def _check_bounds(self):
        for metric in self:
            if metric.bound_worst == metric.bound_best:
                raise ValidationError(
                    self.env._(
                        "Indicator %(metric)s needs scoring bounds: the values that "
                        "score 0 and 100 must differ.",
                        metric=metric.name,
                    )
                )
            lower = metric.bound_best < metric.bound_worst
            if lower != (metric.direction == "lower"):
                raise ValidationError(
                    self.env._(
                        "Indicator %(metric)s: when higher is better the value that "
                        "scores 100 must be above the one that scores 0, and below it "
                        "when lower is better.",
                        metric=metric.name,
                    )
                )

    @api.constrains("source", "compute_key")
    def _check_compute_key(self):
        for metric in self:
            if metric.source == "computed" and not metric.compute_key:
                raise ValidationError(
                    self.env._(
                        "Indicator %(metric)s is computed: choose what it is computed "
                        "from.",
                        metric=metric.name,
                    )
                )

    def _cs_is_manual(self):
        """Whether the actual value is typed on the scorecards: indicators
        entered by hand, and attendance without the Attendances app."""
        self.ensure_one()
        if self.source == "manual":
            return True
        return self.compute_key == "attendance" and "hr.attendance" not in self.env

    def _cs_is_ratio(self):
        self.ensure_one()
        return self.source == "computed" and self.compute_key in RATIO_KEYS

    def _score(self, actual):
        """0-100, linear between the bounds, capped."""
        return self._cs_scorer()(actual)

    def _cs_scorer(self):
        """:meth:`_score` as a function of the actual value, the bounds read
        once: the month's computation scores thousands of lines."""
        self.ensure_one()
        worst = self.bound_worst
        span = self.bound_best - worst

        def score(actual):
            return max(0.0, min(100.0, (actual - worst) / span * 100.0))

        return score

    # ------------------------------------------------------------------
    # computations: {employee id: actual} for the employees of a period,
    # each with one grouped query whatever the number of employees
    # ------------------------------------------------------------------

    def _cs_compute_actuals(self, period, employees):
        """The actual value of this indicator for each of ``employees`` in
        ``period``; employees absent from the result have no value (an
        indicator entered by hand, or nothing to measure)."""
        self.ensure_one()
        if self.source != "computed" or not self.compute_key:
            return {}
        method = getattr(self, f"_kpi_{self.compute_key}")
        # the indicators are read with SQL: write pending changes first
        self.env.flush_all()
        return method(period, employees)

    def _cs_compute_all_actuals(self, period, employees):
        """``{metric: {employee id: actual}}`` of these indicators, as
        ``_cs_compute_actuals`` gives them one by one, except that the
        callback figures several indicators share (done, satisfaction) are
        read once from their owner for all of them."""
        self.env.flush_all()
        result = {}
        callback_figures = None
        with without_jit(self.env.cr):
            for metric in self:
                key = metric.source == "computed" and metric.compute_key
                if key in CALLBACK_FIGURE_KEYS:
                    if callback_figures is None:
                        callback_figures = metric._kpi_callback_figures(period)
                    result[metric] = metric._kpi_from_callback_figures(
                        employees, callback_figures, CALLBACK_FIGURE_KEYS[key]
                    )
                else:
                    result[metric] = metric._cs_compute_actuals(period, employees)
        return result

    @api.model
    def _kpi_bounds(self, period):
        """The period's days in the company's time zone (its working
        schedule's, else its address's), as UTC datetimes [start, stop)."""
        return period.company_id._cs_utc_bounds(period.date_from, period.date_to)

    @api.model
    def _kpi_by_user(self, employees, rows):
        """Map rows of (user id, value) to {employee id: value}."""
        employee_of_user = {e.user_id.id: e.id for e in employees if e.user_id}
        return {
            employee_of_user[user_id]: value
            for user_id, value in rows
            if user_id in employee_of_user
        }

    @api.model
    def _kpi_pick(self, lines, key, employees=None):
        """One figure of an owner's grouped lines (``{group id: {key:
        value}}``) as actual values: the groups without a value are left out
        (nothing to measure). The groups are users mapped to ``employees``
        when given, else the employees themselves."""
        rows = [
            (group_id, line[key])
            for group_id, line in lines.items()
            if group_id and line.get(key) is not None
        ]
        if employees is None:
            return dict(rows)
        return self._kpi_by_user(employees, rows)

    def _kpi_callbacks(self, period, employees, key):
        """{employee id: ``key``} of the callback figures of the employees'
        users in the period, from their owner (``cs.callback.figures``)."""
        return self._kpi_from_callback_figures(
            employees, self._kpi_callback_figures(period), key
        )

    @api.model
    def _kpi_callback_figures(self, period):
        """The callback figures of the period by agent (their owner's)."""
        return self.env["cs.callback.figures"]._cs_callbacks(
            period.company_id, period.date_from, period.date_to, groupby="user"
        )

    @api.model
    def _kpi_from_callback_figures(self, employees, figures, key):
        """``key`` of the callback figures by agent, per employee."""
        return self._kpi_pick(figures, key, employees)

    def _kpi_callbacks_done(self, period, employees):
        return self._kpi_callbacks(period, employees, "done")

    def _kpi_avg_satisfaction(self, period, employees):
        return self._kpi_callbacks(period, employees, "exact_score")

    def _kpi_member_coverage(self, period, employees):
        """Coverage of the agent's members (``cs.callback.figures``): the
        members with a card valid in the period, covered when called back
        within their level's interval up to the period's last day."""
        coverage = self.env["cs.callback.figures"]._cs_coverage(
            period.company_id, period.date_from, period.date_to, groupby="agent"
        )
        return self._kpi_by_user(
            employees, [(user_id, line["exact"]) for user_id, line in coverage.items()]
        )

    def _kpi_renewal_rate(self, period, employees):
        """Renewal rate (续卡率) of the agent's members: the cards due to
        expire in the period that were renewed or upgraded, over the cards
        due, from their owner (``cs.member.movement.report``)."""
        movements = self.env["cs.member.movement.report"]._cs_movements(
            period.company_id, period.date_from, period.date_to, groupby="agent"
        )
        return self._kpi_pick(movements, "exact_rate", employees)

    def _kpi_complaints_against(self, period, employees):
        """Valid complaints received in the period naming the employee as
        responsible; every employee without one scores 0 complaints."""
        start, stop = self._kpi_bounds(period)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT r.hr_employee_id, count(*)
                  FROM cs_complaint c
                  JOIN cs_complaint_hr_employee_rel r ON r.cs_complaint_id = c.id
                 WHERE c.state != 'rejected'
                   AND c.date_received >= %s AND c.date_received < %s
                   AND r.hr_employee_id = ANY(%s) AND c.company_id = %s
                 GROUP BY r.hr_employee_id
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

    def _kpi_complaint_sla(self, period, employees):
        """Share of the complaints the employee resolved in the period that
        met their deadline (``cs.complaint.stats``)."""
        resolved = self.env["cs.complaint.stats"]._get_resolved(
            period.date_from, period.date_to, period.company_id, groupby="user_id"
        )
        return self._kpi_by_user(
            employees,
            [
                (user.id, line["exact_rate"])
                for user, line in resolved.items()
                if user and line["exact_rate"] is not None
            ],
        )

    def _kpi_qa_score(self, period, employees):
        rows = self.env.execute_query(
            SQL(
                """
                SELECT agent_id, avg(total_score)::float FROM cs_qa_inspection
                 WHERE state IN ('done', 'acknowledged', 'decided')
                   AND date >= %s AND date <= %s AND agent_id = ANY(%s)
                 GROUP BY agent_id
                """,
                period.date_from,
                period.date_to,
                employees.user_id.ids,
            )
        )
        return self._kpi_by_user(employees, rows)

    def _kpi_exam_score(self, period, employees):
        """Average score of the certification surveys (monthly skill exam)
        the employee completed in the period."""
        start, stop = self._kpi_bounds(period)
        partner_to_employee = {
            e.user_id.partner_id.id: e.id for e in employees if e.user_id
        }
        rows = self.env.execute_query(
            SQL(
                """
                SELECT i.partner_id, avg(i.scoring_percentage)::float
                  FROM survey_user_input i
                  JOIN survey_survey s ON s.id = i.survey_id
                 WHERE s.certification AND i.state = 'done'
                   AND i.create_date >= %s AND i.create_date < %s
                   AND i.partner_id = ANY(%s)
                 GROUP BY i.partner_id
                """,
                start,
                stop,
                list(partner_to_employee),
            )
        )
        return {partner_to_employee[pid]: value for pid, value in rows}

    def _kpi_praise_count(self, period, employees):
        return self._kpi_events(period, employees, ("praise",), "count(*)")

    def _kpi_penalty_amount(self, period, employees):
        return self._kpi_events(period, employees, ("penalty", "fine"), "sum(amount)")

    def _kpi_events(self, period, employees, kinds, aggregate):
        rows = self.env.execute_query(
            SQL(
                """
                SELECT employee_id, %s FROM cs_kpi_event
                 WHERE state = 'confirmed' AND kind = ANY(%s)
                   AND date >= %s AND date <= %s AND employee_id = ANY(%s)
                 GROUP BY employee_id
                """,
                SQL(aggregate),
                list(kinds),
                period.date_from,
                period.date_to,
                employees.ids,
            )
        )
        result = dict.fromkeys(employees.ids, 0)
        result.update(dict(rows))
        return result

    def _kpi_attendance(self, period, employees):
        """Days with an attendance over the working days of the company's
        schedule, when Attendances (hr_attendance) is installed; otherwise
        entered by hand."""
        if "hr.attendance" not in self.env:
            return {}
        start, stop = self._kpi_bounds(period)
        calendar = period.company_id.resource_calendar_id
        working_days = 0
        if calendar:
            intervals = calendar._cs_work_intervals(start, stop)
            working_days = len({day for _s, _e, day in intervals})
        if not working_days:
            return {}
        rows = self.env.execute_query(
            SQL(
                """
                SELECT employee_id,
                       100.0 * count(
                           DISTINCT (check_in AT TIME ZONE 'UTC' AT TIME ZONE %s)::date
                       ) / %s
                  FROM hr_attendance
                 WHERE check_in >= %s AND check_in < %s AND employee_id = ANY(%s)
                 GROUP BY employee_id
                """,
                period.company_id._cs_tz().zone,
                working_days,
                start,
                stop,
                employees.ids,
            )
        )
        result = dict.fromkeys(employees.ids, 0.0)
        result.update({emp: min(100.0, value) for emp, value in rows})
        return result
