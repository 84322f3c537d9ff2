# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Data generators of the benchmark: fast paths where the ORM adds nothing.

- customers: one ORM-created template row cloned with ``INSERT ... SELECT
  generate_series``, so every stored column (defaults and computed values of
  all installed modules) is right without listing them here;
- agents: ORM batch create (groups, partners, implied groups matter);
- points ledger lines: ``COPY`` (a million lines in a few seconds).

Everything here writes directly and leaves committing to the caller.
"""

import io

from odoo import Command
from odoo.tools import SQL

GRADES = ["key"] + ["important"] * 4 + ["normal"] * 10 + ["potential"] * 5
CITIES = [
    "Shanghai",
    "Beijing",
    "Guangzhou",
    "Shenzhen",
    "Hangzhou",
    "Nanjing",
    "Chengdu",
    "Wuhan",
    "Suzhou",
    "Tianjin",
]
CONTACT_WINDOWS = ["any", "any", "morning", "noon", "afternoon", "evening"]
AGENT_CAPACITIES = [1.0, 1.0, 1.0, 2.0, 0.5]


def _partner_columns():
    """Columns of res_partner that differ between generated customers, as SQL
    over ``s.id`` (the new id) and ``s.g`` (1..count)."""
    name = SQL("'Bench Customer ' || lpad(s.g::text, 7, '0')")
    email = SQL("'bench.customer.' || s.g || '@example.com'")
    now = SQL("now() at time zone 'UTC'")
    return {
        "id": SQL("s.id"),
        "name": name,
        "complete_name": name,
        "email": email,
        "email_normalized": email,
        "phone": SQL("'+86 138 ' || lpad(mod(s.g, 100000000)::text, 8, '0')"),
        "commercial_partner_id": SQL("s.id"),
        "city": _pick(CITIES),
        "cs_grade": _pick(GRADES),
        "cs_contact_window": _pick(CONTACT_WINDOWS),
        "cs_do_not_call": SQL("mod(s.g, 50) = 0"),
        "create_date": now,
        "write_date": now,
    }


def _pick(values):
    """The value of ``values`` for row ``s.g``, cycling."""
    return SQL("(%s::varchar[])[1 + mod(s.g, %s)]", list(values), len(values))


def insert_partners(env, count):
    """Insert ``count`` customers (no card, no agent) and return their ids.

    The template row is read once (a materialized CTE).
    """
    template = (
        env["res.partner"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            {
                "name": "Bench Customer Template",
                "email": "bench.template@example.com",
                "phone": "+86 138 0000 0000",
                "city": "Shanghai",
                "country_id": env.ref("base.cn").id,
                "cs_grade": "normal",
            }
        )
    )
    env.flush_all()
    # Fresh statistics, and the cached plans of the foreign-key checks
    # dropped: a plan cached while the table was tiny scans res_partner
    # sequentially for the self-reference commercial_partner_id of every new
    # row, which makes the insert quadratic (12 s instead of 0.8 s for 20,000
    # rows once 50 agents were created in the same session).
    analyze(env, "res_partner")
    ids = clone_rows(env, "res_partner", template.id, count, _partner_columns())
    template.unlink()
    env.flush_all()
    env.invalidate_all()
    return ids


def ensure_agents(env, count):
    """Return ``count`` customer-service agents ``bench_agent_NNN`` (created
    once per database in one ORM batch), with capacities 1, 1, 1, 2, 0.5."""
    Users = env["res.users"].with_context(active_test=False)
    logins = [f"bench_agent_{i:03d}" for i in range(1, count + 1)]
    existing = Users.search([("login", "in", logins)])
    missing = sorted(set(logins) - set(existing.mapped("login")))
    group = env.ref("cs_member.group_cs_agent")
    created = Users.with_context(
        no_reset_password=True, mail_create_nolog=True, tracking_disable=True
    ).create(
        [
            {
                "name": f"Bench Agent {login[-3:]}",
                "login": login,
                "email": f"{login}@example.com",
                "groups_id": [Command.set([group.id])],
                "cs_capacity": AGENT_CAPACITIES[
                    int(login[-3:]) % len(AGENT_CAPACITIES)
                ],
            }
            for login in missing
        ]
    )
    env.flush_all()
    return (existing | created).sorted("id")


def copy_points(env, partner_ids, lines_per_partner, chunk_lines=200_000):
    """COPY ``lines_per_partner`` ledger lines per partner into
    ``cs_member_points`` and return the number of lines. Every fifth line
    redeems half of the balance, so no balance is ever negative and
    ``balance_after`` is what the model would have booked."""
    cr = env.cr
    company_id = env.company.id
    uid = env.uid
    columns = (
        "partner_id, date, points, kind, reason, balance_after, source_ref, "
        "company_id, user_id, create_uid, create_date, write_uid, write_date"
    )
    copy_sql = f"COPY cs_member_points ({columns}) FROM STDIN"
    buffer, in_buffer, total = io.StringIO(), 0, 0
    stamp = "2026-01-01 08:00:00"
    for partner_id in partner_ids:
        balance = 0
        for k in range(lines_per_partner):
            day = 1 + (k * 28) // max(lines_per_partner, 1)
            if k % 5 == 4 and balance > 1:
                points, kind = -(balance // 2), "redeem"
                reason, source = "Gift redemption / 兑换礼品", "\\N"
            else:
                points, kind = 10 + (partner_id * 7 + k * 13) % 490, "earn"
                source = f"SO{partner_id:07d}{k:02d}"
                reason = f"Purchase order {source} / 购物积分"
            balance += points
            buffer.write(
                f"{partner_id}\t2026-{1 + k % 12:02d}-{min(day, 28):02d}\t{points}\t"
                f"{kind}\t{reason}\t{balance}\t{source}\t{company_id}\t{uid}\t"
                f"{uid}\t{stamp}\t{uid}\t{stamp}\n"
            )
            in_buffer += 1
        if in_buffer >= chunk_lines:
            total += _flush_copy(cr, copy_sql, buffer)
            buffer, in_buffer = io.StringIO(), 0
    if in_buffer:
        total += _flush_copy(cr, copy_sql, buffer)
    env.invalidate_all()
    return total


def _flush_copy(cr, copy_sql, buffer):
    buffer.seek(0)
    cr._obj.copy_expert(copy_sql, buffer)
    return cr._obj.rowcount


def analyze(env, *tables):
    """Refresh the planner statistics after a bulk load, as autovacuum would
    on a live database."""
    for table in tables:
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def insert_member_cards(env, partner_ids, levels, date_start="2026-01-01"):
    """Give every partner of ``partner_ids`` one active card (``new``) of
    ``levels`` (cycling) valid one year, and set what the ORM computes on
    the partner (``cs_card_id``, ``cs_is_member``, ``cs_level_id``,
    ``cs_card_date_end``). Returns the number of cards."""
    cr = env.cr
    cr.execute(
        SQL(
            """
              WITH p AS (
                SELECT pid, row_number() OVER (ORDER BY pid) AS g
                  FROM unnest(%s::int[]) pid)
            INSERT INTO cs_member_card (
                   number, partner_id, level_id, company_id, date_start, date_end,
                   state, change_type, create_uid, create_date, write_uid,
                   write_date)
            SELECT 'BENCH' || lpad(p.g::text, 8, '0'), p.pid,
                   (%s::int[])[1 + mod(p.g, %s)], %s, %s::date,
                   %s::date + interval '1 year' - interval '1 day',
                   'active', 'new', %s, now() at time zone 'UTC', %s,
                   now() at time zone 'UTC'
              FROM p
            """,
            list(partner_ids),
            list(levels.ids),
            len(levels),
            env.company.id,
            date_start,
            date_start,
            env.uid,
            env.uid,
        )
    )
    count = cr.rowcount
    cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET cs_card_id = c.id, cs_is_member = TRUE,
                   cs_level_id = c.level_id, cs_card_date_end = c.date_end
              FROM cs_member_card c
             WHERE c.partner_id = p.id AND c.state = 'active'
               AND p.id = ANY(%s)
            """,
            list(partner_ids),
        )
    )
    env.invalidate_all()
    return count


def assign_agents(env, partner_ids, agents):
    """Set ``cs_agent_id`` of the partners round-robin over ``agents``."""
    env.cr.execute(
        SQL(
            """
            UPDATE res_partner p
               SET cs_agent_id = (%s::int[])[1 + mod(s.g, %s)]
              FROM (SELECT pid, row_number() OVER (ORDER BY pid) AS g
                      FROM unnest(%s::int[]) pid) s
             WHERE p.id = s.pid
            """,
            list(agents.ids),
            len(agents),
            list(partner_ids),
        )
    )
    env.invalidate_all()


def insert_done_callbacks(env, partner_ids, agents, days_ago=10):
    """One routine phone callback done ``days_ago`` days ago per partner,
    made by ``agents`` (cycling). Returns the number of callbacks."""
    env.cr.execute(
        SQL(
            """
              WITH p AS (
                SELECT pid, row_number() OVER (ORDER BY pid) AS g
                  FROM unnest(%s::int[]) pid)
            INSERT INTO cs_callback (
                   partner_id, kind, channel, state, date_done, date_deadline,
                   scheduled_at, company_id, user_id, attempt_count, create_uid,
                   create_date, write_uid, write_date)
            SELECT p.pid, 'routine', 'phone', 'done',
                   now() at time zone 'UTC' - make_interval(days => %s),
                   (now() at time zone 'UTC')::date - %s + 7,
                   now() at time zone 'UTC' - make_interval(days => %s + 1),
                   %s, (%s::int[])[1 + mod(p.g, %s)], 1, %s,
                   now() at time zone 'UTC', %s, now() at time zone 'UTC'
              FROM p
            """,
            list(partner_ids),
            days_ago,
            days_ago,
            days_ago,
            env.company.id,
            list(agents.ids),
            len(agents),
            env.uid,
            env.uid,
        )
    )
    count = env.cr.rowcount
    env.invalidate_all()
    return count


def clone_rows(env, table, template_id, count, overrides, extra=None, returning=True):
    """Insert ``count`` copies of row ``template_id`` of ``table`` in one
    statement: every column copied from the template (read once, a
    materialized CTE) except those of ``overrides`` ({column: SQL} over the
    series ``s``: ``s.id`` the new id, ``s.g`` 1..count, plus the ``extra``
    expressions {alias: SQL} computed once per row). Returns the sorted new
    ids, or the number of rows when ``returning`` is false."""
    cr = env.cr
    cr.execute(SQL("SELECT * FROM %s LIMIT 0", SQL.identifier(table)))
    columns = [desc[0] for desc in cr.description]
    select = [
        overrides.get(column) or SQL("t.%s", SQL.identifier(column))
        for column in columns
    ]
    extra_select = SQL("").join(
        SQL(", %s AS %s", expression, SQL.identifier(alias))
        for alias, expression in (extra or {}).items()
    )
    cr.execute(
        SQL(
            """
              WITH t AS MATERIALIZED (SELECT * FROM %(table)s WHERE id = %(template)s)
            INSERT INTO %(table)s (%(columns)s)
            SELECT %(select)s
              FROM (SELECT nextval(%(sequence)s) AS id, g %(extra)s
                      FROM generate_series(1, %(count)s) g) s
        CROSS JOIN t
            %(returning)s
            """,
            table=SQL.identifier(table),
            template=template_id,
            columns=SQL(", ").join(SQL.identifier(c) for c in columns),
            select=SQL(", ").join(select),
            sequence=f"{table}_id_seq",
            extra=extra_select,
            count=count,
            returning=SQL("RETURNING id") if returning else SQL(),
        )
    )
    if not returning:
        return cr.rowcount
    return sorted(row[0] for row in cr.fetchall())


def copy_rows_sql(env, table, source, overrides):
    """One ``INSERT … SELECT`` copying rows of ``table``: ``source`` is the
    FROM clause (``t`` the rows copied, with the other tables it joins);
    ``overrides`` ({column: SQL}) replace the columns copied. Every other
    column (but ``id``, which its sequence gives) is copied as it is. For the
    physical references: PostgreSQL writing the rows an operation wrote."""
    env.cr.execute(SQL("SELECT * FROM %s LIMIT 0", SQL.identifier(table)))
    columns = [desc[0] for desc in env.cr.description if desc[0] != "id"]
    columns += [column for column in overrides if column not in columns]
    return SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s",
        SQL.identifier(table),
        SQL(", ").join(SQL.identifier(column) for column in columns),
        SQL(", ").join(
            overrides.get(column) or SQL("t.%s", SQL.identifier(column))
            for column in columns
        ),
        source,
    )
