#!/usr/bin/env bash
# `make test`: bootstrap what is missing, install the project modules with demo
# data into a throwaway database, then run pytest (pytest-odoo) on the
# modules' tests and on tests/ (install-alone checks). The database and its
# filestore are dropped at the end whatever happens.
#
#   MODULES=cs_member,cs_callback   narrow to these modules (and their tests)
#   PYTEST_ARGS='-k xyz -x'         extra pytest arguments
#
# The last line printed is pytest's summary line, or "0 passed, 1 failed"
# when the installation itself failed.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB="cs_test_$$"
conf="$CS_RUN_DIR/odoo-test.conf"
log="$CS_LOG_DIR/test-install.log"

cleanup() {
    # must print nothing: pytest's summary stays the last line
    [ -n "${CS_PG_KIND:-}" ] || return 0 # the bootstrap did not reach PostgreSQL
    {
        cs_db_drop "$DB"
        local leftover
        for leftover in $(cs_psql -c "SELECT datname FROM pg_database WHERE datname LIKE 'cs\_alone\_%\_$$'" 2>/dev/null); do
            cs_db_drop "$leftover"
        done
        cs_pg_stop_if_started
    } >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cs_bootstrap

fail_install() {
    printf '%s\n' "$@" >&2
    echo "0 passed, 1 failed"
    exit 1
}

selected="$(cs_selected_modules)"
mapfile -t modules < <(printf '%s\n' "$selected" | sed '/^$/d')
[ "${#modules[@]}" -gt 0 ] || fail_install "error: no installable module found in addons/*/__manifest__.py"
mods="$(
    IFS=,
    printf '%s' "${modules[*]}"
)"

# a free port for the tests' HTTP server (HttpCase, tours): two checkouts
# testing at once must not reach each other's server on Odoo's default 8069
port="$("$CS_PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cs_write_conf "$conf" <<EOF
http_interface = 127.0.0.1
http_port = $port
log_level = warn
EOF

t0="$(cs_now)"
cs_info "installing $mods with demo data into throwaway database $DB (log: ${log#"$CS_REPO"/})"
: >"$log" # Odoo appends to its log file
rc=0
"$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" -i "$mods" --stop-after-init \
    --log-level=info --logfile="$log" </dev/null || rc=$?
errors="$(cs_log_errors "$log")"
if [ "$rc" -ne 0 ] || [ -n "$errors" ]; then
    {
        echo "error: installing $mods failed (exit code $rc) — log: $log"
        if [ -n "$errors" ]; then
            echo "ERROR/CRITICAL lines (with their tracebacks):"
            cs_log_errors_context "$log"
        else
            tail -n 40 "$log"
        fi
    } >&2
    fail_install
fi
cs_info "installed in $(($(cs_now) - t0)) s; running pytest"

paths=()
for m in "${modules[@]}"; do
    d="$(cs_module_dir "$m")"
    [ -d "$d/tests" ] && paths+=("$d/tests")
done
paths+=("$CS_REPO/tests")

# Read by tests/conftest.py (install-alone checks run odoo-bin themselves).
export CS_ODOO_BIN="$ODOO_BIN" CS_ODOO_CONF="$conf" CS_PYTHON="$CS_PY"
export CS_MODULES="$mods" CS_DATA_DIR CS_LOG_DIR CS_TEST_SUFFIX="$$"
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"

cd "$CS_REPO"
rc=0
# PYTEST_ARGS is split like a shell command line, so quoted words stay one
# argument: PYTEST_ARGS='-k "not i18n"'
extra=()
if [ -n "${PYTEST_ARGS:-}" ]; then
    words=$("$CS_PY" -c 'import shlex, sys; print("\n".join(shlex.split(sys.argv[1])))' \
        "$PYTEST_ARGS" 2>/dev/null) ||
        cs_die "PYTEST_ARGS is not a valid list of words (unbalanced quotes?): $PYTEST_ARGS"
    mapfile -t extra <<<"$words"
fi
"$CS_PY" -m pytest -p no:cacheprovider -ra \
    --odoo-config="$conf" --odoo-database="$DB" --odoo-http \
    --odoo-log-level=warn \
    "${extra[@]}" "${paths[@]}" </dev/null || rc=$?
if [ "$rc" -eq 5 ]; then
    # pytest collected nothing: a test run that tests nothing is a failure
    echo "0 passed, 1 failed"
    exit 1
fi
exit "$rc"
