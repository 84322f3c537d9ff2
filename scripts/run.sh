#!/usr/bin/env bash
# `make run`: bootstrap what is missing, create the demo database once (all
# project modules with demo data and Simplified Chinese), update the project
# modules when addons/ changed since the last run, then serve Odoo on
# http://localhost:${CS_HTTP_PORT:-8069} until Ctrl-C.
#
# An existing database is never dropped nor recreated here; `make clean`
# resets everything.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB="${CS_DB:-cs_demo}"
PORT="${CS_HTTP_PORT:-8069}"
IFACE="${CS_HTTP_INTERFACE:-127.0.0.1}"
[[ "$DB" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || cs_die "CS_DB='$DB' is not a valid database name"

trap cs_pg_stop_if_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cs_bootstrap

mods="$(cs_selected_modules | paste -sd, -)"
[ -n "$mods" ] || cs_die "no installable module found in addons/*/__manifest__.py"

"$CS_PY" - "$IFACE" "$PORT" <<'EOF' || cs_die "port $PORT on ${IFACE:-all interfaces} is already in use (another Odoo?); stop it or set CS_HTTP_PORT"
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], int(sys.argv[2])))
EOF

conf="$CS_RUN_DIR/odoo.conf"
cs_write_conf "$conf" <<EOF
http_interface = $IFACE
http_port = $PORT
dbfilter = ^${DB}\$
log_level = info
EOF

stamp="$CS_RUN_DIR/addons-$DB.sha256"
odoo_once() { # odoo_once LOG ARGS... — one --stop-after-init run, logged
    local log="$1"
    shift
    : >"$log"
    "$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" --stop-after-init --logfile="$log" "$@" </dev/null
}
show_errors() {
    local errors
    errors="$(cs_log_errors "$1")"
    [ -z "$errors" ] || {
        printf '%s\n' "ERROR/CRITICAL lines in $1:" >&2
        cs_log_errors_context "$1" >&2
    }
}

if ! cs_db_exists "$DB"; then
    log="$CS_LOG_DIR/run-install-$DB.log"
    t0="$(cs_now)"
    cs_info "creating database '$DB' with demo data and zh_CN: $mods (a few minutes; log: ${log#"$CS_REPO"/})"
    if ! odoo_once "$log" -i "$mods" --load-language=zh_CN; then
        show_errors "$log"
        tail -n 30 "$log" >&2
        # created by this invocation and unusable: remove it so the next run retries
        cs_db_drop "$DB"
        cs_die "installing $mods into '$DB' failed (log: $log)"
    fi
    show_errors "$log"
    cs_addons_hash >"$stamp"
    cs_info "database '$DB' created in $(($(cs_now) - t0)) s"
else
    current="$(cs_addons_hash)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$current" ]; then
        quoted="$(printf "'%s'," ${mods//,/ })"
        installed="$(cs_psql -d "$DB" -c "SELECT name FROM ir_module_module WHERE state = 'installed' AND name IN (${quoted%,}) ORDER BY name" | paste -sd, -)"
        missing=""
        for m in ${mods//,/ }; do
            [[ ",$installed," == *",$m,"* ]] || missing="${missing:+$missing,}$m"
        done
        args=()
        [ -n "$installed" ] && args+=(-u "$installed")
        [ -n "$missing" ] && args+=(-i "$missing")
        log="$CS_LOG_DIR/run-update-$DB.log"
        t0="$(cs_now)"
        cs_info "addons/ changed since the last run: updating '$DB' (${installed:+update $installed}${missing:+ install $missing}; log: ${log#"$CS_REPO"/})"
        if ! odoo_once "$log" "${args[@]}"; then
            show_errors "$log"
            tail -n 30 "$log" >&2
            cs_die "updating '$DB' failed; the database is kept as it was (log: $log)"
        fi
        show_errors "$log"
        printf '%s\n' "$current" >"$stamp"
        cs_info "database '$DB' updated in $(($(cs_now) - t0)) s"
    else
        cs_info "reusing database '$DB' (addons/ unchanged since the last run)"
    fi
fi

url="http://localhost:$PORT"
{
    printf '\n'
    printf '  Odoo 18 serving database %s at %s  (Ctrl-C to stop)\n' "$DB" "$url"
    printf '  Demo logins (login / password):\n'
    sed -e '/^[[:space:]]*$/d' -e '/^#/d' -e 's/^/    /' "$CS_REPO/scripts/demo_logins.txt"
    printf '\n'
} >&2

rc=0
"$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" </dev/null || rc=$?
exit "$rc"
