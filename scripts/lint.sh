#!/usr/bin/env bash
# `make lint`: install the lint tools into .venv-lint when requirements-lint.txt
# changed, then run the pre-commit hooks of .pre-commit-config.yaml on every
# file of the checkout that git knows or would add (tracked + untracked, not
# ignored). Like pre-commit, fixers (ruff --fix, ruff format, prettier,
# whitespace) rewrite files and the run fails when anything changed or is
# reported; run it again to see what is left.
#
#   LINT_FILES='addons/cs_member'   restrict to these files/folders
#   SKIP=prettier,pylint_odoo       skip hooks by id (pre-commit's own knob)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LINT_VENV="$CS_REPO/.venv-lint"
cs_ensure_venv "$LINT_VENV" "$CS_REPO/requirements-lint.txt"
export PATH="$LINT_VENV/bin:$PATH"

git -C "$CS_REPO" rev-parse --git-dir >/dev/null 2>&1 ||
    cs_die "make lint needs a git checkout (pre-commit works on git's file list)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    cs_warn "node/npm not found: skipping the prettier hook (apt-get install nodejs npm)"
    export SKIP="${SKIP:+$SKIP,}prettier"
fi

cd "$CS_REPO"
files=()
if [ -n "${LINT_FILES:-}" ]; then
    # shellcheck disable=SC2086 # a list of paths on purpose
    mapfile -t listed < <(git ls-files --cached --others --exclude-standard -- $LINT_FILES)
else
    mapfile -t listed < <(git ls-files --cached --others --exclude-standard)
fi
for f in "${listed[@]}"; do
    [ -e "$f" ] || [ -L "$f" ] || continue
    files+=("$f")
done
[ "${#files[@]}" -gt 0 ] || cs_die "no file to lint"

cs_info "pre-commit on ${#files[@]} files"
args=()
# in CI, show what the fixers would change (locally the files are changed)
[ "${CI:-}" = true ] && args+=(--show-diff-on-failure)
exec pre-commit run "${args[@]}" --files "${files[@]}" </dev/null
