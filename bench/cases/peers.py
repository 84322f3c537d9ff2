# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Peer cases: how fast OCA's modules create the records our complaints are
compared with (``helpdesk.ticket`` of helpdesk_mgmt with helpdesk_mgmt_sla,
``crm.claim`` of crm_claim), fetched from the wheels pinned in
``bench/peers.txt``.

Every creation case has the same shape, so that their throughputs can be
divided: ``rows`` records (10,000 at scale 1) for ``rows / 10`` customers
(each has ten), over 4 teams and 8 categories, with the same subjects,
HTML descriptions and priorities, created with ``create(vals_list)`` in
batches of 1,000 without any context key, one transaction per batch, like an
import. A case of ours plugs in with :func:`customers`, :func:`texts` and
:func:`create_in_batches` and declares ``compare_with=PEER_CASES``.
"""

from generate import clone_rows
from harness import case

from odoo import Command
from odoo.tools import SQL

ROWS = 10_000
BATCH = 1_000
RECORDS_PER_CUSTOMER = 10
TEAMS = 4
CATEGORIES = 8
PRIORITIES = ["0", "1", "1", "1", "2", "3"]  # low..very high; 1/3 are 2 or 3
PEER_CASES = ("peers.helpdesk_ticket_create", "peers.crm_claim_create")
SUBJECTS = [
    "Parcel arrived damaged / 包裹破损",
    "Refund not received / 退款未到账",
    "Wrong size delivered / 尺码发错",
    "Rude answer on the hotline / 客服态度差",
    "Invoice charged twice / 重复扣款",
    "Member points missing / 积分未到账",
    "Delivery two weeks late / 延迟发货",
    "Product stopped working / 产品故障",
]
BODY = (
    "The customer called about order {order}: {subject}. They ask for an answer "
    "within two working days and for a call back in the afternoon. 客户要求两个"
    "工作日内答复，并希望下午回电。Previous contact: none."
)


def customers(env, rows):
    """Insert the customers of ``rows`` records (``rows / 10``, at least
    one) and return their ids."""
    return insert_contacts(env, max(1, rows // RECORDS_PER_CUSTOMER))


def texts(index):
    """``(subject, html description, plain description)`` of record ``index``."""
    subject = SUBJECTS[index % len(SUBJECTS)]
    body = BODY.format(order=f"SO{index:07d}", subject=subject)
    return f"{subject} #{index}", f"<p>{body}</p>", body


def priority(index, highest="3"):
    """Priority of record ``index`` ("0" low .. "3"), capped at ``highest``
    for models with fewer levels."""
    return min(PRIORITIES[index % len(PRIORITIES)], highest)


def create_in_batches(bench, model, vals_list, batch=BATCH):
    """``model.create()`` on ``vals_list`` in batches, each committed (flush,
    commit, caches dropped) like one request of an import; returns the ids
    created and the number of batches."""
    ids = []
    for start in range(0, len(vals_list), batch):
        ids += model.create(vals_list[start : start + batch]).ids
        bench.commit()
    return ids, -(-len(vals_list) // batch)


def insert_contacts(env, count):
    """Insert ``count`` contacts and return their ids: one ORM-created row
    cloned with ``generate_series`` like ``generate.insert_partners``, but
    without the columns of cs_member, so it also works without our modules."""
    cr = env.cr
    template = (
        env["res.partner"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            {
                "name": "Bench Contact Template",
                "email": "bench.template@example.com",
                "phone": "+86 138 0000 0000",
                "city": "Shanghai",
                "country_id": env.ref("base.cn").id,
            }
        )
    )
    env.flush_all()
    cr.execute("ANALYZE res_partner")
    name = SQL("'Bench Contact ' || lpad(s.g::text, 7, '0')")
    email = SQL("'bench.contact.' || s.g || '@example.com'")
    phone = SQL("lpad(mod(s.g, 100000000)::text, 8, '0')")
    now = SQL("now() at time zone 'UTC'")
    overrides = {
        "id": SQL("s.id"),
        "name": name,
        "complete_name": name,
        "email": email,
        "email_normalized": email,
        "phone": SQL("'+86 138 ' || %s", phone),
        "phone_sanitized": SQL("'+86138' || %s", phone),
        "commercial_partner_id": SQL("s.id"),
        "create_date": now,
        "write_date": now,
    }
    ids = clone_rows(env, "res_partner", template.id, count, overrides)
    template.unlink()
    env.flush_all()
    cr.execute("ANALYZE res_partner")
    env.invalidate_all()
    return ids


# --------------------------------------------------------------------------
# helpdesk_mgmt + helpdesk_mgmt_sla
# --------------------------------------------------------------------------


@case(
    "peers.helpdesk_ticket_create",
    module="helpdesk_mgmt_sla",
    rows=ROWS,
    peer=True,
)
def helpdesk_ticket_create(bench, rows):
    """OCA helpdesk_mgmt + helpdesk_mgmt_sla: helpdesk.ticket create, 2 SLAs."""
    env = bench.env
    with bench.phase(f"{max(1, rows // RECORDS_PER_CUSTOMER)} customers inserted"):
        partner_ids = customers(env, rows)
    teams, categories, slas = _helpdesk_setup(env)
    bench.commit()
    vals_list = []
    for i in range(rows):
        name, html, _plain = texts(i)
        vals_list.append(
            {
                "name": name,
                "description": html,
                "partner_id": partner_ids[i % len(partner_ids)],
                "team_id": teams[i % TEAMS].id,
                "category_id": categories[i % CATEGORIES].id,
                "priority": priority(i),
            }
        )
    Ticket = env["helpdesk.ticket"]
    with bench.measure(rows=rows, batch=BATCH, slas=len(slas)) as extra:
        ids, extra["batches"] = create_in_batches(bench, Ticket, vals_list)
    _check_tickets(bench, ids, rows)


def _helpdesk_setup(env):
    """4 teams with SLA on the company's working hours, 8 categories, and two
    SLAs: first answer in 4 working hours (every ticket) and resolution in
    one working day for high priorities (an SLA filter to evaluate)."""
    calendar = env.company.resource_calendar_id
    teams = env["helpdesk.ticket.team"].create(
        [
            {
                "name": f"Bench Team {n}",
                "use_sla": True,
                "resource_calendar_id": calendar.id,
            }
            for n in range(1, TEAMS + 1)
        ]
    )
    categories = env["helpdesk.ticket.category"].create(
        [{"name": f"Bench Category {n}"} for n in range(1, CATEGORIES + 1)]
    )
    slas = env["helpdesk.sla"].create(
        [
            {
                "name": "First answer in 4 working hours",
                "team_ids": [Command.set(teams.ids)],
                "hours": 4,
                "stage_id": env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
                ).id,
            },
            {
                "name": "High priority solved in 1 working day",
                "team_ids": [Command.set(teams.ids)],
                "days": 1,
                "domain": "[('priority', 'in', ['2', '3'])]",
                "stage_id": env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
            },
        ]
    )
    return teams, categories, slas


def _check_tickets(bench, ids, rows):
    cr = bench.env.cr
    cr.execute(
        SQL(
            """
            SELECT count(*), count(t.stage_id), count(t.number),
                   (SELECT count(*) FROM helpdesk_ticket_sla s
                     WHERE s.ticket_id = ANY(%s) AND s.deadline IS NOT NULL)
              FROM helpdesk_ticket t
             WHERE t.id = ANY(%s)
            """,
            ids,
            ids,
        )
    )
    tickets, staged, numbered, slas = cr.fetchone()
    high = sum(1 for i in range(rows) if priority(i) in ("2", "3"))
    if not tickets == staged == numbered == rows or slas != rows + high:
        raise AssertionError(
            f"{tickets} tickets ({staged} with a stage, {numbered} numbered) and "
            f"{slas} SLA lines with a deadline, expected {rows} and {rows + high}"
        )
    bench.log(f"checked: {tickets} tickets, {slas} SLA lines with a deadline")


# --------------------------------------------------------------------------
# crm_claim
# --------------------------------------------------------------------------


@case("peers.crm_claim_create", module="crm_claim", rows=ROWS, peer=True)
def crm_claim_create(bench, rows):
    """OCA crm_claim: crm.claim create (default stage, team, responsible)."""
    env = bench.env
    with bench.phase(f"{max(1, rows // RECORDS_PER_CUSTOMER)} customers inserted"):
        partner_ids = customers(env, rows)
    teams = env["crm.team"].create(
        [{"name": f"Bench Team {n}"} for n in range(1, TEAMS + 1)]
    )
    categories = env["crm.claim.category"].create(
        [
            {"name": f"Bench Category {n}", "team_id": teams[n % TEAMS].id}
            for n in range(1, CATEGORIES + 1)
        ]
    )
    bench.commit()
    partners = env["res.partner"].browse(partner_ids)
    emails = dict(zip(partner_ids, partners.mapped("email"), strict=True))
    vals_list = []
    for i in range(rows):
        name, _html, plain = texts(i)
        partner_id = partner_ids[i % len(partner_ids)]
        vals_list.append(
            {
                "name": name,
                "description": plain,
                "partner_id": partner_id,
                "email_from": emails[partner_id],
                "team_id": teams[i % TEAMS].id,
                "categ_id": categories[i % CATEGORIES].id,
                "priority": priority(i, highest="2"),
            }
        )
    bench.commit()
    Claim = env["crm.claim"]
    with bench.measure(rows=rows, batch=BATCH) as extra:
        ids, extra["batches"] = create_in_batches(bench, Claim, vals_list)
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT count(*), count(stage_id), count(user_id) FROM crm_claim "
            "WHERE id = ANY(%s)",
            ids,
        )
    )
    claims, staged, owned = cr.fetchone()
    if not claims == staged == owned == rows:
        raise AssertionError(
            f"{claims} claims ({staged} with a stage, {owned} with a responsible), "
            f"expected {rows}"
        )
    bench.log(f"checked: {claims} claims, all with a stage and a responsible")
