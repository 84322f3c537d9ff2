# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark cases of cs_complaint: registering complaints through the ORM
(compared with OCA's helpdesk tickets and claims), and the hourly deadline
and escalation cron over open complaints."""

import time

import generate
from harness import case

from odoo import Command, fields
from odoo.tools import SQL

from .peers import (
    BATCH,
    CATEGORIES,
    PEER_CASES,
    create_in_batches,
    customers,
    priority,
    texts,
)

SEVERITY_OF_PRIORITY = {"0": "normal", "1": "normal", "2": "serious", "3": "critical"}
OPEN_STATES = [
    "new",
    "assessed",
    "investigating",
    "proposed",
    "approved",
    "implementing",
]
AGENTS = 20


def _setup(env, departments=4):
    """Agents, categories and departments with managers, like the peers'
    teams and categories."""
    agents = generate.ensure_agents(env, AGENTS)
    categories = env["cs.complaint.category"].create(
        [{"name": f"Bench Category {n}"} for n in range(1, CATEGORIES + 1)]
    )
    manager_users = env["res.users"].create(
        [
            {
                "name": f"Bench Department Manager {n}",
                "login": f"bench_dept_manager_{n}",
                "groups_id": [Command.set([env.ref("base.group_user").id])],
            }
            for n in range(1, departments + 1)
        ]
    )
    depts = env["hr.department"].create(
        [{"name": f"Bench Department {n}"} for n in range(1, departments + 1)]
    )
    employees = env["hr.employee"].create(
        [
            {"name": user.name, "user_id": user.id, "department_id": dept.id}
            for user, dept in zip(manager_users, depts, strict=True)
        ]
    )
    for dept, employee in zip(depts, employees, strict=True):
        dept.manager_id = employee
    return agents, categories, depts


@case(
    "cs_complaint.create_complaints",
    module="cs_complaint",
    rows=10_000,
    compare_with=PEER_CASES,
    aim_ratio=1.5,
)
def create_complaints(bench, rows):
    """cs.complaint create: sequence, deadlines, repeat flag, acknowledgement
    e-mail, routing of 1/4 and manager alert of the serious ones."""
    env = bench.env
    with bench.phase(f"{max(1, rows // 10)} customers inserted"):
        partner_ids = customers(env, rows)
    agents, categories, depts = _setup(env)
    bench.commit()
    vals_list = []
    for i in range(rows):
        subject, html, _plain = texts(i)
        vals = {
            "subject": subject,
            "description": html,
            "partner_id": partner_ids[i % len(partner_ids)],
            "category_id": categories[i % CATEGORIES].id,
            "severity": SEVERITY_OF_PRIORITY[priority(i)],
            "user_id": agents[i % len(agents)].id,
            "channel": "phone",
        }
        if i % 4 == 0:
            vals["department_id"] = depts[(i // 4) % len(depts)].id
        vals_list.append(vals)
    Complaint = env["cs.complaint"]
    with bench.measure(rows=rows, batch=BATCH) as extra:
        ids, extra["batches"] = create_in_batches(bench, Complaint, vals_list)
    bench.reference(rows, _complaint_reference(env, ids))
    # the acknowledgement e-mails are rendered by their scheduled action,
    # right after the commit: measured on their own, not hidden
    with bench.measure(
        rows=rows, name="cs_complaint.send_acknowledgements", aim_rate=500
    ) as extra:
        cpu = time.process_time()
        extra["sent"] = Complaint._cron_send_acknowledgements()
        extra["cpu_s"] = round(time.process_time() - cpu, 2)
    bench.reference(rows, _ack_reference(env, ids))
    _check_acks(bench, ids)
    env.cr.execute(
        SQL(
            """
            SELECT count(*), count(date_resolve_deadline), count(date_reply_deadline),
                   count(*) FILTER (WHERE is_repeat),
                   (SELECT count(*) FROM mail_message m
                     WHERE m.model = 'cs.complaint' AND m.res_id = ANY(%s)
                       AND m.message_type = 'email_outgoing')
              FROM cs_complaint WHERE id = ANY(%s)
            """,
            ids,
            ids,
        )
    )
    total, planned, routed, repeats, acks = env.cr.fetchone()
    if total != rows or planned != rows or routed != -(-rows // 4) or acks != rows:
        raise AssertionError(
            f"{total} complaints, {planned} with deadlines, {routed} routed, "
            f"{acks} acknowledgements"
        )
    notes, activities, alerted, unfollowed = _side_effects(env, ids)
    if notes != rows or activities != routed + alerted or unfollowed:
        raise AssertionError(
            f"{notes} creation notes, {activities} activities for {routed} routed "
            f"and {alerted} alerted, {unfollowed} customers, handlers or "
            "assigned managers not following"
        )
    bench.log(
        f"checked: {total} complaints with deadlines, {routed} routed, "
        f"{repeats} repeats, {acks} acknowledgements, {notes} creation notes, "
        f"{activities} activities ({alerted} alerts), followers"
    )


def _side_effects(env, ids):
    """What registering wrote besides the rows: the creation notes (one per
    complaint), the activities (one per routed complaint, one per alert),
    and the complaints whose customer, handler or assigned manager does not
    follow them (none)."""
    note_id = env.ref("mail.mt_note").id
    env.cr.execute(
        SQL(
            """
            WITH complaint AS (SELECT * FROM cs_complaint WHERE id = ANY(%(ids)s)),
            follower AS (
                SELECT res_id, partner_id FROM mail_followers
                 WHERE res_model = 'cs.complaint' AND res_id = ANY(%(ids)s)
            ),
            activity AS (
                SELECT a.res_id, u.partner_id FROM mail_activity a
                  JOIN res_users u ON u.id = a.user_id
                 WHERE a.res_model = 'cs.complaint' AND a.res_id = ANY(%(ids)s)
            ),
            expected AS (
                SELECT id AS res_id, partner_id FROM complaint
                UNION ALL
                SELECT c.id, u.partner_id FROM complaint c
                  JOIN res_users u ON u.id = c.user_id
                UNION ALL
                SELECT res_id, partner_id FROM activity
            )
            SELECT (SELECT count(*) FROM mail_message m
                     WHERE m.model = 'cs.complaint' AND m.res_id = ANY(%(ids)s)
                       AND m.message_type = 'notification'
                       AND m.subtype_id = %(note_id)s),
                   (SELECT count(*) FROM activity),
                   (SELECT count(*) FROM complaint WHERE is_manager_alerted),
                   (SELECT count(*) FROM expected e WHERE NOT EXISTS (
                        SELECT FROM follower f
                         WHERE f.res_id = e.res_id AND f.partner_id = e.partner_id))
            """,
            ids=ids,
            note_id=note_id,
        )
    )
    return env.cr.fetchone()


def _complaint_reference(env, ids):
    """PostgreSQL writing what registering the complaints wrote, one
    statement per table: the complaints (new numbers), their followers and
    the followers' subtypes, the creation messages and the activities (the
    department's and the manager's)."""
    copy = generate.copy_rows_sql
    return [
        SQL(
            """
            CREATE TEMP TABLE ref_complaint ON COMMIT DROP AS
            SELECT id AS old_id, nextval('cs_complaint_id_seq') AS new_id
              FROM cs_complaint WHERE id = ANY(%s)
            """,
            ids,
        ),
        copy(
            env,
            "cs_complaint",
            SQL("cs_complaint t JOIN ref_complaint m ON m.old_id = t.id"),
            {"id": SQL("m.new_id"), "name": SQL("t.name || '-R'")},
        ),
        SQL(
            """
            CREATE TEMP TABLE ref_follower ON COMMIT DROP AS
            SELECT f.id AS old_id, nextval('mail_followers_id_seq') AS new_id,
                   m.new_id AS res_id
              FROM mail_followers f
              JOIN ref_complaint m ON f.res_model = 'cs.complaint'
                                  AND f.res_id = m.old_id
            """
        ),
        copy(
            env,
            "mail_followers",
            SQL("mail_followers t JOIN ref_follower m ON m.old_id = t.id"),
            {"id": SQL("m.new_id"), "res_id": SQL("m.res_id")},
        ),
        SQL(
            """
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT m.new_id, r.mail_message_subtype_id
              FROM mail_followers_mail_message_subtype_rel r
              JOIN ref_follower m ON m.old_id = r.mail_followers_id
            """
        ),
        copy(
            env,
            "mail_message",
            SQL(
                "mail_message t JOIN ref_complaint m ON t.model = 'cs.complaint' "
                "AND t.res_id = m.old_id"
            ),
            {"res_id": SQL("m.new_id")},
        ),
        copy(
            env,
            "mail_activity",
            SQL(
                "mail_activity t JOIN ref_complaint m ON t.res_model = 'cs.complaint' "
                "AND t.res_id = m.old_id"
            ),
            {"res_id": SQL("m.new_id")},
        ),
    ]


def _check_acks(bench, ids):
    """One acknowledgement per complaint, as one-by-one rendering makes it: a
    queued e-mail to the customer alone naming the complaint, kept in the
    chatter without subtype, recipients or tracking; the flag cleared."""
    env = bench.env
    env.cr.execute(
        SQL(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE mm.state = 'outgoing' AND mm.auto_delete
                                      AND mm.is_notification
                                      AND m.subtype_id IS NULL
                                      AND strpos(m.body, c.name) > 0
                                      AND strpos(m.subject, c.name) > 0
                                      AND strpos(mm.body_html, c.name) > 0),
                   count(*) FILTER (WHERE (SELECT array_agg(r.res_partner_id)
                                             FROM mail_mail_res_partner_rel r
                                            WHERE r.mail_mail_id = mm.id)
                                          = ARRAY[c.partner_id]),
                   count(*) FILTER (WHERE EXISTS (
                       SELECT FROM mail_message_res_partner_rel p
                        WHERE p.mail_message_id = m.id)
                       OR EXISTS (SELECT FROM mail_tracking_value v
                                   WHERE v.mail_message_id = m.id)),
                   (SELECT count(*) FROM cs_complaint
                     WHERE id = ANY(%s) AND is_ack_pending)
              FROM cs_complaint c
              JOIN mail_message m ON m.model = 'cs.complaint' AND m.res_id = c.id
                                 AND m.message_type = 'email_outgoing'
              JOIN mail_mail mm ON mm.mail_message_id = m.id
             WHERE c.id = ANY(%s)
            """,
            ids,
            ids,
        )
    )
    mails, right, to_customer, extra, pending = env.cr.fetchone()
    if not (mails == right == to_customer == len(ids)) or extra or pending:
        raise AssertionError(
            f"{mails} acknowledgements for {len(ids)} complaints: {right} as "
            f"rendered, {to_customer} to the customer alone, {extra} with "
            f"recipients or tracking, {pending} still pending"
        )
    bench.log(f"checked: {mails} acknowledgements as rendered one by one")


def _ack_reference(env, ids):
    """PostgreSQL writing the acknowledgements: the outgoing messages kept in
    the chatter, their e-mails and the e-mails' recipients."""
    copy = generate.copy_rows_sql
    return [
        SQL(
            """
            CREATE TEMP TABLE ref_ack ON COMMIT DROP AS
            SELECT m.id AS old_id, nextval('mail_message_id_seq') AS new_id,
                   mm.id AS mail_id, nextval('mail_mail_id_seq') AS new_mail_id
              FROM mail_message m JOIN mail_mail mm ON mm.mail_message_id = m.id
             WHERE m.model = 'cs.complaint' AND m.res_id = ANY(%s)
               AND m.message_type = 'email_outgoing'
            """,
            ids,
        ),
        copy(
            env,
            "mail_message",
            SQL("mail_message t JOIN ref_ack m ON m.old_id = t.id"),
            {"id": SQL("m.new_id")},
        ),
        copy(
            env,
            "mail_mail",
            SQL("mail_mail t JOIN ref_ack m ON m.mail_id = t.id"),
            {"id": SQL("m.new_mail_id"), "mail_message_id": SQL("m.new_id")},
        ),
        SQL(
            """
            INSERT INTO mail_mail_res_partner_rel (mail_mail_id, res_partner_id)
            SELECT m.new_mail_id, r.res_partner_id
              FROM mail_mail_res_partner_rel r
              JOIN ref_ack m ON m.mail_id = r.mail_mail_id
            """
        ),
    ]


@case(
    "cs_complaint.sla_cron",
    module="cs_complaint",
    rows=50_000,
    aim_seconds=60,
)
def sla_cron(bench, rows):
    """Deadline status and escalation cron over open complaints received in
    the last ten days, then again with nothing to do (aim 10 s)."""
    env = bench.env
    with bench.phase(f"{max(1, rows // 10)} customers inserted"):
        partner_ids = customers(env, rows)
    agents, categories, depts = _setup(env)
    with bench.phase(f"{rows} open complaints inserted"):
        ids = _insert_complaints(env, rows, partner_ids, agents, categories, depts)
    with bench.phase("deadlines planned"):
        complaints = env["cs.complaint"].browse(ids)
        for name in (
            "sla_id",
            "date_ack_deadline",
            "date_reply_deadline",
            "date_resolve_deadline",
        ):
            env.add_to_compute(complaints._fields[name], complaints)
        complaints.flush_recordset()
        generate.analyze(env, "cs_complaint")
    bench.commit()
    env.invalidate_all()
    Complaint = env["cs.complaint"]
    with bench.measure(rows=rows) as extra:
        Complaint._cron_sla_escalate()
        extra.update(_counts(env, ids))
    bench.log(f"checked: {extra}")
    if not extra["escalated"]:
        raise AssertionError("the cron escalated nothing")
    before = _counts(env, ids)
    env.invalidate_all()
    with bench.measure(rows=rows, name="cs_complaint.sla_cron_again"):
        Complaint._cron_sla_escalate()
    after = _counts(env, ids)
    if after != before:
        raise AssertionError(f"the second run changed {before} into {after}")
    bench.log("checked: the second run changed nothing")


def _counts(env, ids):
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            SELECT count(*) FILTER (WHERE sla_status = 'at_risk'),
                   count(*) FILTER (WHERE sla_status = 'breached'),
                   count(*) FILTER (WHERE escalation_level != '0'),
                   (SELECT count(*) FROM mail_activity a
                     WHERE a.res_model = 'cs.complaint' AND a.res_id = ANY(%s))
              FROM cs_complaint WHERE id = ANY(%s)
            """,
            ids,
            ids,
        )
    )
    at_risk, breached, escalated, activities = env.cr.fetchone()
    return {
        "at_risk": at_risk,
        "breached": breached,
        "escalated": escalated,
        "activities": activities,
    }


def _insert_complaints(env, rows, partner_ids, agents, categories, depts):
    """Clone one ORM-created complaint ``rows`` times with generate_series:
    received in the last 240 hours, open states in turn, a quarter routed.
    Deadlines are left to plan (see the caller)."""
    template = env["cs.complaint"].create(
        {
            "partner_id": partner_ids[0],
            "description": "<p>Bench complaint</p>",
            "subject": "Bench complaint",
        }
    )
    env.flush_all()
    now = fields.Datetime.now()
    received = SQL("%s::timestamp - (mod(s.g, 240) || ' hours')::interval", now)
    routed = SQL("mod(s.g, 4) = 0")
    state = SQL("(%s::varchar[])[1 + mod(s.g, %s)]", OPEN_STATES, len(OPEN_STATES))
    overrides = {
        "id": SQL("s.id"),
        "name": SQL("'BENCH-' || lpad(s.g::text, 7, '0')"),
        "partner_id": SQL(
            "(%s::int[])[1 + mod(s.g, %s)]", partner_ids, len(partner_ids)
        ),
        "user_id": SQL("(%s::int[])[1 + mod(s.g, %s)]", agents.ids, len(agents)),
        "category_id": SQL(
            "(%s::int[])[1 + mod(s.g, %s)]", categories.ids, len(categories)
        ),
        "department_id": SQL(
            "CASE WHEN %s THEN (%s::int[])[1 + mod(s.g / 4, %s)] END",
            routed,
            depts.ids,
            len(depts),
        ),
        "date_routed": SQL("CASE WHEN %s THEN %s END", routed, received),
        "date_received": received,
        "state": state,
        "date_ack": SQL(
            "CASE WHEN mod(s.g, %s) > 0 THEN %s END", len(OPEN_STATES), received
        ),
        "sla_status": SQL("'on_track'"),
        "escalation_level": SQL("'0'"),
        "sla_id": SQL("NULL"),
        "date_ack_deadline": SQL("NULL"),
        "date_reply_deadline": SQL("NULL"),
        "date_resolve_deadline": SQL("NULL"),
        "access_token": SQL("NULL"),
        "create_date": received,
        "write_date": received,
    }
    ids = generate.clone_rows(env, "cs_complaint", template.id, rows, overrides)
    template.unlink()
    env.invalidate_all()
    return ids
