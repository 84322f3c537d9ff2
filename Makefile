# Customer Service Suite for Odoo 18 — developer entry points.
# Every target bootstraps what it needs (.venv, Odoo 18.0 source, PostgreSQL,
# .run/odoo*.conf); see README.md "Quick start".
#
# Variables (environment or command line):
#   ODOO_SRC=...            Odoo 18.0 source tree (default ~/.cache/odoo/18.0)
#   CS_DB=cs_demo           database served by `make run`
#   MODULES=cs_member,...   narrow `make test` / `make run` to these modules
#   PYTEST_ARGS='-k xyz'    extra pytest arguments for `make test`
#   BENCH_ARGS='...'        arguments passed to bench/run.py by `make bench`
#   CS_EXTRA_ADDONS=dir     extra addon folders treated as project modules
#   CS_PG_MODE=auto         auto | private | external (PostgreSQL choice)

SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help run test screenshots bench load lint i18n clean

help: ## Show this help
	@printf 'Usage: make <target> [VAR=value ...]\n\nTargets:\n'
	@grep -E '^[a-z][a-z_-]*:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{ printf "  %-12s %s\n", $$1, $$2 }'
	@printf '\nVariables: ODOO_SRC CS_DB MODULES PYTEST_ARGS BENCH_ARGS CS_EXTRA_ADDONS CS_PG_MODE (see README.md)\n'

run: ## Create/update the demo database and serve Odoo on http://localhost:8069
	@bash scripts/run.sh

test: ## Install all modules in a throwaway database and run all tests
	@bash scripts/test.sh

screenshots: ## Run the browser tours and refresh docs/screenshots/*.png
	@bash scripts/screenshots.sh

bench: ## Run the benchmarks (bench/run.py) against the bootstrapped server
	@bash scripts/bench.sh $(BENCH_ARGS)

load: ## Load test: several workers, portal, agents and departments at once (Locust)
	@bash scripts/load.sh

lint: ## Run the pre-commit checks (ruff, pylint-odoo, OCA checks, prettier)
	@bash scripts/lint.sh

i18n: ## Refresh i18n/<module>.pot and merge it into zh_CN.po (MODULES=...)
	@bash scripts/i18n.sh

clean: ## Drop the project databases, stop the private PostgreSQL, remove .run/
	@bash scripts/clean.sh
