"""After the load: compare what the users were told with the database.

Run by ``scripts/load.sh`` with the virtualenv's Python; connects to the
database ``CS_LOAD_DB`` through the usual ``PG*`` variables. Reads the
Locust statistics (``CS_LOAD_STATS``, the ``_stats.csv`` of ``--csv``),
what was submitted and saved (``CS_LOAD_RESULTS``) and the server log
(``CS_LOAD_LOG``); prints the findings and, last, the line ``load:
N requests, E errors, p95 X ms, lost L, duplicates D``. Exits with 1 when
E, L or D is above 0.
"""

import csv
import json
import os
import re
import sys

import psycopg2

results = json.load(open(os.environ["CS_LOAD_RESULTS"], encoding="utf-8"))
setup = json.load(open(os.environ["CS_LOAD_SETUP"], encoding="utf-8"))
cr = psycopg2.connect(dbname=os.environ["CS_LOAD_DB"]).cursor()

with open(os.environ["CS_LOAD_STATS"], encoding="utf-8") as handle:
    total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
requests = int(total["Request Count"])
errors = int(total["Failure Count"])
p95 = total["95%"]

# every submission became exactly one complaint
submitted = results["submitted"]
cr.execute(
    "SELECT subject, count(*) FROM cs_complaint "
    "WHERE subject = ANY(%s) GROUP BY subject",
    [submitted],
)
found = dict(cr.fetchall())
lost_complaints = [s for s in submitted if s not in found]
twice = {s: n for s, n in found.items() if n > 1}
cr.execute(
    "SELECT count(*) FROM cs_complaint "
    "WHERE subject LIKE 'LOAD-%%' AND subject <> ALL(%s)",
    [submitted],
)
unreported = cr.fetchone()[0]
cr.execute(
    "SELECT name FROM cs_complaint GROUP BY name, company_id HAVING count(*) > 1"
)
numbers_twice = [row[0] for row in cr.fetchall()]

# every saved callback result is stored
saved = results["callbacks"]
cr.execute(
    "SELECT id FROM cs_callback "
    "WHERE id = ANY(%s) AND state = 'done' AND outcome = 'reached'",
    [saved],
)
lost_callbacks = sorted(set(saved) - {row[0] for row in cr.fetchall()})

# replies
routed = [cid for ids in setup["members"].values() for cid in ids]
cr.execute(
    "SELECT count(*) FROM cs_complaint_reply WHERE complaint_id = ANY(%s)", [routed]
)
replies = cr.fetchone()[0]
lost_replies = max(0, results["replies"] - replies)

# no cron run failed
cr.execute(
    "SELECT cron_name, failure_count FROM ir_cron "
    "WHERE id = ANY(%s) AND failure_count > 0",
    [setup["crons"]],
)
failed_crons = cr.fetchall()
log_errors = []
with open(os.environ["CS_LOAD_LOG"], encoding="utf-8", errors="replace") as handle:
    log_errors = [
        line.rstrip() for line in handle if re.search(r"\d (ERROR|CRITICAL) ", line)
    ]

print(
    f"complaints: {len(submitted)} submitted, {len(found)} found, "
    f"{len(lost_complaints)} lost, {len(twice)} stored twice, "
    f"{unreported} stored but not confirmed to the customer"
)
print(f"complaint numbers used twice: {len(numbers_twice)}")
print(f"callbacks: {len(saved)} saved, {len(lost_callbacks)} not stored")
print(f"replies: {results['replies']} sent, {replies} stored")
print(
    f"crons with failures: {failed_crons or 'none'}; "
    f"server log errors: {len(log_errors)}"
)
for line in log_errors[:10]:
    print("  " + line[:300])

lost = len(lost_complaints) + len(lost_callbacks) + lost_replies
duplicates = len(twice) + len(numbers_twice)
errors += len(failed_crons) + len(log_errors)
print(
    f"load: {requests} requests, {errors} errors, p95 {p95} ms, "
    f"lost {lost}, duplicates {duplicates}"
)
sys.exit(1 if errors or lost or duplicates else 0)
