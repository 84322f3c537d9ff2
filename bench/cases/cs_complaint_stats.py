# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark case of the complaint classification statistics (顾客投诉分类统计表):
the XLSX of a year of complaints over a tree of categories and departments."""

import base64
import io

import generate
import openpyxl
from harness import case

from odoo import Command
from odoo.tools import SQL

ROOT_CATEGORIES = 10
SUB_CATEGORIES = 3  # per root: 10 roots + 30 sub-categories = 40 categories
DEPARTMENTS = 10
COMPLAINANTS = 2_000
YEAR = 2025
TZ = "Asia/Shanghai"
# seconds after 1 January 00:00 UTC that stay in the year in Shanghai (UTC+8)
YEAR_SECONDS = 365 * 86400 - 9 * 3600
STATES = (
    ["closed"] * 5
    + ["resolved"] * 2
    + ["rejected"] * 2
    + [
        "new",
        "assessed",
        "investigating",
        "proposed",
        "implementing",
    ]
)
SEVERITIES = ["normal"] * 8 + ["serious", "critical"]
CHANNELS = ["phone", "phone", "email", "walk_in", "letter", "web", "portal", "callback"]


@case(
    "cs_complaint.stats_xlsx",
    module="cs_complaint",
    rows=500_000,
    aim_seconds=30,
)
def stats_xlsx(bench, rows):
    """Classification statistics XLSX of a year: 40 categories, 10 departments."""
    env = bench.env
    with bench.phase("categories, departments and a supervisor ready"):
        categories = _create_categories(env)
        departments = env["hr.department"].create(
            [{"name": f"Bench Department {i:02d}"} for i in range(1, DEPARTMENTS + 1)]
        )
        supervisor = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench Supervisor",
                    "login": "bench_supervisor",
                    "tz": TZ,
                    "groups_id": [
                        Command.set([env.ref("cs_member.group_cs_supervisor").id])
                    ],
                }
            )
        )
    with bench.phase(f"{COMPLAINANTS} complainants inserted"):
        partner_ids = generate.insert_partners(env, COMPLAINANTS)
    with bench.phase(f"{rows} complaints inserted"):
        inserted = insert_complaints(env, rows, partner_ids, categories, departments)
        generate.analyze(env, "cs_complaint")
    if inserted != rows:
        raise AssertionError(f"{inserted} complaints inserted instead of {rows}")
    wizard = (
        env["cs.complaint.stats.wizard"]
        .with_user(supervisor)
        .create(
            {
                "date_from": f"{YEAR}-01-01",
                "date_to": f"{YEAR}-12-31",
                "company_id": env.company.id,
            }
        )
    )
    bench.commit()
    with bench.measure(
        rows=rows, categories=len(categories), departments=DEPARTMENTS, months=12
    ) as extra:
        wizard.action_export_xlsx()
        extra["kib"] = len(base64.b64decode(wizard.file_data)) // 1024
    _check_workbook(bench, wizard, rows, len(categories))


def _create_categories(env):
    """10 root categories with 3 sub-categories each."""
    Category = env["cs.complaint.category"]
    roots = Category.create(
        [
            {"name": f"Bench Category {i:02d}", "sequence": i}
            for i in range(1, ROOT_CATEGORIES + 1)
        ]
    )
    children = Category.create(
        [
            {"name": f"Bench Sub-category {j}", "parent_id": root.id, "sequence": j}
            for root in roots
            for j in range(1, SUB_CATEGORIES + 1)
        ]
    )
    return roots | children


def insert_complaints(env, count, partner_ids, categories, departments):
    """Insert ``count`` complaints received over the year ``YEAR`` in
    Shanghai, by cloning one ORM-created complaint (every stored column
    right) with ``generate_series``: 2% without category and 5% without
    department, states of a lived year (a tenth rejected, most resolved or
    closed, some open), handling hours and deadlines met of the resolved
    ones. Returns the number of rows inserted."""
    template = (
        env["cs.complaint"]
        .with_context(tracking_disable=True, mail_create_nolog=True)
        .create(
            {
                "partner_id": partner_ids[0],
                "subject": "Bench complaint template",
                "description": "<p>Bench complaint</p>",
                # outside the measured period
                "date_received": f"{YEAR - 5}-06-01 02:00:00",
            }
        )
    )
    env.flush_all()
    resolved = SQL("s.state IN ('resolved', 'closed')")
    received = SQL(
        "(%s::timestamp + make_interval(secs => mod(s.g::bigint * 7919, %s)))",
        f"{YEAR}-01-01 00:00:00",
        YEAR_SECONDS,
    )
    hours = SQL("(1 + mod(s.g * 13, 240))::float")
    now = SQL("now() at time zone 'UTC'")
    overrides = {
        "id": SQL("s.id"),
        "name": SQL("'TSB-' || lpad(s.g::text, 7, '0')"),
        "subject": SQL("'Bench complaint ' || s.g"),
        "partner_id": _pick(partner_ids, 7),
        "date_received": received,
        "category_id": SQL(
            "CASE WHEN mod(s.g, 50) = 0 THEN NULL ELSE %s END",
            _pick(categories.ids, 31),
        ),
        "department_id": SQL(
            "CASE WHEN mod(s.g, 20) = 0 THEN NULL ELSE %s END",
            _pick(departments.ids, 17),
        ),
        "state": SQL("s.state"),
        "is_valid": SQL("s.state <> 'rejected'"),
        "severity": _pick(SEVERITIES, 3),
        "channel": _pick(CHANNELS, 5),
        "handling_hours": SQL("CASE WHEN %s THEN %s ELSE 0 END", resolved, hours),
        "sla_met": SQL("%s AND mod(s.g, 7) <> 0", resolved),
        "sla_status": SQL(
            "CASE WHEN %s AND mod(s.g, 7) = 0 THEN 'breached' ELSE 'on_track' END",
            resolved,
        ),
        "date_ack": SQL("%s + interval '2 hours'", received),
        "date_resolved": SQL(
            "CASE WHEN %s THEN %s + make_interval(hours => %s::int) END",
            resolved,
            received,
            hours,
        ),
        "access_token": SQL("NULL"),
        "create_date": now,
        "write_date": now,
    }
    inserted = generate.clone_rows(
        env,
        "cs_complaint",
        template.id,
        count,
        overrides,
        extra={
            "state": SQL("(%s::varchar[])[1 + mod(g * 11, %s)]", STATES, len(STATES))
        },
        returning=False,
    )
    env.invalidate_all()
    return inserted


def _pick(values, step):
    """The value of ``values`` for row ``s.g``, spread by ``step``."""
    array_type = "int[]" if isinstance(values[0], int) else "varchar[]"
    return SQL(
        "(%s::%s)[1 + mod(s.g * %s, %s)]",
        list(values),
        SQL(array_type),
        step,
        len(values),
    )


def _check_workbook(bench, wizard, rows, category_count):
    """Both sheets hold every category and count every complaint once."""
    book = openpyxl.load_workbook(
        io.BytesIO(base64.b64decode(wizard.file_data)), read_only=True
    )
    for sheet in book.worksheets:
        lines = [line for line in sheet.iter_rows(values_only=True) if line[0]]
        start = next(i for i, line in enumerate(lines) if line[0] == "Category")
        header, body, total = lines[start], lines[start + 1 : -1], lines[-1]
        width = len(header) - 8  # the month or department columns
        if total[0] != "Total" or total[width + 1] != rows:
            raise AssertionError(f"{sheet.title}: total {total[width + 1]} != {rows}")
        if sum(total[1 : width + 1]) != rows:
            raise AssertionError(f"{sheet.title}: the columns do not add up to {rows}")
        # the categories, and the complaints without category
        if len(body) != category_count + 1:
            raise AssertionError(f"{sheet.title}: {len(body)} category rows")
        roots = sum(line[width + 1] for line in body if not line[0].count(" / "))
        if roots != rows:
            raise AssertionError(f"{sheet.title}: the root categories hold {roots}")
    bench.log(
        f"checked: {rows} complaints in both sheets, {category_count} categories "
        "rolled up to their roots"
    )
