#!/usr/bin/env bash
# `make i18n MODULES=cs_callback`: refresh each module's i18n/<module>.pot
# with Odoo's exporter and merge it into i18n/zh_CN.po. The terms are
# exported from one throwaway database holding every module of the project
# (without demo data): a mixin of cs_member (cs.sla.mixin...) gives its
# selection values to models of other modules under cs_member's xml ids, and
# only such a database lists them, as Odoo's mail lists activity_state of
# every model in its own po (msgmerge keeps the existing
# translations, adds new ones with an empty msgstr, and keeps terms that only
# exist when other modules are installed, such as fields that calendar's
# activity mixin adds to our models, as obsolete "#~" entries, which
# tests/test_i18n_complete.py still accepts).
# Prints how many terms still need a translation; tests/test_i18n_complete.py
# fails while any is left.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB="cs_i18n_$$"
conf="$CS_RUN_DIR/odoo-i18n.conf"
log="$CS_LOG_DIR/i18n.log"

cleanup() {
    [ -n "${CS_PG_KIND:-}" ] || return 0
    { cs_db_drop "$DB"; cs_pg_stop_if_started; } >/dev/null 2>&1 || true
}
trap cleanup EXIT

command -v msgmerge >/dev/null 2>&1 ||
    cs_die "msgmerge not found: apt-get install -y gettext"
cs_bootstrap
mapfile -t modules < <(cs_selected_modules | sed '/^$/d')
[ "${#modules[@]}" -gt 0 ] || cs_die "no module to export"

cs_write_conf "$conf" <<EOF2
log_level = warn
EOF2
: >"$log"
all_modules="$(cs_project_modules | paste -sd, -)"
cs_info "installing $all_modules without demo data to export their terms"
cs_db_drop "$DB"
"$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" -i "$all_modules" --without-demo=all \
    --stop-after-init --logfile="$log" </dev/null
for module in "${modules[@]}"; do
    dir="$(cs_module_dir "$module")"
    pot="$dir/i18n/$module.pot"
    po="$dir/i18n/zh_CN.po"
    mkdir -p "$dir/i18n"
    cs_info "exporting the terms of $module"
    "$CS_PY" "$ODOO_BIN" -c "$conf" -d "$DB" --i18n-export="$pot" \
        --modules="$module" --stop-after-init --logfile="$log" </dev/null
    if [ -f "$po" ]; then
        msgmerge --quiet --no-fuzzy-matching --update --backup=none "$po" "$pot"
    else
        msginit --no-translator --locale=zh_CN.UTF-8 -i "$pot" -o "$po"
    fi
    missing="$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)"
    # msgattrib prints the header entry too when anything is left
    [ "$missing" -gt 0 ] && missing=$((missing - 1))
    printf '%s: %s term(s) to translate in %s\n' "$module" "$missing" "${po#"$CS_REPO"/}"
done
