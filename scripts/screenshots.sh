#!/usr/bin/env bash
# `make screenshots`: run the browser tours (scripts/test.sh with
# PYTEST_ARGS='-k tour') with CS_SCREENSHOTS set: the Chinese run of each tour
# saves the screens it marks as docs/screenshots/<name>.png (1366x768), shown
# in the README. Screens of a tour that fails keep their previous file.
#
#   MODULES=cs_complaint   narrow to these modules' tours (default: the
#                          modules whose tours take screenshots)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CS_SCREENSHOTS="$CS_REPO/docs/screenshots"
mkdir -p "$CS_SCREENSHOTS"
MODULES="${MODULES:-cs_complaint,cs_callback,cs_kpi,cs_kpi_service}"
PYTEST_ARGS="${PYTEST_ARGS:--k tour}"
export CS_SCREENSHOTS MODULES PYTEST_ARGS
cs_info "tours of $MODULES, screenshots in ${CS_SCREENSHOTS#"$CS_REPO"/}/"
exec bash "$CS_REPO/scripts/test.sh"
