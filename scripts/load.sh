#!/usr/bin/env bash
# `make load`: the suite under load, with several Odoo workers.
#
# A fresh database with every module and the demo data, Odoo started with
# --workers=2 --max-cron-threads=1 on 127.0.0.1, users prepared by
# bench/load/setup.py, then Locust (headless, bench/load/locustfile.py):
# portal customers submit complaints, agents save callback results over
# JSON-RPC, department members reply, an administrator runs the crons by hand.
# bench/load/check.py then compares what users were told with the database.
# The last line is "load: N requests, E errors, p95 X ms, lost L, duplicates D";
# the exit code is non-zero when E, L or D is above 0.
#
#   CS_LOAD_PORT=8169       port of the Odoo under load
#   CS_LOAD_TIME=15m        upper bound of the run (it ends when every user
#                           has done its share)
#   CS_LOAD_COMPLAINTS=1000 CS_LOAD_CALLBACKS=1000 CS_LOAD_PORTALS=20
#   CS_LOAD_AGENTS=20 CS_LOAD_MEMBERS=5 CS_LOAD_REPLIES=10 (per member)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB="cs_load_$$"
PORT="${CS_LOAD_PORT:-8169}"
OUT="$CS_RUN_DIR/load"
conf="$CS_RUN_DIR/odoo-load.conf"
server_log="$OUT/odoo.log"
server_pid=""

cleanup() {
    [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
    [ -z "$server_pid" ] || wait "$server_pid" 2>/dev/null || true
    [ -n "${CS_PG_KIND:-}" ] || return 0
    { cs_db_drop "$DB"; cs_pg_stop_if_started; } >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cs_bootstrap
[ -x "$CS_VENV/bin/locust" ] || cs_die "locust is not in .venv: it comes with requirements-dev.txt"
mkdir -p "$OUT"
rm -f "$OUT"/*.csv "$OUT"/*.json

mods="$(cs_project_modules | paste -sd, -)"
cs_write_conf "$conf" <<CONF
http_interface = 127.0.0.1
http_port = $PORT
dbfilter = ^${DB}\$
limit_time_cpu = 600
limit_time_real = 1200
log_level = info
CONF

t0="$(cs_now)"
cs_info "installing $mods with demo data into $DB"
"$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" -i "$mods" --stop-after-init \
    --logfile="$OUT/install.log" </dev/null ||
    cs_die "installing the modules failed: $OUT/install.log"
cs_info "installed in $(($(cs_now) - t0)) s; preparing the users"

export CS_LOAD_SETUP="$OUT/setup.json" CS_LOAD_RESULTS="$OUT/results.json"
export CS_LOAD_DB="$DB" CS_LOAD_LOG="$server_log" CS_LOAD_STATS="$OUT/load_stats.csv"
"$CS_PY" "$ODOO_BIN" shell -c "$conf" -d "$DB" --no-http --log-level=warn \
    <bench/load/setup.py || cs_die "preparing the load failed"

: >"$server_log"
"$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" --workers=2 --max-cron-threads=1 \
    --logfile="$server_log" </dev/null &
server_pid=$!
for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$PORT/web/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || cs_die "Odoo stopped: $server_log"
    sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/web/health" >/dev/null || cs_die "Odoo did not answer on port $PORT"

users=$((${CS_LOAD_PORTALS:-20} + ${CS_LOAD_AGENTS:-20} + ${CS_LOAD_MEMBERS:-5} + 1))
cs_info "Locust: $users users (portal customers, agents, department members, an administrator)"
rc=0
"$CS_VENV/bin/locust" -f bench/load/locustfile.py --headless \
    --host "http://127.0.0.1:$PORT" --users "$users" --spawn-rate "$users" \
    --run-time "${CS_LOAD_TIME:-15m}" --stop-timeout 30 \
    --csv "$OUT/load" --only-summary --exit-code-on-error 0 </dev/null || rc=$?
[ "$rc" -eq 0 ] || cs_warn "locust exited with $rc"

# let the cron worker finish what the load queued (acknowledgements)
sleep 5
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""

cd "$CS_REPO"
"$CS_PY" bench/load/check.py
