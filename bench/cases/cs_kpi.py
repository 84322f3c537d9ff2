# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark case of cs_kpi: computing a month of assessment for a large
customer-service department, every indicator from a month of data."""

import generate
from harness import case

from odoo import Command
from odoo.tools import SQL

EMPLOYEES = 500
DEPARTMENTS = 10
MONTH_FROM, MONTH_TO = "2026-10-01", "2026-10-31"
MONTH_SECONDS = 31 * 86400
# per done callback of the month (``rows``): members, complaints,
# inspections and ledger entries
MEMBERS_PER_CALLBACK = 1 / 8
COVERED_SHARE = 0.8
COMPLAINTS_PER_CALLBACK = 1 / 5
INSPECTIONS_PER_CALLBACK = 1 / 20
EVENTS_PER_EMPLOYEE = 10
SCORES = [5, 5, 4, 4, 5, 3, 4, 5, 2, 4]
COMPLAINT_STATES = ["closed"] * 4 + ["resolved"] * 2
COMPLAINT_STATES += ["rejected", "new", "investigating", "implementing"]
INSPECTION_STATES = ["done", "acknowledged", "acknowledged", "decided", "draft"]
EVENT_KINDS = ["praise", "praise", "praise", "fine", "penalty", "reward"]


@case(
    "cs_kpi.compute_period",
    module="cs_kpi",
    rows=1_000_000,
    aim_seconds=1,
)
def compute_period(bench, rows):
    """500 employees, a month of 1,000,000 done callbacks: action_compute()
    as a supervisor, then again (same result)."""
    env = bench.env
    with bench.phase(f"{EMPLOYEES} agents with employees, job and template ready"):
        agents = generate.ensure_agents(env, EMPLOYEES)
        supervisor, employees = _setup_department(env, agents)
    members = max(len(agents), int(rows * MEMBERS_PER_CALLBACK))
    with bench.phase(f"{members} members with active cards inserted"):
        partner_ids = generate.insert_partners(env, members)
        levels = env["cs.member.level"].search([])
        generate.insert_member_cards(env, partner_ids, levels)
        generate.assign_agents(env, partner_ids, agents)
    covered = partner_ids[: int(len(partner_ids) * COVERED_SHARE)]
    with bench.phase(f"{rows} done callbacks inserted"):
        callbacks = _insert_callbacks(env, rows, covered)
    complaints = int(rows * COMPLAINTS_PER_CALLBACK)
    with bench.phase(f"{complaints} complaints inserted"):
        complaint_ids = _insert_complaints(env, complaints, partner_ids, agents)
        named = _name_responsible(env, complaint_ids, employees)
    inspections = int(rows * INSPECTIONS_PER_CALLBACK)
    with bench.phase(f"{inspections} inspections, events and exams inserted"):
        _insert_inspections(env, inspections, agents)
        praises = _insert_events(env, employees)
        _insert_exams(env, agents)
        generate.analyze(
            env,
            "res_partner",
            "cs_member_card",
            "cs_callback",
            "cs_complaint",
            "cs_complaint_hr_employee_rel",
            "cs_qa_inspection",
            "cs_kpi_event",
            "survey_user_input",
        )
    period = env["cs.kpi.period"].create(
        {"name": MONTH_FROM[:7], "date_from": MONTH_FROM, "date_to": MONTH_TO}
    )
    bench.commit()
    sizes = {
        "employees": len(employees),
        "complaints": complaints,
        "inspections": inspections,
    }
    with bench.measure(rows=rows, **sizes) as extra:
        period.with_user(supervisor).action_compute()
        extra["scorecards"] = period.scorecard_count
    bench.reference(rows, _reference_statements(env, period))
    first = _check_scorecards(bench, period, employees, callbacks, named, praises)
    with bench.measure(
        rows=rows, name="cs_kpi.compute_period_again", aim_seconds=1, **sizes
    ) as extra:
        period.with_user(supervisor).action_compute()
        extra["scorecards"] = period.scorecard_count
    again = _check_scorecards(bench, period, employees, callbacks, named, praises)
    if again != first:
        changed = sum(1 for key in first if first[key] != again.get(key))
        raise AssertionError(f"the second compute changed {changed} scorecards")
    bench.log("checked: the second compute gave the same totals, ranks and grades")


def _reference_statements(env, period):
    """PostgreSQL writing the month by itself: a copy of the period, its 500
    scorecards and their lines with one ``INSERT … SELECT`` each, the lines'
    actual values of the heavy indicators read from the aggregates in the
    same statement: the callbacks of the month by agent (done, average
    score, from the day figures the triggers of cs_callback keep,
    ``figures_store``), the coverage of the agent's members (the owner's SQL,
    ``cs.callback.figures._coverage_members_sql``) and the complaints naming
    each employee; the light indicators (inspections, events, exams, a few
    thousand rows) are copied from the computed lines. Ranks and totals are
    copied too: what is timed is reading the aggregates and writing the
    rows."""
    company = period.company_id
    start, stop = company._cs_utc_bounds(period.date_from, period.date_to)
    tz = company._cs_tz().zone
    coverage = env["cs.callback.figures"]._coverage_members_sql(
        SQL(
            "(SELECT %s::integer AS company_id, %s::varchar AS tz, "
            "%s::date AS date_from, %s::date AS date_to)",
            company.id,
            tz,
            period.date_from,
            period.date_to,
        )
    )
    ref_name = "bench-reference"
    return [
        SQL(
            """
            INSERT INTO cs_kpi_period (name, date_from, date_to, state, company_id,
                   date_computed, create_uid, create_date, write_uid, write_date)
            SELECT %s, date_from + 1, date_to, 'computed', company_id,
                   now() at time zone 'UTC', create_uid, now() at time zone 'UTC',
                   write_uid, now() at time zone 'UTC'
              FROM cs_kpi_period WHERE id = %s
            """,
            ref_name,
            period.id,
        ),
        SQL(
            """
            INSERT INTO cs_kpi_scorecard (period_id, employee_id, user_id,
                   department_id, job_id, template_id, total_score, rank, grade,
                   is_star, state, company_id, create_uid, create_date, write_uid,
                   write_date)
            SELECT r.id, s.employee_id, s.user_id, s.department_id, s.job_id,
                   s.template_id, s.total_score, s.rank, s.grade, s.is_star,
                   'computed', s.company_id, s.create_uid, now() at time zone 'UTC',
                   s.write_uid, now() at time zone 'UTC'
              FROM cs_kpi_scorecard s, cs_kpi_period r
             WHERE s.period_id = %s AND r.name = %s
            """,
            period.id,
            ref_name,
        ),
        SQL(
            """
            WITH calls AS (
                SELECT NULLIF(user_id, 0) AS user_id, sum(done) AS done,
                       sum(score_total)::float / NULLIF(sum(scored), 0) AS score
                  FROM cs_callback_day
                 WHERE company_id = %(company)s AND tz = %(tz)s
                   AND day >= %(date_from)s AND day <= %(date_to)s
                 GROUP BY 1),
                 coverage AS (
                SELECT agent_id,
                       100.0 * count(*) FILTER (WHERE is_covered) / count(*) AS rate
                  FROM (%(coverage)s) members
                 GROUP BY agent_id),
                 against AS (
                SELECT r.hr_employee_id, count(*) AS n
                  FROM cs_complaint c
                  JOIN cs_complaint_hr_employee_rel r ON r.cs_complaint_id = c.id
                 WHERE c.state != 'rejected' AND c.company_id = %(company)s
                   AND c.date_received >= %(start)s AND c.date_received < %(stop)s
                 GROUP BY r.hr_employee_id)
            INSERT INTO cs_kpi_scorecard_line (scorecard_id, sequence, metric_id,
                   weight, is_manual, is_measured, actual, score, weighted_score,
                   create_uid, create_date, write_uid, write_date)
            SELECT n.id, l.sequence, l.metric_id, l.weight, l.is_manual,
                   l.is_measured,
                   CASE m.compute_key
                        WHEN 'callbacks_done' THEN coalesce(calls.done, 0)
                        WHEN 'avg_satisfaction' THEN coalesce(calls.score, 0)
                        WHEN 'member_coverage' THEN coalesce(coverage.rate, 0)
                        WHEN 'complaints_against' THEN coalesce(against.n, 0)
                        ELSE l.actual END,
                   l.score, l.weighted_score, l.create_uid, now() at time zone 'UTC',
                   l.write_uid, now() at time zone 'UTC'
              FROM cs_kpi_scorecard_line l
              JOIN cs_kpi_scorecard s ON s.id = l.scorecard_id
              JOIN cs_kpi_metric m ON m.id = l.metric_id
              JOIN cs_kpi_period r ON r.name = %(ref)s
              JOIN cs_kpi_scorecard n
                ON n.period_id = r.id AND n.employee_id = s.employee_id
         LEFT JOIN calls ON calls.user_id = s.user_id
         LEFT JOIN coverage ON coverage.agent_id = s.user_id
         LEFT JOIN against ON against.hr_employee_id = s.employee_id
             WHERE s.period_id = %(period)s
            """,
            company=company.id,
            start=start,
            stop=stop,
            tz=tz,
            date_from=period.date_from,
            date_to=period.date_to,
            coverage=coverage,
            ref=ref_name,
            period=period.id,
        ),
    ]


def _setup_department(env, agents):
    """The agents' employees in 10 departments, with the job whose template
    weighs every computed indicator; a supervisor managing the first
    department."""
    departments = env["hr.department"].create(
        [{"name": f"Bench KPI Department {n:02d}"} for n in range(1, DEPARTMENTS + 1)]
    )
    job = env["hr.job"].create({"name": "Bench Agent"})
    employees = (
        env["hr.employee"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            [
                {
                    "name": agent.name,
                    "user_id": agent.id,
                    "job_id": job.id,
                    "department_id": departments[n % DEPARTMENTS].id,
                }
                for n, agent in enumerate(agents)
            ]
        )
    )
    supervisor = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Bench KPI Supervisor",
                "login": "bench_kpi_supervisor",
                "groups_id": [
                    Command.set([env.ref("cs_member.group_cs_supervisor").id])
                ],
            }
        )
    )
    departments[0].manager_id = env["hr.employee"].create(
        {
            "name": supervisor.name,
            "user_id": supervisor.id,
            "department_id": departments[0].id,
        }
    )
    metrics = env["cs.kpi.metric"].search([("source", "=", "computed")])
    env["cs.kpi.template"].create(
        {
            "name": "Bench Agent Scorecard",
            "job_id": job.id,
            "line_ids": [
                Command.create(
                    {
                        "sequence": n,
                        "metric_id": metric.id,
                        "weight": 100 / len(metrics),
                    }
                )
                for n, metric in enumerate(metrics)
            ],
        }
    )
    env.flush_all()
    return supervisor, employees.sorted("id")


def _insert_callbacks(env, rows, partner_ids):
    """``rows`` routine phone callbacks done in the month, by the member's
    own agent, spread over ``partner_ids`` (the covered members); scores 2 to
    5. Returns the number of callbacks."""
    env.cr.execute(
        SQL(
            """
              WITH p AS MATERIALIZED (
                SELECT id, cs_agent_id, row_number() OVER (ORDER BY id) - 1 AS k
                  FROM res_partner WHERE id = ANY(%(partners)s)),
                   s AS (
                SELECT g, (%(scores)s::int[])[1 + mod(g * 7, %(nscores)s)] AS score,
                       %(start)s::timestamp
                       + make_interval(secs => mod(g::bigint * 7919, %(span)s))
                       AS done
                  FROM generate_series(1, %(rows)s) g)
            INSERT INTO cs_callback (
                   partner_id, user_id, kind, channel, state, outcome, score,
                   satisfaction, date_done, date_deadline, attempt_count, company_id,
                   create_uid, create_date, write_uid, write_date)
            SELECT p.id, p.cs_agent_id, 'routine', 'phone', 'done', 'reached', s.score,
                   CASE WHEN s.score >= 4 THEN 'satisfied'
                        WHEN s.score = 3 THEN 'average' ELSE 'unsatisfied' END,
                   s.done, s.done::date + 3, 1, %(company)s,
                   %(uid)s, s.done, %(uid)s, s.done
              FROM s JOIN p ON p.k = mod(s.g, %(npartners)s)
            """,
            partners=list(partner_ids),
            npartners=len(partner_ids),
            scores=SCORES,
            nscores=len(SCORES),
            start=MONTH_FROM,
            span=MONTH_SECONDS,
            rows=rows,
            company=env.company.id,
            uid=env.uid,
        )
    )
    count = env.cr.rowcount
    env.invalidate_all()
    return count


def _insert_complaints(env, count, partner_ids, agents):
    """Clone one ORM-created complaint ``count`` times (every stored column
    right) with generate_series: received in the month, handled by the
    agents in turn, a tenth rejected, six in ten resolved or closed (six in
    seven of those in time). Returns the ids."""
    template = (
        env["cs.complaint"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            {
                "partner_id": partner_ids[0],
                "subject": "Bench complaint template",
                "description": "<p>Bench complaint</p>",
                "date_received": "2020-06-01 02:00:00",
            }
        )
    )
    env.flush_all()
    resolved = SQL("s.state IN ('resolved', 'closed')")
    received = SQL(
        "(%s::timestamp + make_interval(secs => mod(s.g::bigint * 7919, %s)))",
        MONTH_FROM,
        MONTH_SECONDS - 5 * 86400,
    )
    hours = SQL("(1 + mod(s.g * 13, 120))")
    overrides = {
        "id": SQL("s.id"),
        "name": SQL("'KPI-' || lpad(s.g::text, 7, '0')"),
        "subject": SQL("'Bench complaint ' || s.g"),
        "partner_id": _pick(partner_ids, 7),
        "user_id": _pick(agents.ids, 3),
        "date_received": received,
        "state": SQL("s.state"),
        "is_valid": SQL("s.state <> 'rejected'"),
        "handling_hours": SQL("CASE WHEN %s THEN %s ELSE 0 END", resolved, hours),
        "sla_met": SQL("%s AND mod(s.g, 7) <> 0", resolved),
        "date_ack": SQL("%s + interval '2 hours'", received),
        "date_resolved": SQL(
            "CASE WHEN %s THEN %s + make_interval(hours => %s) END",
            resolved,
            received,
            hours,
        ),
        "access_token": SQL("NULL"),
        "create_date": received,
        "write_date": received,
    }
    state = SQL(
        "(%s::varchar[])[1 + mod(g * 11, %s)]", COMPLAINT_STATES, len(COMPLAINT_STATES)
    )
    ids = generate.clone_rows(
        env, "cs_complaint", template.id, count, overrides, extra={"state": state}
    )
    template.unlink()
    env.invalidate_all()
    return ids


def _name_responsible(env, complaint_ids, employees):
    """Every fourth complaint names an employee as responsible. Returns the
    number of valid complaints naming someone (the sum of the indicator)."""
    env.cr.execute(
        SQL(
            """
            INSERT INTO cs_complaint_hr_employee_rel (cs_complaint_id, hr_employee_id)
            SELECT c.id, (%s::int[])[1 + mod(c.id * 13, %s)]
              FROM cs_complaint c
             WHERE c.id = ANY(%s) AND mod(c.id, 4) = 0
            """,
            employees.ids,
            len(employees),
            complaint_ids,
        )
    )
    env.cr.execute(
        SQL(
            """
            SELECT count(*) FROM cs_complaint_hr_employee_rel r
              JOIN cs_complaint c ON c.id = r.cs_complaint_id
             WHERE c.id = ANY(%s) AND c.state != 'rejected'
            """,
            complaint_ids,
        )
    )
    return env.cr.fetchone()[0]


def _insert_inspections(env, count, agents):
    """Quality inspections of the month with the shipped standard, the
    agents in turn, 60-100%, in every state (lines left out: the indicator
    reads the stored total)."""
    form = env.ref("cs_kpi.cs_qa_form_call")
    env.cr.execute(
        SQL(
            """
            INSERT INTO cs_qa_inspection (
                   name, agent_id, inspector_id, form_id, company_id, state, date,
                   total_points, total_score, create_uid, create_date, write_uid,
                   write_date)
            SELECT 'Bench inspection ' || g, (%(agents)s::int[])[1 + mod(g, %(n)s)],
                   %(uid)s, %(form)s, %(company)s,
                   (%(states)s::varchar[])[1 + mod(g * 3, %(nstates)s)],
                   %(start)s::date + mod(g, 31), 60 + mod(g * 13, 41),
                   60 + mod(g * 13, 41), %(uid)s, now() at time zone 'UTC', %(uid)s,
                   now() at time zone 'UTC'
              FROM generate_series(1, %(count)s) g
            """,
            agents=agents.ids,
            n=len(agents),
            uid=env.uid,
            form=form.id,
            company=env.company.id,
            states=INSPECTION_STATES,
            nstates=len(INSPECTION_STATES),
            start=MONTH_FROM,
            count=count,
        )
    )


def _insert_events(env, employees):
    """Praise, fines, penalties and rewards of the month, ten per employee,
    nine in ten confirmed. Returns the number of confirmed praises."""
    env.cr.execute(
        SQL(
            """
            INSERT INTO cs_kpi_event (
                   employee_id, user_id, department_id, company_id, kind, state,
                   date, amount, reason, create_uid, create_date, write_uid,
                   write_date)
            SELECT e.id, e.user_id, e.department_id, %(company)s, k.kind,
                   CASE WHEN mod(e.id + g, 10) = 0 THEN 'draft' ELSE 'confirmed' END,
                   %(start)s::date + mod(e.id * 7 + g, 31),
                   CASE WHEN k.kind = 'praise' THEN 0 ELSE 10 * (1 + mod(g, 5)) END,
                   'Bench ' || k.kind, %(uid)s, now() at time zone 'UTC', %(uid)s,
                   now() at time zone 'UTC'
              FROM hr_employee e
        CROSS JOIN generate_series(1, %(per)s) g
        CROSS JOIN LATERAL (
                SELECT (%(kinds)s::varchar[])[1 + mod(e.id + g, %(nkinds)s)] AS kind) k
             WHERE e.id = ANY(%(employees)s)
            """,
            company=env.company.id,
            start=MONTH_FROM,
            uid=env.uid,
            per=EVENTS_PER_EMPLOYEE,
            kinds=EVENT_KINDS,
            nkinds=len(EVENT_KINDS),
            employees=employees.ids,
        )
    )
    env.cr.execute(
        SQL(
            """
            SELECT count(*) FROM cs_kpi_event
             WHERE employee_id = ANY(%s) AND kind = 'praise' AND state = 'confirmed'
            """,
            employees.ids,
        )
    )
    return env.cr.fetchone()[0]


def _insert_exams(env, agents):
    """The monthly skill exam: one certification survey, one finished
    attempt per agent in the month, 50-100%."""
    survey = env["survey.survey"].create(
        {
            "title": "Bench monthly skill exam",
            "certification": True,
            "scoring_type": "scoring_with_answers",
        }
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO survey_user_input (
                   survey_id, partner_id, state, access_token, scoring_percentage,
                   test_entry, create_uid, create_date, write_uid, write_date)
            SELECT %s, u.partner_id, 'done', md5('bench-exam-' || u.id),
                   50 + mod(u.id * 17, 51), FALSE, %s,
                   %s::timestamp + make_interval(days => mod(u.id, 28)), %s,
                   now() at time zone 'UTC'
              FROM res_users u WHERE u.id = ANY(%s)
            """,
            survey.id,
            env.uid,
            MONTH_FROM,
            env.uid,
            agents.ids,
        )
    )


def _pick(values, step):
    """The value of ``values`` for row ``s.g``, spread by ``step``."""
    return SQL("(%s::int[])[1 + mod(s.g * %s, %s)]", list(values), step, len(values))


def _check_scorecards(bench, period, employees, callbacks, named, praises):
    """One scorecard per employee with every indicator, ranked in each
    department, the indicators adding up to the generated data. Returns
    {employee id: (total, rank, grade, star)}."""
    env = bench.env
    env.invalidate_all()
    env.cr.execute(
        SQL(
            """
            SELECT s.employee_id, s.total_score, s.rank, s.grade,
                   coalesce(s.is_star, FALSE), count(l.id)
              FROM cs_kpi_scorecard s
              LEFT JOIN cs_kpi_scorecard_line l ON l.scorecard_id = s.id
             WHERE s.period_id = %s
             GROUP BY s.id
            """,
            period.id,
        )
    )
    cards = env.cr.fetchall()
    result = {
        emp: (total, rank, grade, star) for emp, total, rank, grade, star, _n in cards
    }
    lines = {n for *_rest, n in cards}
    if set(result) != set(employees.ids) or len(cards) != len(employees):
        raise AssertionError(f"{len(cards)} scorecards for {len(employees)} employees")
    if len(lines) != 1 or not lines.pop():
        raise AssertionError("scorecards with different numbers of indicators")
    stars = sum(1 for _total, _rank, _grade, star in result.values() if star)
    ranked = {rank for _total, rank, _grade, _star in result.values()}
    per_department = len(employees) // DEPARTMENTS
    if stars != DEPARTMENTS or ranked != set(range(1, per_department + 1)):
        raise AssertionError(f"{stars} stars, ranks {min(ranked)}..{max(ranked)}")
    env.cr.execute(
        SQL(
            """
            SELECT m.compute_key, sum(l.actual)
              FROM cs_kpi_scorecard_line l
              JOIN cs_kpi_scorecard s ON s.id = l.scorecard_id
              JOIN cs_kpi_metric m ON m.id = l.metric_id
             WHERE s.period_id = %s
             GROUP BY m.compute_key
            """,
            period.id,
        )
    )
    sums = dict(env.cr.fetchall())
    expected = {
        "callbacks_done": callbacks,
        "complaints_against": named,
        "praise_count": praises,
    }
    wrong = {k: (sums.get(k), v) for k, v in expected.items() if sums.get(k) != v}
    if wrong:
        raise AssertionError(f"indicator sums (computed, generated): {wrong}")
    bench.log(
        f"checked: {len(cards)} scorecards, {DEPARTMENTS} stars, indicator sums "
        + ", ".join(
            f"{key}={round(value or 0, 1)}" for key, value in sorted(sums.items())
        )
    )
    return result
