# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark cases of cs_callback: a callback plan generating its callbacks,
and the coverage cron creating the missing routine callbacks of members."""

import generate
from harness import case

from odoo import Command
from odoo.tools import SQL

AGENTS = 20
COVERED_SHARE = 0.9
BENCH_EMAILS = "[('email', '=like', 'bench.customer.%@example.com')]"


@case(
    "cs_callback.generate_callbacks",
    module="cs_callback",
    rows=100_000,
    aim_seconds=30,
)
def generate_callbacks(bench, rows):
    """Routine phone plan over the customers, 20 agents: action_generate()."""
    env = bench.env
    with bench.phase(f"{AGENTS} agents ready"):
        agents = generate.ensure_agents(env, AGENTS)
    with bench.phase(f"{rows} customers inserted"):
        partner_ids = generate.insert_partners(env, rows)
        # every generated customer is selected: none is "do not call"
        env.cr.execute(
            SQL(
                "UPDATE res_partner SET cs_do_not_call = FALSE WHERE id = ANY(%s)",
                partner_ids,
            )
        )
        generate.analyze(env, "res_partner")
    plan = env["cs.callback.plan"].create(
        {
            "name": "Bench routine callbacks",
            "kind": "routine",
            "channel": "phone",
            "members_only": False,
            "partner_domain": BENCH_EMAILS,
            "agent_ids": [Command.set(agents.ids)],
        }
    )
    bench.commit()
    with bench.measure(rows=rows, agents=len(agents)) as extra:
        extra["callbacks"] = len(plan.action_generate())
    _check_callbacks(bench, plan, partner_ids, agents)
    bench.reference(rows, _reference_statements(env, plan, partner_ids, agents))
    with bench.measure(
        rows=rows, name="cs_callback.generate_callbacks_again", agents=len(agents)
    ) as extra:
        extra["callbacks"] = created = len(plan.action_generate())
    if created:
        raise AssertionError(f"a second generation created {created} callbacks")
    bench.log("checked: the second generation created no callback")


def _reference_statements(env, plan, partner_ids, agents):
    """PostgreSQL writing the same rows by itself, one statement per table:
    the callbacks (agents in turn, one slot), the agents following them
    with the default subtypes, and the creation notes."""
    env.cr.execute("SELECT COALESCE(max(id), 0) FROM cs_callback")
    [[last_id]] = env.cr.fetchall()
    env.cr.execute("SELECT COALESCE(max(id), 0) FROM mail_followers")
    [[last_follower_id]] = env.cr.fetchall()
    note = env.ref("mail.mt_note").id
    subtypes = env["mail.message.subtype"]._default_subtypes("cs.callback")[0]
    return [
        SQL(
            """
            INSERT INTO cs_callback (plan_id, partner_id, kind, channel, user_id,
                   date_deadline, scheduled_at, company_id, state,
                   create_uid, create_date, write_uid, write_date)
            SELECT %(plan)s, p.id, 'routine', 'phone',
                   (%(agents)s::int[])[1 + mod(row_number() OVER (ORDER BY p.id),
                                               %(n)s)],
                   CURRENT_DATE + 3, now() AT TIME ZONE 'UTC', %(company)s, 'todo',
                   1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
              FROM res_partner p WHERE p.id = ANY(%(partners)s)
            """,
            plan=plan.id,
            agents=agents.ids,
            n=len(agents),
            company=plan.company_id.id,
            partners=partner_ids,
        ),
        SQL(
            """
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT 'cs.callback', c.id, u.partner_id
              FROM cs_callback c JOIN res_users u ON u.id = c.user_id
             WHERE c.id > %s
            """,
            last_id,
        ),
        SQL(
            """
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT f.id, subtype_id
              FROM mail_followers f, unnest(%s::int[]) AS subtype_id
             WHERE f.id > %s
            """,
            subtypes,
            last_follower_id,
        ),
        SQL(
            """
            INSERT INTO mail_message (model, res_id, message_type, subtype_id,
                   author_id, email_from, reply_to, body, message_id, is_internal,
                   email_add_signature, date, create_uid, create_date, write_uid,
                   write_date)
            SELECT 'cs.callback', c.id, 'notification', %s, 2, 'odoobot', 'odoobot',
                   '<p>Callback created</p>', 'message-notify', TRUE, FALSE,
                   now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC', 1,
                   now() AT TIME ZONE 'UTC'
              FROM cs_callback c WHERE c.id > %s
            """,
            note,
            last_id,
        ),
    ]


def _check_callbacks(bench, plan, partner_ids, agents):
    env = bench.env
    env.cr.execute(
        SQL(
            """
            SELECT count(*), count(DISTINCT partner_id), min(n), max(n)
              FROM cs_callback c
              JOIN (SELECT user_id, count(*) AS n FROM cs_callback
                     WHERE plan_id = %s GROUP BY user_id) u
                ON u.user_id = c.user_id
             WHERE c.plan_id = %s AND c.state = 'todo'
               AND c.partner_id = ANY(%s) AND c.user_id = ANY(%s)
            """,
            plan.id,
            plan.id,
            partner_ids,
            agents.ids,
        )
    )
    total, partners, least, most = env.cr.fetchone()
    if total != len(partner_ids) or partners != len(partner_ids):
        raise AssertionError(
            f"{total} callbacks for {partners} of {len(partner_ids)} customers"
        )
    # what create() left on each callback: its agent follows it with the
    # default subtypes, one creation note, no activity
    subtypes = env["mail.message.subtype"]._default_subtypes("cs.callback")[0]
    env.cr.execute(
        SQL(
            """
            SELECT count(*) FILTER (WHERE f.id IS NOT NULL
                                      AND s.ids = %(subtypes)s::int[]),
                   count(*) FILTER (WHERE m.notes = 1),
                   count(*) FILTER (WHERE a.id IS NOT NULL)
              FROM cs_callback c
              JOIN res_users u ON u.id = c.user_id
              LEFT JOIN mail_followers f
                ON f.res_model = 'cs.callback' AND f.res_id = c.id
               AND f.partner_id = u.partner_id
              LEFT JOIN LATERAL (
                   SELECT array_agg(mail_message_subtype_id
                                    ORDER BY mail_message_subtype_id) AS ids
                     FROM mail_followers_mail_message_subtype_rel
                    WHERE mail_followers_id = f.id) s ON TRUE
              LEFT JOIN LATERAL (
                   SELECT count(*) AS notes FROM mail_message
                    WHERE model = 'cs.callback' AND res_id = c.id
                      AND message_type = 'notification'
                      AND subtype_id = %(note)s
                      AND body = '<p>Callback created</p>') m ON TRUE
              LEFT JOIN mail_activity a
                ON a.res_model = 'cs.callback' AND a.res_id = c.id
             WHERE c.plan_id = %(plan)s
            """,
            subtypes=sorted(subtypes),
            note=env.ref("mail.mt_note").id,
            plan=plan.id,
        )
    )
    followed, noted, with_activity = env.cr.fetchone()
    if followed != total or noted != total or with_activity:
        raise AssertionError(
            f"{followed} callbacks followed by their agent, {noted} with their "
            f"creation note, {with_activity} with an activity, of {total}"
        )
    bench.log(
        f"checked: {total} callbacks, one per customer, {least}..{most} per agent, "
        "each followed by its agent and with its creation note"
    )


@case(
    "cs_callback.coverage",
    module="cs_callback",
    rows=100_000,
    aim_seconds=120,
)
def coverage(bench, rows):
    """Coverage cron over members, 90% called back in time: batches until done."""
    env = bench.env
    with bench.phase(f"{AGENTS} agents ready"):
        agents = generate.ensure_agents(env, AGENTS)
    with bench.phase(f"{rows} members inserted"):
        partner_ids = generate.insert_partners(env, rows)
        env.cr.execute(
            SQL(
                "UPDATE res_partner SET cs_do_not_call = FALSE WHERE id = ANY(%s)",
                partner_ids,
            )
        )
        levels = env["cs.member.level"].search([])
        generate.insert_member_cards(env, partner_ids, levels)
        generate.assign_agents(env, partner_ids, agents)
    covered = partner_ids[: int(len(partner_ids) * COVERED_SHARE)]
    with bench.phase(f"{len(covered)} done callbacks inserted"):
        generate.insert_done_callbacks(env, covered, agents)
        generate.analyze(env, "res_partner", "cs_member_card", "cs_callback")
    bench.commit()
    Partner = env["res.partner"]
    missing = len(partner_ids) - len(covered)
    with bench.measure(rows=rows, missing=missing) as extra:
        extra["created"], extra["batches"] = _run_coverage(Partner)
    _check_coverage(bench, partner_ids)
    with bench.measure(rows=rows, name="cs_callback.coverage_again") as extra:
        extra["created"], extra["batches"] = _run_coverage(Partner)
    if extra["created"]:
        raise AssertionError(f"a second run created {extra['created']} callbacks")
    bench.log("checked: the second run created no callback")


def _run_coverage(Partner):
    """Call the cron method until a batch creates nothing, as the cron
    runner does while it reports remaining work."""
    created = batches = 0
    while True:
        batches += 1
        callbacks = Partner._cron_callback_coverage()
        created += len(callbacks)
        if not callbacks:
            return created, batches


def _check_coverage(bench, partner_ids):
    env = bench.env
    env.cr.execute(
        SQL(
            """
            SELECT count(*) FROM res_partner p
             WHERE p.id = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM cs_callback c
                                WHERE c.partner_id = p.id
                                  AND c.state IN ('todo', 'done'))
            """,
            partner_ids,
        )
    )
    uncovered = env.cr.fetchone()[0]
    env.cr.execute(
        SQL(
            """
            SELECT count(*), count(DISTINCT partner_id) FROM cs_callback
             WHERE state = 'todo' AND partner_id = ANY(%s)
            """,
            partner_ids,
        )
    )
    todo, todo_partners = env.cr.fetchone()
    expected = len(partner_ids) - int(len(partner_ids) * COVERED_SHARE)
    if uncovered or todo != expected or todo_partners != expected:
        raise AssertionError(
            f"{uncovered} members uncovered, {todo} open callbacks for "
            f"{todo_partners} members, expected {expected}"
        )
    bench.log(f"checked: every member covered, {todo} routine callbacks created")
