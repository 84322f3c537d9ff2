# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark cases of cs_member: distributing customers among agents and
recomputing the points balances."""

from collections import Counter

import generate
from harness import case

from odoo import Command
from odoo.tools import SQL

AGENTS = 50
LINES_PER_MEMBER = 10


@case(
    "cs_member.distribute_customers",
    module="cs_member",
    rows=100_000,
    aim_seconds=10,
)
def distribute_customers(bench, rows):
    """Distribution wizard: customers among 50 agents, first-contact activities."""
    env = bench.env
    with bench.phase(f"{AGENTS} agents ready"):
        agents = generate.ensure_agents(env, AGENTS)
    with bench.phase(f"{rows} customers inserted"):
        partner_ids = generate.insert_partners(env, rows)
        generate.analyze(env, "res_partner")
    bench.commit()
    # what the web client does: the wizard opened on the selected customers
    # (active_ids), then the Distribute button
    Wizard = env["cs.member.distribution.wizard"].with_context(
        active_model="res.partner", active_ids=partner_ids
    )
    with bench.measure(rows=rows, agents=len(agents)):
        wizard = Wizard.create({"agent_ids": [Command.set(agents.ids)]})
        wizard.action_distribute()
    _check_distribution(bench, partner_ids, agents)
    bench.reference(rows, _reference_statements(env, partner_ids, agents))


def _reference_statements(env, partner_ids, agents):
    """PostgreSQL writing the distribution by itself, one statement per
    table: the assignment (UPDATE … FROM, agents in turn), the first-contact
    activities, the agents following their customers, with the default
    subtypes. The agents already follow the customers after the measure: the
    reference's followers are written under another model name (the same
    rows and indexes, no conflict)."""
    env.cr.execute("SELECT COALESCE(max(id), 0) FROM mail_followers")
    [[last_follower_id]] = env.cr.fetchall()
    activity_type = env.ref("cs_member.mail_activity_type_first_contact")
    subtypes = env["mail.message.subtype"]._default_subtypes("res.partner")[0]
    return [
        SQL(
            """
            UPDATE res_partner partner
               SET cs_agent_id = (%(agents)s::int[])[1 + mod(new.n, %(count)s)],
                   cs_date_assigned = CURRENT_DATE, write_uid = 1,
                   write_date = now() AT TIME ZONE 'UTC'
              FROM (SELECT id, row_number() OVER (ORDER BY id) AS n
                      FROM unnest(%(partners)s::int[]) AS id) new
             WHERE partner.id = new.id
            """,
            agents=agents.ids,
            count=len(agents),
            partners=partner_ids,
        ),
        SQL(
            """
            INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name,
                   activity_type_id, summary, user_id, user_tz, date_deadline,
                   active, create_uid, create_date, write_uid, write_date)
            SELECT %(model_id)s, 'res.partner', partner.id, partner.complete_name,
                   %(type_id)s, %(summary)s, partner.cs_agent_id, agent.tz,
                   CURRENT_DATE + 7, TRUE, 1, now() AT TIME ZONE 'UTC', 1,
                   now() AT TIME ZONE 'UTC'
              FROM res_partner partner
              JOIN res_users users ON users.id = partner.cs_agent_id
              JOIN res_partner agent ON agent.id = users.partner_id
             WHERE partner.id = ANY(%(partners)s)
            """,
            model_id=env["ir.model"]._get_id("res.partner"),
            type_id=activity_type.id,
            summary=activity_type.summary,
            partners=partner_ids,
        ),
        SQL(
            """
            INSERT INTO mail_followers (res_model, res_id, partner_id)
            SELECT 'cs.bench.reference', partner.id, users.partner_id
              FROM res_partner partner
              JOIN res_users users ON users.id = partner.cs_agent_id
             WHERE partner.id = ANY(%s)
            """,
            partner_ids,
        ),
        SQL(
            """
            INSERT INTO mail_followers_mail_message_subtype_rel
                   (mail_followers_id, mail_message_subtype_id)
            SELECT follower.id, subtype_id
              FROM mail_followers follower, unnest(%s::int[]) AS subtype_id
             WHERE follower.id > %s
            """,
            subtypes,
            last_follower_id,
        ),
    ]


def _check_distribution(bench, partner_ids, agents):
    env = bench.env
    env.cr.execute(
        SQL(
            "SELECT cs_agent_id, count(*) FROM res_partner "
            "WHERE id = ANY(%s) GROUP BY cs_agent_id",
            partner_ids,
        )
    )
    per_agent = Counter(dict(env.cr.fetchall()))
    if per_agent.get(None):
        raise AssertionError(f"{per_agent[None]} customers were not assigned")
    activity_type = env.ref("cs_member.mail_activity_type_first_contact")
    env.cr.execute(
        SQL(
            "SELECT count(*) FROM mail_activity WHERE res_model = 'res.partner' "
            "AND res_id = ANY(%s) AND activity_type_id = %s",
            partner_ids,
            activity_type.id,
        )
    )
    activities = env.cr.fetchone()[0]
    if activities != len(partner_ids):
        raise AssertionError(
            f"{activities} first-contact activities for {len(partner_ids)} customers"
        )
    # as mail.activity.create: the agent follows the customer, default subtypes
    subtypes = env["mail.message.subtype"]._default_subtypes("res.partner")[0]
    env.cr.execute(
        SQL(
            """
            SELECT count(*)
              FROM res_partner partner
              JOIN res_users users ON users.id = partner.cs_agent_id
              JOIN mail_followers follower
                ON follower.res_model = 'res.partner'
               AND follower.res_id = partner.id
               AND follower.partner_id = users.partner_id
             WHERE partner.id = ANY(%s)
               AND ARRAY(SELECT mail_message_subtype_id
                           FROM mail_followers_mail_message_subtype_rel
                          WHERE mail_followers_id = follower.id
                          ORDER BY 1) = %s::int[]
            """,
            partner_ids,
            sorted(subtypes),
        )
    )
    followed = env.cr.fetchone()[0]
    if followed != len(partner_ids):
        raise AssertionError(
            f"{followed} of {len(partner_ids)} customers followed by their agent"
        )
    per_capacity = [
        per_agent[agent.id] / agent.cs_capacity for agent in agents if agent.cs_capacity
    ]
    bench.log(
        f"checked: all assigned, {activities} activities, followed by their agent, "
        f"customers per unit of "
        f"capacity {min(per_capacity):.0f}..{max(per_capacity):.0f}"
    )


@case(
    "cs_member.recompute_points",
    module="cs_member",
    rows=100_000,
    aim_seconds=60,
)
def recompute_points(bench, rows):
    """Points balance of every member recomputed from the ledger (10 lines each)."""
    env = bench.env
    with bench.phase(f"{rows} members inserted"):
        partner_ids = generate.insert_partners(env, rows)
    with bench.phase(f"{rows * LINES_PER_MEMBER} ledger lines copied"):
        lines = generate.copy_points(env, partner_ids, LINES_PER_MEMBER)
        generate.analyze(env, "res_partner", "cs_member_points")
    bench.commit()
    with bench.measure(rows=rows, lines=lines) as extra:
        extra["updated"] = env["res.partner"]._cs_recompute_points()
    _check_balances(bench, partner_ids)


def _check_balances(bench, partner_ids):
    env = bench.env
    env.cr.execute(
        SQL(
            """
            SELECT count(*)
              FROM res_partner p
              LEFT JOIN (SELECT partner_id, SUM(points) AS total
                           FROM cs_member_points
                          WHERE partner_id = ANY(%s)
                       GROUP BY partner_id) l ON l.partner_id = p.id
             WHERE p.id = ANY(%s) AND p.cs_points IS DISTINCT FROM l.total
            """,
            partner_ids,
            partner_ids,
        )
    )
    wrong = env.cr.fetchone()[0]
    if wrong:
        raise AssertionError(f"{wrong} members have a wrong points balance")
    bench.log(f"checked: {len(partner_ids)} balances equal the ledger sums")


def _follow_each(bench, rows, subscribe):
    """Each of ``rows`` new customers followed by one agent, by ``subscribe``
    (res_ids, partner_ids, subtype_ids)."""
    env = bench.env
    with bench.phase(f"{rows} customers inserted"):
        partner_ids = generate.insert_partners(env, rows)
        agents = generate.ensure_agents(env, AGENTS)
    followers = [agents[i % len(agents)].partner_id.id for i in range(rows)]
    subtypes = env["mail.message.subtype"].search([("default", "=", True)]).ids
    with bench.measure(rows=rows):
        subscribe(partner_ids, followers, subtypes)
    env.cr.execute(
        SQL(
            "SELECT count(*) FROM mail_followers "
            "WHERE res_model = 'res.partner' AND res_id = ANY(%s)",
            partner_ids,
        )
    )
    [[count]] = env.cr.fetchall()
    if count < rows:
        raise AssertionError(f"{count} followers for {rows} customers")


@case(
    "cs_member.followers_sql",
    module="cs_member",
    rows=50_000,
    compare_with=("cs_member.followers_odoo",),
)
def followers_sql(bench, rows):
    """Followers in bulk: the suite's one INSERT (cs_member.models.followers)."""
    from odoo.addons.cs_member.models.followers import insert_followers

    _follow_each(
        bench,
        rows,
        lambda res_ids, partners, subtypes: insert_followers(
            bench.env, "res.partner", res_ids, partners, subtypes
        ),
    )


@case("cs_member.followers_odoo", module="cs_member", rows=50_000)
def followers_odoo(bench, rows):
    """Followers in bulk: Odoo's mail.followers._insert_followers."""
    Followers = bench.env["mail.followers"]

    def subscribe(res_ids, partners, subtypes):
        # one call per follower, as _insert_followers takes one set of
        # partners for all the records
        by_partner = {}
        for res_id, partner in zip(res_ids, partners, strict=True):
            by_partner.setdefault(partner, []).append(res_id)
        for partner, ids in by_partner.items():
            Followers._insert_followers(
                "res.partner",
                ids,
                [partner],
                subtypes={partner: subtypes},
                check_existing=True,
                existing_policy="skip",
            )

    _follow_each(bench, rows, subscribe)
