#!/usr/bin/env bash
# `make bench [BENCH_ARGS=...]`: bootstrap what is missing, then run
# bench/run.py with the connection and configuration in the environment:
#
#   CS_ODOO_SRC, CS_ODOO_BIN   Odoo 18.0 source tree and its odoo-bin
#   CS_ODOO_CONF               generated config (.run/odoo-bench.conf): addons
#                              path, database server, data_dir; no db_name
#   CS_PYTHON                  the virtualenv's Python (runs Odoo)
#   CS_DB_HOST, CS_DB_PORT, CS_DB_USER
#                              database server (also exported as PGHOST,
#                              PGPORT, PGUSER for psql/psycopg2)
#   CS_DATA_DIR, CS_LOG_DIR    filestores and logs under .run/
#   CS_BENCH_OUT               where results may be written (bench/out/, ignored)
#   CS_MODULES                 the project's installable modules
#   PYTHONPATH                 starts with the Odoo source tree (import odoo)
#
# Arguments are passed through to bench/run.py.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$CS_REPO/bench/run.py" ] ||
    cs_die "bench/run.py not found: the benchmarks live in bench/ (not written yet?)"

trap cs_pg_stop_if_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cs_bootstrap

conf="$CS_RUN_DIR/odoo-bench.conf"
printf '%s\n' "http_interface = 127.0.0.1" "log_level = warn" | cs_write_conf "$conf"

CS_MODULES="$(cs_project_modules | paste -sd, -)"
export CS_ODOO_SRC="$ODOO_SRC" CS_ODOO_BIN="$ODOO_BIN" CS_ODOO_CONF="$conf"
export CS_PYTHON="$CS_PY" CS_DB_HOST CS_DB_PORT CS_DB_USER CS_DATA_DIR CS_LOG_DIR
export CS_BENCH_OUT="${CS_BENCH_OUT:-$CS_REPO/bench/out}" CS_MODULES
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$CS_BENCH_OUT"

cd "$CS_REPO"
rc=0
"$CS_PY" bench/run.py "$@" </dev/null || rc=$?
exit "$rc"
