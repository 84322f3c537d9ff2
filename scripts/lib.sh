# shellcheck shell=bash
# Shared helpers of scripts/*.sh: bootstrap of the Python virtualenv, of the
# Odoo 18.0 source tree and of a PostgreSQL server, and generation of the
# Odoo configuration files under .run/ (git-ignored).
#
# Source it from a script that runs with `set -euo pipefail`, then call
# `cs_bootstrap`. Everything machine-specific is computed at run time; nothing
# here writes a machine path into a tracked file.
#
# Environment knobs (all optional):
#   ODOO_SRC         Odoo 18.0 source tree (default: $HOME/.cache/odoo/18.0)
#   CS_PYTHON_BIN    Python 3.10-3.12 interpreter used to create .venv
#   CS_PG_MODE       auto (default) | private | external
#   PGHOST, PGPORT, PGUSER, PGPASSWORD
#                    an existing server, used when reachable and the role may
#                    create databases (CS_PG_MODE=auto|external)
#   CS_EXTRA_ADDONS  extra addon folders (comma or colon separated) whose
#                    modules are treated like the project's own modules
#   CS_DB            database of `make run` (default: cs_demo)
#   MODULES          narrow `make test` / `make run` to these modules

CS_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
CS_RUN_DIR="$CS_REPO/.run"
CS_LOG_DIR="$CS_RUN_DIR/logs"
CS_DATA_DIR="$CS_RUN_DIR/data"
CS_VENV="$CS_REPO/.venv"
CS_PY="$CS_VENV/bin/python"
CS_PG_PORT_PRIVATE=5432
CS_PG_STARTED=0

# --------------------------------------------------------------------------
# messages
# --------------------------------------------------------------------------
cs_info() { printf '==> %s\n' "$*" >&2; }
cs_warn() { printf 'warning: %s\n' "$*" >&2; }
cs_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

cs_short_hash() { printf '%s' "$1" | sha256sum | cut -c1-10; }

# seconds since the epoch, for timings
cs_now() { date +%s; }

# --------------------------------------------------------------------------
# Python virtualenv
# --------------------------------------------------------------------------
cs_python_ok() {
    "$1" -c 'import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 12) else 1)' \
        >/dev/null 2>&1
}

# Print the first usable interpreter: CS_PYTHON_BIN, then 3.11, 3.12, 3.10.
cs_pick_python() {
    local cand
    local -a cands=()
    [ -n "${CS_PYTHON_BIN:-}" ] && cands+=("$CS_PYTHON_BIN")
    cands+=(python3.11 python3.12 python3.10 python3)
    # pyenv installs that are not on PATH (shims absent in a bare environment)
    for cand in "$HOME"/.pyenv/versions/3.11*/bin/python3 \
        "$HOME"/.pyenv/versions/3.12*/bin/python3 \
        "$HOME"/.pyenv/versions/3.10*/bin/python3; do
        [ -x "$cand" ] && cands+=("$cand")
    done
    for cand in "${cands[@]}"; do
        if command -v "$cand" >/dev/null 2>&1 && cs_python_ok "$cand"; then
            command -v "$cand"
            return 0
        fi
    done
    return 1
}

# Hash of a requirements file, the files it includes with -r (one level), the
# build constraints and the interpreter's version.
cs_requirements_hash() {
    local req="$1" py="$2" inc
    {
        cat "$req"
        for inc in $(sed -nE 's/^[[:space:]]*-r[[:space:]]+([^[:space:]]+).*/\1/p' "$req"); do
            cat "$(dirname "$req")/$inc"
        done
        cat "$CS_REPO/constraints-build.txt"
        "$py" -c 'import sys; print(sys.version)'
    } | sha256sum | cut -d' ' -f1
}

# cs_ensure_venv DIR REQUIREMENTS_FILE
# Create DIR with a supported Python when missing or broken, and install the
# requirements when their hash differs from the stamp kept in DIR.
cs_ensure_venv() {
    local dir="$1" req="$2" stamp="$1/.cs-requirements.sha256" want py
    if [ -x "$dir/bin/python" ] && ! cs_python_ok "$dir/bin/python"; then
        cs_warn "$dir has an unusable or unsupported Python; recreating it"
        rm -rf -- "$dir"
    fi
    if [ ! -x "$dir/bin/python" ]; then
        py="$(cs_pick_python)" ||
            cs_die "no Python 3.10-3.12 found (tried CS_PYTHON_BIN, python3.11, python3.12, python3.10, python3). Install one or set CS_PYTHON_BIN."
        cs_info "creating virtualenv ${dir#"$CS_REPO"/} with $py ($("$py" -V 2>&1))"
        "$py" -m venv "$dir" ||
            cs_die "'$py -m venv' failed (on Debian: apt-get install python3-venv)"
    fi
    want="$(cs_requirements_hash "$req" "$dir/bin/python")"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        cs_info "installing ${req#"$CS_REPO"/} into ${dir#"$CS_REPO"/} (only when the requirements change)"
        rm -f -- "$stamp"
        PIP_CONSTRAINT="$CS_REPO/constraints-build.txt" PIP_DISABLE_PIP_VERSION_CHECK=1 \
            "$dir/bin/python" -m pip install -qq -r "$req" </dev/null >&2 ||
            cs_die "pip install -r ${req#"$CS_REPO"/} failed (see above)"
        printf '%s\n' "$want" >"$stamp"
    fi
}

cs_venv() {
    cs_ensure_venv "$CS_VENV" "$CS_REPO/requirements-dev.txt"
}

# --------------------------------------------------------------------------
# Odoo source tree
# --------------------------------------------------------------------------
cs_odoo() {
    ODOO_SRC="${ODOO_SRC:-$HOME/.cache/odoo/18.0}"
    ODOO_SRC="${ODOO_SRC%/}"
    local release="$ODOO_SRC/odoo/release.py"
    if [ ! -f "$ODOO_SRC/odoo-bin" ] || [ ! -f "$release" ]; then
        if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
            cs_die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo source tree (no odoo-bin or odoo/release.py). Point ODOO_SRC at an Odoo 18.0 checkout."
        fi
        cs_info "no Odoo 18.0 source tree at $ODOO_SRC; checking whether github.com is reachable"
        if GIT_TERMINAL_PROMPT=0 timeout 20 git ls-remote --exit-code \
            https://github.com/odoo/odoo.git refs/heads/18.0 >/dev/null 2>&1 </dev/null; then
            local tmp="$ODOO_SRC.partial.$$"
            mkdir -p "$(dirname "$ODOO_SRC")"
            rm -rf -- "$tmp"
            cs_info "cloning Odoo 18.0 (shallow, about 1 GB) into $ODOO_SRC"
            GIT_TERMINAL_PROMPT=0 git clone --depth 1 --branch 18.0 \
                https://github.com/odoo/odoo.git "$tmp" </dev/null >&2 ||
                {
                    rm -rf -- "$tmp"
                    cs_die "git clone of Odoo 18.0 failed"
                }
            rmdir -- "$ODOO_SRC" 2>/dev/null || true
            mv -- "$tmp" "$ODOO_SRC"
        else
            cs_die "Odoo 18.0 source not found: looked for $ODOO_SRC/odoo-bin and $ODOO_SRC/odoo/release.py, and github.com/odoo/odoo is not reachable to clone it. Put an Odoo 18.0 source tree there (git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git \"$ODOO_SRC\") or set ODOO_SRC=/path/to/odoo-18.0."
        fi
    fi
    grep -Eq '^version_info *= *\( *18 *, *0 *,' "$release" ||
        cs_die "$ODOO_SRC is not Odoo 18.0 ($(grep -E '^version_info' "$release" || echo 'no version_info'))"
    ODOO_BIN="$ODOO_SRC/odoo-bin"
    export ODOO_SRC ODOO_BIN
}

# Odoo's own addon folders: an official clone has addons/ and odoo/addons/,
# some bundles ship everything under odoo/addons/.
cs_addons_path() {
    local -a parts=()
    local d
    [ -d "$ODOO_SRC/odoo/addons" ] && parts+=("$ODOO_SRC/odoo/addons")
    [ -d "$ODOO_SRC/addons" ] && parts+=("$ODOO_SRC/addons")
    for d in $(cs_project_addon_dirs); do parts+=("$d"); done
    (
        IFS=,
        printf '%s' "${parts[*]}"
    )
}

# The folders holding the project's modules: addons/ plus CS_EXTRA_ADDONS.
cs_project_addon_dirs() {
    local d
    printf '%s\n' "$CS_REPO/addons"
    if [ -n "${CS_EXTRA_ADDONS:-}" ]; then
        for d in $(printf '%s' "$CS_EXTRA_ADDONS" | tr ',:' '  '); do
            [ -d "$d" ] || cs_die "CS_EXTRA_ADDONS: $d is not a directory"
            (cd "$d" && pwd -P)
        done
    fi
}

# Installable modules of the project, one per line, sorted.
cs_project_modules() {
    local d
    for d in $(cs_project_addon_dirs); do
        [ -d "$d" ] || continue
        "$CS_PY" - "$d" <<'EOF'
import ast, pathlib, sys
for manifest in sorted(pathlib.Path(sys.argv[1]).glob("*/__manifest__.py")):
    try:
        data = ast.literal_eval(manifest.read_text(encoding="utf-8"))
    except Exception as exc:  # a broken manifest must not go unnoticed
        sys.exit(f"error: cannot read {manifest}: {exc}")
    if data.get("installable", True):
        print(manifest.parent.name)
EOF
    done | sort -u
}

# The modules selected by MODULES (comma/space separated), or all of them.
cs_selected_modules() {
    local all m
    all="$(cs_project_modules)"
    if [ -z "${MODULES:-}" ]; then
        printf '%s\n' "$all" | sed '/^$/d'
        return 0
    fi
    for m in $(printf '%s' "$MODULES" | tr ',' ' '); do
        printf '%s\n' "$all" | grep -qx -- "$m" ||
            cs_die "MODULES: '$m' is not an installable module of this project (found: $(printf '%s' "$all" | tr '\n' ' '))"
        printf '%s\n' "$m"
    done
}

# Directory of module $1 among the project addon folders.
cs_module_dir() {
    local d
    for d in $(cs_project_addon_dirs); do
        if [ -f "$d/$1/__manifest__.py" ]; then
            printf '%s\n' "$d/$1"
            return 0
        fi
    done
    return 1
}

# Hash of the content of the project's addon folders (names and bytes).
cs_addons_hash() {
    local d
    for d in $(cs_project_addon_dirs); do
        [ -d "$d" ] || continue
        (cd "$d" && find . -type f ! -path '*/__pycache__/*' ! -name '*.pyc' \
            ! -name '*.swp' ! -name '*~' -print0 | LC_ALL=C sort -z |
            xargs -0r sha256sum)
    done | sha256sum | cut -d' ' -f1
}

# --------------------------------------------------------------------------
# PostgreSQL
# --------------------------------------------------------------------------
cs_is_root() { [ "$(id -u)" = 0 ]; }

# Run a PostgreSQL server binary as the cluster owner (postgres when root).
cs_pg_as() {
    if cs_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

cs_pg_bindir() {
    local ver="" d
    if [ -f "${CS_PG_DATA:-/nonexistent}/PG_VERSION" ]; then
        ver="$(cat "$CS_PG_DATA/PG_VERSION" 2>/dev/null || true)"
    fi
    if [ -n "$ver" ] && [ -x "/usr/lib/postgresql/$ver/bin/pg_ctl" ]; then
        printf '%s\n' "/usr/lib/postgresql/$ver/bin"
        return 0
    fi
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    [ -n "$d" ] && [ -x "$d/pg_ctl" ] && {
        printf '%s\n' "$d"
        return 0
    }
    return 1
}

# Where the private cluster of this checkout lives (deterministic).
cs_pg_locate() {
    local base="$CS_REPO/.pgdata" h
    h="$(cs_short_hash "$CS_REPO")"
    if cs_is_root; then
        if ! id postgres >/dev/null 2>&1; then
            cs_info "creating system user 'postgres' to own the private PostgreSQL cluster"
            useradd --system --user-group --no-create-home \
                --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres ||
                cs_die "could not create the 'postgres' user (initdb refuses to run as root)"
        fi
        if ! runuser -u postgres -- test -x "$CS_REPO" 2>/dev/null; then
            base="/var/tmp/cs-suite-pg-$h"
        fi
    fi
    CS_PG_BASE="$base"
    CS_PG_DATA="$base/data"
    CS_PG_LOG="$base/postgresql.log"
    CS_PG_SOCK="$base/run"
    # unix socket paths are limited to ~107 bytes
    if [ $((${#CS_PG_SOCK} + 16)) -ge 100 ]; then
        CS_PG_SOCK="/tmp/cs-suite-pg-$h"
    fi
}

cs_pg_running() {
    [ -f "$CS_PG_DATA/PG_VERSION" ] &&
        cs_pg_as "$CS_PG_BIN/pg_ctl" -D "$CS_PG_DATA" status >/dev/null 2>&1
}

cs_pg_init() {
    cs_info "creating a private PostgreSQL cluster in $CS_PG_DATA"
    mkdir -p "$CS_PG_BASE"
    if cs_is_root; then chown postgres: "$CS_PG_BASE"; fi
    chmod 0700 "$CS_PG_BASE"
    local -a args=(-D "$CS_PG_DATA" -U odoo --auth=trust -E UTF8)
    if ! cs_pg_as "$CS_PG_BIN/initdb" "${args[@]}" --locale=C.UTF-8 \
        </dev/null >>"$CS_PG_BASE/initdb.log" 2>&1; then
        rm -rf -- "$CS_PG_DATA"
        cs_pg_as "$CS_PG_BIN/initdb" "${args[@]}" --no-locale \
            </dev/null >>"$CS_PG_BASE/initdb.log" 2>&1 || {
            tail -n 20 "$CS_PG_BASE/initdb.log" >&2
            cs_die "initdb failed (log: $CS_PG_BASE/initdb.log)"
        }
    fi
    # socket only, tuned for a throwaway development/test server
    cs_pg_as sh -c "cat >> '$CS_PG_DATA/postgresql.conf'" <<'EOF'

# --- cs-suite private development cluster ---
listen_addresses = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
}

cs_pg_start() {
    mkdir -p "$CS_PG_SOCK"
    if cs_is_root; then chown postgres: "$CS_PG_SOCK"; fi
    chmod 0755 "$CS_PG_SOCK"
    cs_info "starting the private PostgreSQL cluster (socket in $CS_PG_SOCK)"
    # setsid + detached stdio: the server must not hold the caller's pipes
    # nor receive the terminal's Ctrl-C.
    if cs_is_root; then
        (cd / && setsid -w runuser -u postgres -- "$CS_PG_BIN/pg_ctl" -D "$CS_PG_DATA" \
            -l "$CS_PG_LOG" -w -t 120 -o "-k '$CS_PG_SOCK' -p $CS_PG_PORT_PRIVATE" start \
            </dev/null >>"$CS_PG_BASE/pg_ctl.log" 2>&1)
    else
        (cd / && setsid -w "$CS_PG_BIN/pg_ctl" -D "$CS_PG_DATA" \
            -l "$CS_PG_LOG" -w -t 120 -o "-k '$CS_PG_SOCK' -p $CS_PG_PORT_PRIVATE" start \
            </dev/null >>"$CS_PG_BASE/pg_ctl.log" 2>&1)
    fi || {
        tail -n 20 "$CS_PG_LOG" >&2 2>/dev/null || true
        cs_die "could not start PostgreSQL (logs: $CS_PG_LOG, $CS_PG_BASE/pg_ctl.log)"
    }
    CS_PG_STARTED=1
}

# Stop the private cluster, but only when this invocation started it.
cs_pg_stop_if_started() {
    if [ "${CS_PG_STARTED:-0}" = 1 ]; then
        cs_pg_as "$CS_PG_BIN/pg_ctl" -D "$CS_PG_DATA" -m fast -w -t 60 stop \
            </dev/null >>"$CS_PG_BASE/pg_ctl.log" 2>&1 || true
        CS_PG_STARTED=0
    fi
}

# Is the server given by the PG* variables (or the default socket) usable?
cs_pg_external_ok() {
    command -v psql >/dev/null 2>&1 || return 1
    local out user ok
    out="$(PGCONNECT_TIMEOUT=5 psql -X -At -d postgres -c \
        "SELECT current_user || '|' || (rolsuper OR rolcreatedb)::text FROM pg_roles WHERE rolname = current_user" \
        </dev/null 2>/dev/null)" || return 1
    user="${out%%|*}"
    ok="${out#*|}"
    if [ "$ok" != true ]; then
        cs_warn "PostgreSQL server reachable but role '$user' may not create databases; not using it"
        return 1
    fi
    if [ "$user" = postgres ]; then
        cs_warn "PostgreSQL server reachable as 'postgres', which Odoo refuses; not using it"
        return 1
    fi
    CS_PG_EXTERNAL_USER="$user"
    return 0
}

# Decide which server to use; export PGHOST/PGPORT/PGUSER accordingly.
cs_pg() {
    local mode="${CS_PG_MODE:-auto}"
    command -v psql >/dev/null 2>&1 ||
        cs_die "psql not found: install the PostgreSQL client (apt-get install postgresql-client)"
    cs_pg_locate
    case "$mode" in
    auto | private | external) ;;
    *) cs_die "CS_PG_MODE must be auto, private or external (got '$mode')" ;;
    esac
    # auto: an existing private cluster of this checkout wins (it holds the
    # demo database); otherwise a usable server from PG*/the default socket;
    # otherwise a new private cluster.
    if [ "$mode" = external ] || { [ "$mode" = auto ] && [ ! -f "$CS_PG_DATA/PG_VERSION" ]; }; then
        if cs_pg_external_ok; then
            CS_PG_KIND=external
            export PGUSER="$CS_PG_EXTERNAL_USER"
            CS_DB_HOST="${PGHOST:-False}"
            CS_DB_PORT="${PGPORT:-False}"
            CS_DB_USER="$PGUSER"
            CS_DB_PASSWORD="${PGPASSWORD:-False}"
            cs_info "using the PostgreSQL server at ${PGHOST:-default socket}${PGPORT:+:$PGPORT} as '$PGUSER'"
            return 0
        fi
        if [ "$mode" = external ]; then
            cs_die "CS_PG_MODE=external but no usable server (PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} PGUSER=${PGUSER:-}): it must accept a role other than 'postgres' that may create databases"
        fi
    fi
    CS_PG_KIND=private
    CS_PG_BIN="$(cs_pg_bindir)" ||
        cs_die "no reachable PostgreSQL server and no server binaries to create one (looked for pg_ctl/initdb on PATH and in /usr/lib/postgresql/*/bin). Install PostgreSQL 13+ (apt-get install postgresql) or point PGHOST/PGPORT/PGUSER at a server."
    mkdir -p "$CS_RUN_DIR"
    # serialise concurrent bootstraps (two `make` at once) around init/start
    exec {CS_PG_LOCK_FD}>"$CS_RUN_DIR/pg.lock"
    flock "$CS_PG_LOCK_FD"
    [ -f "$CS_PG_DATA/PG_VERSION" ] || cs_pg_init
    cs_pg_running || cs_pg_start
    flock -u "$CS_PG_LOCK_FD"
    exec {CS_PG_LOCK_FD}>&-
    export PGHOST="$CS_PG_SOCK" PGPORT="$CS_PG_PORT_PRIVATE" PGUSER=odoo
    unset PGPASSWORD PGDATABASE PGSERVICE
    PGCONNECT_TIMEOUT=10 psql -X -At -d postgres -c 'SELECT 1' </dev/null >/dev/null 2>&1 ||
        cs_die "the private PostgreSQL cluster in $CS_PG_DATA runs but does not answer on $PGHOST (log: $CS_PG_LOG)"
    CS_DB_HOST="$PGHOST"
    CS_DB_PORT="$PGPORT"
    CS_DB_USER=odoo
    CS_DB_PASSWORD=False
}

cs_psql() { psql -X -v ON_ERROR_STOP=1 -At -d postgres "$@" </dev/null; }

cs_db_exists() {
    [ "$(cs_psql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" = 1 ]
}

# Drop a database and its filestore; quiet.
cs_db_drop() {
    local db="$1"
    cs_psql -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 ||
        cs_psql -c "DROP DATABASE IF EXISTS \"$db\"" >/dev/null 2>&1 || true
    rm -rf -- "${CS_DATA_DIR:?}/filestore/$db"
}

# --------------------------------------------------------------------------
# Odoo configuration
# --------------------------------------------------------------------------
# cs_write_conf FILE [key = value lines on stdin appended]
cs_write_conf() {
    local file="$1"
    mkdir -p "$CS_RUN_DIR" "$CS_LOG_DIR" "$CS_DATA_DIR"
    {
        printf '%s\n' "; Generated by scripts/lib.sh on each run; do not edit (git-ignored)."
        printf '%s\n' "[options]"
        printf 'addons_path = %s\n' "$(cs_addons_path)"
        printf 'data_dir = %s\n' "$CS_DATA_DIR"
        printf 'db_host = %s\n' "$CS_DB_HOST"
        printf 'db_port = %s\n' "$CS_DB_PORT"
        printf 'db_user = %s\n' "$CS_DB_USER"
        printf 'db_password = %s\n' "$CS_DB_PASSWORD"
        printf '%s\n' "db_template = template0"
        printf '%s\n' "without_demo = False"
        printf '%s\n' "workers = 0"
        printf '%s\n' "max_cron_threads = 1"
        printf '%s\n' "proxy_mode = False"
        cat
    } >"$file.tmp"
    mv -f -- "$file.tmp" "$file"
}

# --------------------------------------------------------------------------
# everything
# --------------------------------------------------------------------------
cs_bootstrap() {
    cs_odoo
    cs_venv
    cs_pg
    mkdir -p "$CS_RUN_DIR" "$CS_LOG_DIR" "$CS_DATA_DIR"
    export CS_REPO CS_PY CS_DATA_DIR ODOO_SRC ODOO_BIN
}

# Odoo log lines at level ERROR or CRITICAL.
cs_log_errors() {
    grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:,.]+ [0-9]+ (ERROR|CRITICAL) ' "$1" || true
}

# The same lines, each followed by its traceback (continuation lines), capped.
cs_log_errors_context() {
    awk '
        /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:,.]+ [0-9]+ [A-Z]+ / {
            keep = ($4 == "ERROR" || $4 == "CRITICAL"); n = 0
            if (keep) print
            next
        }
        keep && n < 60 { print; n++ }
    ' "$1"
}
