#!/usr/bin/env bash
# `make clean`: drop the databases of this checkout (their filestores live in
# .run/data, so they would be unusable without it), stop the private
# PostgreSQL cluster and remove .run/. The cluster's data (.pgdata/), the
# virtualenvs and the Odoo source are kept; remove .pgdata/ by hand to start
# from an empty cluster.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cs_pg_locate
dbs=()
if [ -d "$CS_RUN_DIR" ]; then
    for stamp in "$CS_RUN_DIR"/addons-*.sha256; do
        [ -e "$stamp" ] || continue
        db="${stamp##*/addons-}"
        dbs+=("${db%.sha256}")
    done
fi

reach=0
if [ -f "$CS_PG_DATA/PG_VERSION" ]; then
    CS_PG_MODE=private # starts the private cluster when it is stopped
    reach=1
elif [ "${#dbs[@]}" -gt 0 ]; then
    if cs_pg_external_ok; then
        CS_PG_MODE=external
        reach=1
    else
        cs_warn "no database server reachable: not dropping ${dbs[*]}"
    fi
fi
if [ "$reach" = 1 ]; then
    cs_pg
    mapfile -t leftovers < <(cs_psql -c "SELECT datname FROM pg_database WHERE datname ~ '^cs_(test_|alone_|bench)'")
    for db in "${dbs[@]}" "${leftovers[@]}"; do
        [ -n "$db" ] || continue
        cs_info "dropping database $db"
        cs_db_drop "$db"
    done
    if [ "$CS_PG_KIND" = private ]; then
        cs_info "stopping the private PostgreSQL cluster ($CS_PG_DATA)"
        cs_pg_as "$CS_PG_BIN/pg_ctl" -D "$CS_PG_DATA" -m fast -w -t 60 stop \
            </dev/null >>"$CS_PG_BASE/pg_ctl.log" 2>&1 || true
    fi
fi
if [[ "$CS_PG_SOCK" == /tmp/cs-suite-pg-* ]]; then
    rm -rf -- "$CS_PG_SOCK"
fi
cs_info "removing .run/"
rm -rf -- "$CS_RUN_DIR"
