"""Prepare the load test's database: users of each role and their work.

Run by ``scripts/load.sh`` inside ``odoo-bin shell`` (``env`` is given), on a
fresh database with every module and the demo data. Writes what the Locust
users need (logins, callback and complaint ids, a category) as JSON to the
path in ``CS_LOAD_SETUP``.
"""

import json
import os

from odoo import Command, fields

PORTALS = int(os.environ.get("CS_LOAD_PORTALS", 20))
AGENTS = int(os.environ.get("CS_LOAD_AGENTS", 20))
MEMBERS = int(os.environ.get("CS_LOAD_MEMBERS", 5))
CALLBACKS = int(os.environ.get("CS_LOAD_CALLBACKS", 1000))
REPLIES_PER_MEMBER = int(os.environ.get("CS_LOAD_REPLIES", 10))

env = env(context=dict(env.context, no_reset_password=True, tracking_disable=True))  # noqa: F821
company = env.company
Users = env["res.users"]


def make_users(prefix, count, groups):
    return Users.create(
        [
            {
                "name": f"{prefix} {i:02d}",
                "login": f"{prefix}{i:02d}",
                "password": f"{prefix}{i:02d}",
                "email": f"{prefix}{i:02d}@load.example.com",
                "tz": "Asia/Shanghai",
                "groups_id": [Command.set([env.ref(g).id for g in groups])],
            }
            for i in range(count)
        ]
    )


portals = make_users("load_portal_", PORTALS, ["base.group_portal"])
agents = make_users(
    "load_agent_", AGENTS, ["base.group_user", "cs_member.group_cs_agent"]
)
members = make_users("load_member_", MEMBERS, ["base.group_user"])

department = env["hr.department"].create({"name": "Load test department"})
employees = env["hr.employee"].create(
    [
        {"name": user.name, "user_id": user.id, "department_id": department.id}
        for user in members
    ]
)
department.manager_id = employees[:1]

customers = env["res.partner"].create(
    [
        {"name": f"Load customer {i:04d}", "phone": f"+86 139 {i:04d} 0000"}
        for i in range(CALLBACKS)
    ]
)
deadline = fields.Date.add(fields.Date.today(), days=3)
callbacks = env["cs.callback"].create(
    [
        {
            "partner_id": customer.id,
            "user_id": agents[i % AGENTS].id,
            "date_deadline": deadline,
        }
        for i, customer in enumerate(customers)
    ]
)
category = env["cs.complaint"]._cs_form_categories(company)[:1]
complaints = env["cs.complaint"].create(
    [
        {
            "partner_id": customers[i].id,
            "description": "<p>Routed for the load test</p>",
            "category_id": category.id,
            "department_id": department.id,
            "user_id": agents[i % AGENTS].id,
        }
        for i in range(MEMBERS * REPLIES_PER_MEMBER)
    ]
)
# the SLA cron runs every minute during the load, beside the triggered
# acknowledgement cron
env.ref("cs_complaint.ir_cron_complaint_sla_escalate").write(
    {
        "interval_number": 1,
        "interval_type": "minutes",
        "nextcall": fields.Datetime.now(),
    }
)
env.cr.commit()

by_agent = {user.login: [] for user in agents}
for callback in callbacks:
    by_agent[callback.user_id.login].append(callback.id)
by_member = {user.login: [] for user in members}
for i, complaint in enumerate(complaints):
    by_member[members[i % MEMBERS].login].append(complaint.id)
setup = {
    "portals": portals.mapped("login"),
    "agents": by_agent,
    "members": by_member,
    "category_id": category.id,
    "crons": [
        env.ref("cs_complaint.ir_cron_complaint_sla_escalate").id,
        env.ref("cs_complaint.ir_cron_complaint_ack").id,
    ],
    "started": fields.Datetime.to_string(fields.Datetime.now()),
}
with open(os.environ["CS_LOAD_SETUP"], "w", encoding="utf-8") as handle:
    json.dump(setup, handle)
print(
    f"load setup: {len(portals)} portal customers, {len(agents)} agents with "
    f"{len(callbacks)} callbacks, {len(members)} department members with "
    f"{len(complaints)} routed complaints"
)
