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
    aim_seconds=60,
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
    per_capacity = [
        per_agent[agent.id] / agent.cs_capacity for agent in agents if agent.cs_capacity
    ]
    bench.log(
        f"checked: all assigned, {activities} activities, customers per unit of "
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
