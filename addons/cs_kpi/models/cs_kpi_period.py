# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_round

from odoo.addons.cs_callback.models.bulk import (
    can_insert_threads,
    insert_rows,
    overridden,
    thread_created,
)
from odoo.addons.cs_member.models.cs_protected_mixin import (
    workflow_action,
)

# the modules whose create() the set-based creation of scorecards replaces
SCORECARD_CREATE_KNOWN = ("odoo.addons.cs_member.models.cs_protected_mixin",)
# the module of mail.followers._insert_followers, whose work for the creator
# of the scorecards the set-based creation does itself
FOLLOWERS_KNOWN = ("odoo.addons.mail.models.mail_followers",)
# what a scorecard takes from its employee: what differs between the
# scorecards of a month, and what the computation reads of the existing ones
SCORECARD_VARYING_FIELDS = [
    "employee_id",
    "user_id",
    "department_id",
    "job_id",
    "template_id",
]


class CsKpiPeriod(models.Model):
    """A month of assessment (考核期): the supervisor computes the
    scorecards, the manager confirms them "as it really is" (认定) and
    publishes the ranking and the star of the month (张榜公布, 每月之星)."""

    _name = "cs.kpi.period"
    _inherit = ["mail.thread", "cs.protected.mixin"]
    _description = "Assessment Month"
    _order = "date_from desc, id desc"

    name = fields.Char(required=True)
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    state = fields.Selection(
        [
            ("open", "Open"),
            ("computed", "Computed"),
            ("confirmed", "Confirmed"),
            ("published", "Published"),
        ],
        default="open",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    scorecard_ids = fields.One2many(
        "cs.kpi.scorecard", "period_id", string="Scorecards"
    )
    scorecard_count = fields.Integer(compute="_compute_scorecard_count")
    date_computed = fields.Datetime(readonly=True, copy=False)
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    star_employee_id = fields.Many2one(
        "hr.employee",
        string="Star of the Month",
        readonly=True,
        copy=False,
        tracking=True,
        help="Chosen by the manager from the scorecards, the customers' praise "
        "and the colleagues' nominations (每月之星).",
    )
    star_event_id = fields.Many2one(
        "cs.kpi.event", string="Star's Reward", readonly=True, copy=False
    )
    nomination_count = fields.Integer(compute="_compute_nomination_count")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "month_unique",
            "UNIQUE(company_id, date_from)",
            "This month is already an assessment period.",
        ),
    ]

    def _compute_scorecard_count(self):
        counts = dict(
            self.env["cs.kpi.scorecard"]._read_group(
                [("period_id", "in", self.ids)], ["period_id"], ["__count"]
            )
        )
        for period in self:
            period.scorecard_count = counts.get(period, 0)

    def _compute_nomination_count(self):
        counts = {
            fields.Date.to_date(month): count
            for month, count in self.env["cs.kpi.nomination"]._read_group(
                [("month", "in", self.mapped("date_from"))],
                ["month:day"],
                ["__count"],
            )
        }
        for period in self:
            period.nomination_count = counts.get(period.date_from, 0)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "date_computed",
            "confirmed_by_id",
            "star_employee_id",
            "star_event_id",
        }

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._("A period cannot end before it starts.")
                )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------

    def _cs_check_group(self, xmlid, message):
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise AccessError(message)

    @workflow_action
    def action_compute(self):
        """Fill every employee's scorecard; one grouped query per indicator
        for all employees. Recomputing gives the same result."""
        self._cs_check_group(
            "cs_member.group_cs_supervisor",
            self.env._("Only supervisors compute the assessment."),
        )
        for period in self:
            if period.state not in ("open", "computed"):
                raise UserError(
                    self.env._(
                        "Period %(period)s is confirmed: a manager must reopen it "
                        "before it is computed again.",
                        period=period.name,
                    )
                )
        for period in self:
            # sudo: the month is computed for the whole company at once; a
            # supervisor reads and writes only the scorecards of their own
            # department, and no employee records at all
            period.sudo()._cs_compute_scorecards()
        self.write({"state": "computed", "date_computed": fields.Datetime.now()})
        return True

    @workflow_action
    def action_confirm(self):
        """The manager confirms the results (认定)."""
        self._cs_check_group(
            "cs_member.group_cs_manager",
            self.env._("Only a customer-service manager confirms the assessment."),
        )
        if any(period.state != "computed" for period in self):
            raise UserError(self.env._("Only computed periods can be confirmed."))
        self.write({"state": "confirmed", "confirmed_by_id": self.env.user.id})
        return True

    @workflow_action
    def action_publish(self):
        """Post the ranking and the star of the month of each department to
        the department's followers (张榜公布)."""
        self._cs_check_group(
            "cs_member.group_cs_manager",
            self.env._("Only a customer-service manager publishes the assessment."),
        )
        if any(period.state != "confirmed" for period in self):
            raise UserError(self.env._("Only confirmed periods can be published."))
        for period in self:
            period._cs_post_rankings()
        self.write({"state": "published"})
        return True

    @workflow_action
    def action_reopen(self):
        self._cs_check_group(
            "cs_member.group_cs_manager",
            self.env._("Only a customer-service manager reopens an assessment."),
        )
        if any(period.state == "open" for period in self):
            raise UserError(self.env._("The period is open already."))
        self.write({"state": "open", "confirmed_by_id": False})
        return True

    def action_star_wizard(self):
        """Open the proposal of the star of the month (the manager's)."""
        self.ensure_one()
        self._cs_check_star_choice()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Star of the Month"),
            "res_model": "cs.kpi.star.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }

    def _cs_check_star_choice(self):
        self._cs_check_group(
            "cs_member.group_cs_manager",
            self.env._(
                "Only a customer-service manager chooses the star of the month."
            ),
        )
        for period in self:
            if period.state not in ("confirmed", "published"):
                raise UserError(
                    self.env._(
                        "The star of %(period)s is chosen once its assessment is "
                        "confirmed.",
                        period=period.name,
                    )
                )
            if period.star_employee_id:
                raise UserError(
                    self.env._(
                        "The star of %(period)s is chosen already: %(name)s.",
                        period=period.name,
                        name=period.star_employee_id.name,
                    )
                )

    @workflow_action
    def action_choose_star(self, employee_id, amount=0.0):
        """The manager chooses the star of the month: the choice is kept on
        the month, the reward booked (confirmed) in the ledger and the
        choice posted in the month's chatter."""
        self.ensure_one()
        self._cs_check_star_choice()
        employee = self.env["hr.employee"].browse(employee_id).exists()
        if not employee or employee not in self._cs_star_candidates()["employees"]:
            raise UserError(
                self.env._("Choose the star among the candidates of the month.")
            )
        if amount < 0:
            raise UserError(self.env._("An amount cannot be negative."))
        # sudo: the manager's choice books the reward, whose ledger entries
        # in a confirmed state are written by the system only
        event = (
            self.env["cs.kpi.event"]
            .sudo()
            .create(
                {
                    "employee_id": employee.id,
                    "kind": "reward",
                    "date": self.date_to,
                    "amount": amount,
                    "reason": self.env._(
                        "Star of the month %(month)s.", month=self.name
                    ),
                    "state": "confirmed",
                    "company_id": self.company_id.id,
                }
            )
        )
        self.write({"star_employee_id": employee.id, "star_event_id": event.id})
        self.message_post(
            body=self.env._("Star of the month: %(name)s.", name=employee.name),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _cs_star_candidates(self):
        """The candidates of the star of the month and what speaks for them:
        ``{"employees": recordset, "lines": [{employee, scorecard,
        total_score, is_star (best of the department), praise,
        nominations}]}``, best first: the scorecards of the month, the
        confirmed customer praise and the colleagues' nominations, each read
        by one grouped query."""
        self.ensure_one()
        # sudo: the proposal reads the whole month's scorecards, praise and
        # nominations for the manager, who may read them all anyway
        scorecards = (
            self.env["cs.kpi.scorecard"].sudo().search([("period_id", "=", self.id)])
        )
        praise = dict(
            self.env["cs.kpi.event"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("kind", "=", "praise"),
                    ("state", "=", "confirmed"),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ],
                ["employee_id"],
                ["__count"],
            )
        )
        nominations = dict(
            self.env["cs.kpi.nomination"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("month", "=", self.date_from),
                ],
                ["employee_id"],
                ["__count"],
            )
        )
        cards = {card.employee_id: card for card in scorecards}
        employees = scorecards.employee_id
        for employee in list(praise) + list(nominations):
            employees |= employee
        lines = [
            {
                "employee": employee,
                "scorecard": cards.get(employee),
                "total_score": cards[employee].total_score
                if employee in cards
                else 0.0,
                "is_star": bool(cards.get(employee) and cards[employee].is_star),
                "praise": praise.get(employee, 0),
                "nominations": nominations.get(employee, 0),
            }
            for employee in employees
        ]
        lines.sort(
            key=lambda line: (
                -line["total_score"],
                -line["praise"],
                -line["nominations"],
                line["employee"].name or "",
            )
        )
        return {"employees": employees, "lines": lines}

    def action_view_scorecards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_kpi.cs_kpi_scorecard_action"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"search_default_group_department": 1}
        return action

    # ------------------------------------------------------------------
    # computation
    # ------------------------------------------------------------------

    def _cs_assessed_employees(self):
        """Employees of the company whose job has an assessment template."""
        self.ensure_one()
        templates = self.env["cs.kpi.template"].search(
            [("company_id", "=", self.company_id.id)]
        )
        # only the columns the computation reads, not every employee field
        employees = self.env["hr.employee"].search_fetch(
            [
                ("company_id", "=", self.company_id.id),
                ("job_id", "in", templates.job_id.ids),
            ],
            ["name", "user_id", "department_id", "job_id"],
        )
        return employees, {t.job_id: t for t in templates}

    def _cs_compute_scorecards(self):
        """Every assessed employee's scorecard of the month, its indicators
        measured, scored and weighted, then the totals, ranks, grades and
        stars. The figures come from their owners in one query each; the
        lines and the results are written set-based (see
        :meth:`_cs_insert_lines` and :meth:`_cs_write_results`)."""
        self.ensure_one()
        # the indicators are read with SQL: write pending changes first
        self.env.flush_all()
        employees, template_of_job = self._cs_assessed_employees()
        metrics = self.env["cs.kpi.metric"].browse()
        for template in template_of_job.values():
            metrics |= template.line_ids.metric_id
        actuals = metrics._cs_compute_all_actuals(self, employees)
        Scorecard = self.env["cs.kpi.scorecard"]
        existing = Scorecard.search_fetch(
            [("period_id", "=", self.id)], SCORECARD_VARYING_FIELDS
        )
        typed = self._cs_typed_values()
        (existing - existing.filtered(lambda s: s.employee_id in employees)).unlink()
        existing = existing.exists()
        self._cs_delete_lines(existing)
        by_employee = {s.employee_id: s for s in existing}
        card_vals = {
            employee: {
                "user_id": employee.user_id.id,
                "department_id": employee.department_id.id,
                "job_id": employee.job_id.id,
                "template_id": template_of_job[employee.job_id].id,
            }
            for employee in employees
        }
        # the new scorecards are created with their values in one create; the
        # existing ones are written only where the employee changed
        missing = employees.filtered(lambda e: e not in by_employee)
        # the ORM adds each new scorecard to the month's cached scorecards,
        # copying the list each time: let it read them afresh instead
        self.invalidate_recordset(["scorecard_ids"])
        created = self._cs_create_scorecards(
            [
                {"period_id": self.id, "employee_id": employee.id} | card_vals[employee]
                for employee in missing
            ]
        )
        by_employee.update({s.employee_id: s for s in created})
        for scorecard in existing:
            vals = card_vals[scorecard.employee_id]
            if any(scorecard[fname].id != value for fname, value in vals.items()):
                scorecard.write(vals)
        # what the computation needs of each template line, read once: the
        # loop below runs for every employee and indicator
        steps = {
            template: [
                (
                    line.sequence,
                    line.metric_id.id,
                    line.weight,
                    line.metric_id._cs_is_manual(),
                    line.metric_id._cs_is_ratio(),
                    line.metric_id._cs_scorer(),
                    actuals[line.metric_id],
                )
                for line in template.line_ids
            ]
            for template in template_of_job.values()
        }
        line_rows = []
        totals = {}
        for employee in employees:
            scorecard = by_employee[employee]
            employee_id = employee.id
            weights = weighted = 0.0
            for (
                sequence,
                metric_id,
                weight,
                is_manual,
                is_ratio,
                scorer,
                computed,
            ) in steps[template_of_job[employee.job_id]]:
                is_measured = is_manual or not is_ratio or employee_id in computed
                actual = (
                    typed.get((employee_id, metric_id), 0.0)
                    if is_manual
                    else computed.get(employee_id, 0.0)
                ) or 0.0
                score = scorer(actual) if is_measured else 0.0
                weighted_score = score * weight / 100.0
                line_rows.append(
                    (
                        scorecard.id,
                        sequence,
                        metric_id,
                        weight,
                        is_manual,
                        is_measured,
                        actual,
                        score,
                        weighted_score,
                    )
                )
                if is_measured:
                    weights += weight
                    weighted += weighted_score
            totals[scorecard] = weighted * 100.0 / weights if weights else 0.0
        self._cs_insert_lines(line_rows)
        self._cs_write_results(totals)

    def _cs_typed_values(self):
        """``{(employee id, metric id): actual}`` of the indicators entered by
        hand in the month's scorecards, kept when it is computed again."""
        return {
            (employee_id, metric_id): actual
            for employee_id, metric_id, actual in self.env.execute_query(
                SQL(
                    """
                    SELECT s.employee_id, l.metric_id, l.actual
                      FROM cs_kpi_scorecard_line l
                      JOIN cs_kpi_scorecard s ON s.id = l.scorecard_id
                     WHERE s.period_id = %s AND l.is_manual
                    """,
                    self.id,
                )
            )
        }

    def _cs_delete_lines(self, scorecards):
        """Delete the indicator lines of ``scorecards`` with one statement:
        the lines are the computation's own rows (no chatter, no external
        identifier, no attachment, no ``ondelete`` method), which the ORM
        would read and unlink by batches."""
        if not scorecards:
            return
        self.env.cr.execute(
            SQL(
                "DELETE FROM cs_kpi_scorecard_line WHERE scorecard_id = ANY(%s)",
                scorecards.ids,
            )
        )
        self.env["cs.kpi.scorecard.line"].invalidate_model()
        scorecards.invalidate_recordset(["line_ids"])

    def _cs_create_scorecards(self, vals_list):
        """Create the scorecards of ``vals_list`` with what ``create()``
        leaves behind: the rows, the creator following each with the default
        subtypes, a creation note each. Set-based (``bulk.insert_rows``, the
        followers and the notes with one insert each) when no installed
        module changes what ``mail.thread`` does at creation; otherwise
        through ``create()``."""
        Scorecard = self.env["cs.kpi.scorecard"]
        if not vals_list:
            return Scorecard
        if self._cs_can_insert_scorecards(vals_list):
            # the month's state and company (related) and the total (of no
            # line yet) are inserted with the rows instead of computed after
            period = self.browse(vals_list[0]["period_id"])
            known = {
                "state": period.state,
                "company_id": period.company_id.id,
                "total_score": 0.0,
            }
            created = insert_rows(
                Scorecard,
                {"period_id": period.id} | known,
                {
                    fname: [vals[fname] for vals in vals_list]
                    for fname in SCORECARD_VARYING_FIELDS
                },
            )
            for fname in known:
                self.env.remove_to_compute(Scorecard._fields[fname], created)
            thread_created(created)
        else:
            created = Scorecard.create(vals_list)
        # their totals (of no line yet) now, before the results are written
        created.flush_recordset()
        return created

    def _cs_can_insert_scorecards(self, vals_list):
        """Whether the set-based creation writes what ``create()`` would:
        the values differ by employee only, and no module adds per-record
        work to the creation of a scorecard (tracking template, creation
        subtype, followers through a parent record or a tracked
        responsible)."""
        Scorecard = self.env["cs.kpi.scorecard"]
        if any(
            vals.keys() != vals_list[0].keys()
            or vals["period_id"] != vals_list[0]["period_id"]
            for vals in vals_list
        ) or set(vals_list[0]) != {"period_id", *SCORECARD_VARYING_FIELDS}:
            return False
        return (
            can_insert_threads(
                Scorecard,
                vals_list[0],
                SCORECARD_CREATE_KNOWN,
                # the responsible follows unless their field is not tracked
                ("_message_auto_subscribe_followers",),
            )
            and not getattr(Scorecard._fields["user_id"], "tracking", False)
            and not overridden(
                self.env["mail.followers"], "_insert_followers", FOLLOWERS_KNOWN
            )
        )

    def _cs_insert_lines(self, rows):
        """Insert the indicator lines of all scorecards with one ``COPY``,
        their scores computed: the ORM would insert them by hundreds and
        compute each line's score again (the lines have no translated,
        company-dependent or computed-later column, and no chatter); COPY
        also spares building and parsing a statement of 50,000 values."""
        if not rows:
            return
        uid = self.env.uid
        now = self.env.cr.now().isoformat(sep=" ")
        data = io.StringIO()
        for row in rows:
            data.write(
                "\t".join(
                    ("t" if value else "f")
                    if isinstance(value, bool)
                    else repr(float(value))
                    if isinstance(value, float)
                    else str(value)
                    for value in row
                )
            )
            data.write(f"\t{uid}\t{now}\t{uid}\t{now}\n")
        data.seek(0)
        self.env.cr.copy_expert(
            "COPY cs_kpi_scorecard_line (scorecard_id, sequence, metric_id, "
            "weight, is_manual, is_measured, actual, score, weighted_score, "
            "create_uid, create_date, write_uid, write_date) FROM STDIN",
            data,
        )
        self.env["cs.kpi.scorecard.line"].invalidate_model()
        self.env["cs.kpi.scorecard"].invalidate_model(["line_ids"])

    def _cs_write_results(self, totals):
        """Write each scorecard's total (``totals``: ``{scorecard: total}``,
        as ``_compute_total_score`` computes it from the lines), its rank in
        the department, grade and star with one ``UPDATE``: the ORM would
        recompute the totals by reading the lines back, then write the
        scorecards by groups."""
        Scorecard = self.env["cs.kpi.scorecard"]
        if not totals:
            return
        digits = Scorecard._fields["total_score"].get_digits(self.env)[1]
        totals = {
            card: float_round(total, precision_digits=digits)
            for card, total in totals.items()
        }
        company = self.company_id
        results = []
        by_department = defaultdict(list)
        for card in totals:
            by_department[card.department_id].append(card)
        for cards in by_department.values():
            cards.sort(key=lambda c: (-totals[c], c.employee_id.name, c.id))
            for rank, card in enumerate(cards, start=1):
                total = totals[card]
                results.append(
                    (
                        card.id,
                        total,
                        rank,
                        company._cs_kpi_grade(total),
                        rank == 1 and total > 0,
                    )
                )
        columns = list(zip(*results, strict=True))
        self.env.cr.execute(
            SQL(
                """
                UPDATE cs_kpi_scorecard s
                   SET total_score = r.total_score, rank = r.rank,
                       grade = r.grade, is_star = r.is_star,
                       write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::float8[], %s::int[], %s::varchar[],
                              %s::bool[])
                       AS r(id, total_score, rank, grade, is_star)
                 WHERE s.id = r.id
                """,
                self.env.uid,
                self.env.cr.now(),
                *(list(column) for column in columns),
            )
        )
        Scorecard.invalidate_model(
            ["total_score", "rank", "grade", "is_star", "write_uid", "write_date"]
        )

    def _cs_post_rankings(self):
        """One message per department with its ranking, to its followers."""
        self.ensure_one()
        for department, cards in self.scorecard_ids.grouped("department_id").items():
            if not department:
                continue
            ordered = cards.sorted("rank")
            star = ordered.filtered("is_star")[:1]
            rows = Markup("").join(
                Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
                % (
                    card.rank,
                    card.employee_id.name,
                    f"{card.total_score:.1f}",
                    card.grade.upper() if card.grade else "",
                )
                for card in ordered
            )
            body = Markup(
                "<p>%s</p>%s<table class='table table-sm'><thead><tr>"
                "<th>%s</th><th>%s</th>"
                "<th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (
                self.env._(
                    "Assessment of %(month)s for %(department)s.",
                    month=self.name,
                    department=department.name,
                ),
                Markup("<p><strong>%s</strong></p>")
                % self.env._("Star of the month: %(name)s", name=star.employee_id.name)
                if star
                else Markup(""),
                self.env._("Rank"),
                self.env._("Employee"),
                self.env._("Score"),
                self.env._("Grade"),
                rows,
            )
            # sudo: the manager publishes to the department, whose chatter
            # the customer-service groups may not write
            department.sudo().message_post(
                body=body,
                subject=self.env._("Assessment %(month)s", month=escape(self.name)),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
