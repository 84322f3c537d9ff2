#!/usr/bin/env python3
# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark runner of the Customer Service Suite (``make bench``).

Creates the database ``cs_bench`` (dropped and recreated unless
``--keep-db``) and installs the modules of the selected cases without demo
data. Each case then runs at each of its sizes in a fresh copy of that
database (``CREATE DATABASE ... TEMPLATE cs_bench``, about a second), so no
run sees the rows or the dead tuples of another and nothing needs cleaning.
One line is printed per measured operation, then a summary table (and the
ratios of the cases that compare with peers, when both ran).

Peer cases measure OCA modules pinned in ``bench/peers.txt``: they run only
when named (``--only peers``) or with ``--peers``; the wheels are then
fetched into ``bench/.peers/`` (git-ignored) and that folder is added to the
addons path. The other cases need no network.

Environment (``scripts/bench.sh`` sets it):
  CS_ODOO_CONF  Odoo configuration file (database connection, addons_path
                with this repository's addons); required
  CS_ODOO_SRC   Odoo source directory (the one holding odoo-bin); required
  CS_ODOO_BIN   odoo-bin to install with (default $CS_ODOO_SRC/odoo-bin)
  CS_PYTHON     Python that runs odoo-bin (default: this interpreter)
  CS_BENCH_OUT  directory where the results are also written as JSON
  CS_BENCH_DB   benchmark database (default cs_bench)
"""

import argparse
import configparser
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DB = "cs_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description="Measure the Customer Service Suite on generated data.",
        epilog="Environment: CS_ODOO_CONF (Odoo config file) and CS_ODOO_SRC "
        "(Odoo source directory) must be set; `make bench` sets them.",
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="multiply every row count (0.1 runs ten times smaller; default 1)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run this case only, or the cases of a module (cs_member); repeatable",
    )
    parser.add_argument(
        "--peers",
        action="store_true",
        help="also run the peer cases (OCA modules pinned in bench/peers.txt, "
        "fetched from PyPI when missing)",
    )
    parser.add_argument(
        "--keep-db",
        action="store_true",
        help="reuse the benchmark database if it exists instead of recreating it",
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("CS_BENCH_DB", DEFAULT_DB),
        help=f"benchmark database, dropped unless --keep-db (default {DEFAULT_DB}; "
        "must start with 'cs_bench')",
    )
    parser.add_argument(
        "--keep-run-db",
        action="store_true",
        help="keep the copy each case ran in (cs_bench_<case>_<rows>) for inspection",
    )
    parser.add_argument(
        "--full-only",
        action="store_true",
        help="measure the full size only, not the half size",
    )
    parser.add_argument(
        "--profile",
        metavar="DIR",
        help="profile each measured operation with cProfile "
        "into DIR/<case>-<rows>.prof",
    )
    parser.add_argument(
        "--out",
        metavar="DIR",
        default=os.environ.get("CS_BENCH_OUT"),
        help="also write the results to DIR/bench-<time>.json (default $CS_BENCH_OUT)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit with status 2 when a full-size operation misses its aim",
    )
    parser.add_argument(
        "--log-level", default="warn", help="Odoo log level (default warn)"
    )
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    if not args.db.startswith("cs_bench"):
        parser.error("the benchmark database name must start with 'cs_bench'")
    return args


def require_environment():
    """Return (conf, src) from the environment, or exit with a clear message."""
    conf, src = os.environ.get("CS_ODOO_CONF"), os.environ.get("CS_ODOO_SRC")
    problems = []
    if not conf:
        problems.append(
            "CS_ODOO_CONF is not set: point it to the Odoo configuration file "
            "(db_host, db_user, addons_path including this repository's addons)."
        )
    elif not os.path.isfile(conf):
        problems.append(f"CS_ODOO_CONF={conf} is not a file.")
    if not src:
        problems.append(
            "CS_ODOO_SRC is not set: point it to the Odoo 18.0 source directory "
            "(the one that holds odoo-bin)."
        )
    elif not os.path.isfile(os.path.join(src, "odoo-bin")):
        problems.append(f"CS_ODOO_SRC={src} has no odoo-bin.")
    if problems:
        sys.exit(
            "bench: " + "\nbench: ".join(problems) + "\nbench: `make bench` sets both."
        )
    return os.path.abspath(conf), os.path.abspath(src)


def say(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def drop_database(odoo, db):
    from odoo.service.db import _drop_conn
    from odoo.tools import SQL

    conn = odoo.sql_db.db_connect("postgres")
    with conn.cursor() as cr:
        cr._cnx.autocommit = True
        _drop_conn(cr, db)
        cr.execute(SQL("DROP DATABASE IF EXISTS %s", SQL.identifier(db)))
    odoo.sql_db.close_db(db)
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)


def clone_database(odoo, template, db):
    from odoo.tools import SQL

    drop_database(odoo, db)
    odoo.sql_db.close_db(template)  # a template must have no open connection
    conn = odoo.sql_db.db_connect("postgres")
    with conn.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(
            SQL(
                "CREATE DATABASE %s TEMPLATE %s",
                SQL.identifier(db),
                SQL.identifier(template),
            )
        )
    filestore = odoo.tools.config.filestore(template)
    if os.path.isdir(filestore):
        shutil.copytree(filestore, odoo.tools.config.filestore(db))


def installed_modules(odoo, db, modules):
    from odoo.service.db import exp_db_exist

    if not exp_db_exist(db):
        return set()
    with odoo.sql_db.db_connect(db).cursor() as cr:
        cr.execute(
            "SELECT name FROM ir_module_module "
            "WHERE state = 'installed' AND name IN %s",
            (tuple(modules),),
        )
        installed = {row[0] for row in cr.fetchall()}
    odoo.sql_db.close_db(db)
    return installed


def addons_path(conf, selected, keep_db):
    """The addons path of the configuration, plus the peers' folder when a
    peer case is selected (fetched when needed) or a kept database may have
    peers installed."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(conf, encoding="utf-8")
    paths = [
        p.strip()
        for p in parser.get("options", "addons_path", fallback="").split(",")
        if p.strip()
    ]
    if not paths:
        sys.exit(f"bench: {conf} has no addons_path (Odoo's and this repository's)")
    import peer_addons

    if any(c.peer for c in selected):
        python = os.environ.get("CS_PYTHON") or sys.executable
        try:
            paths.append(peer_addons.ensure(paths, python=python, log=say))
        except peer_addons.PeerError as error:
            names = ", ".join(c.name for c in selected if c.peer)
            sys.exit(f"bench: the peer cases ({names}) cannot run: {error}")
    elif keep_db and os.path.isfile(peer_addons.STAMP):
        paths.append(peer_addons.ADDONS_DIR)
    return ",".join(paths)


def install(conf, src, db, modules, log_level, addons):
    say(f"installing {', '.join(sorted(modules))} into {db} (without demo data)")
    start = time.perf_counter()
    command = [
        os.environ.get("CS_PYTHON") or sys.executable,
        os.environ.get("CS_ODOO_BIN") or os.path.join(src, "odoo-bin"),
        "-c", conf,
        f"--addons-path={addons}",
        "-d", db,
        "-i", ",".join(sorted(modules)),
        "--stop-after-init",
        "--without-demo=all",
        f"--log-level={log_level}",
    ]  # fmt: skip
    completed = subprocess.run(command, check=False)
    if completed.returncode:
        sys.exit(f"bench: installing {modules} failed (exit {completed.returncode})")
    say(f"installed in {time.perf_counter() - start:.0f} s")


def prepare_database(odoo, args, conf, src, modules, addons):
    if not args.keep_db:
        say(f"dropping database {args.db}")
        drop_database(odoo, args.db)
    missing = set(modules) - installed_modules(odoo, args.db, modules)
    if missing:
        install(conf, src, args.db, missing, args.log_level, addons)
        missing = set(modules) - installed_modules(odoo, args.db, modules)
        if missing:
            sys.exit(f"bench: {', '.join(sorted(missing))} not installed in {args.db}")


def run_cases(odoo, cases, args):
    from harness import Bench

    Registry = odoo.modules.registry.Registry
    results, failures = [], []
    for case_ in cases:
        for rows in case_.row_counts(args.scale, full_only=args.full_only):
            say(f"{case_.name} rows={rows}: {case_.description}")
            run_db = f"{args.db}_{case_.name.replace('.', '_')}_{rows}"[:63]
            try:
                clone_database(odoo, args.db, run_db)
                registry = Registry(run_db)
                with registry.cursor() as cr:
                    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                    full_size = args.scale == 1.0 and rows == case_.row_counts(1.0)[-1]
                    bench = Bench(case_, env, results, args.profile, full_size)
                    case_.func(bench, rows)
            except Exception:
                traceback.print_exc()
                failures.append((case_.name, rows))
                print(f"{case_.name} rows={rows} FAILED", flush=True)
            finally:
                Registry.delete(run_db)
                odoo.sql_db.close_db(run_db)
                if not args.keep_run_db:
                    drop_database(odoo, run_db)
    return results, failures


HEADER = (
    "operation",
    "rows",
    "details",
    "seconds",
    "sql s",
    "queries",
    "us/row",
    "rows/s",
    "growth",
    "x ref",
    "aim",
)


def summary_row(result, first):
    """The summary cells of ``result``, and whether it missed its aim.
    ``first`` is the smallest size measured of the same case."""
    growth = ""
    if result is not first and first.seconds > 0 and first.rows:
        # 1.00 = cost per row unchanged between the sizes (linear)
        ratio = (result.seconds / first.seconds) / (result.rows / first.rows)
        growth = f"{ratio:.2f}"
    times = result.times_reference
    aim, missed = result.aim()
    row = (
        result.case,
        str(result.rows),
        " ".join(f"{key}={value}" for key, value in result.extra.items()),
        f"{result.seconds:.2f}",
        f"{result.sql_seconds:.2f}",
        str(result.queries),
        f"{1e6 * result.seconds / max(result.rows, 1):.1f}",
        f"{result.rate:.1f}",
        growth,
        f"{times:.1f}" if times else "",
        aim,
    )
    return row, missed


def summary(results, failures, scale):
    """Print the summary table; return the names of the missed aims."""
    smallest = {}
    for result in results:
        smallest.setdefault(result.case, result)
    table, missed = [], []
    for result in results:
        row, result_missed = summary_row(result, smallest[result.case])
        table.append(row)
        if result_missed:
            missed.append(result.case)
    empty = ("",) * (len(HEADER) - 3)
    table += [(name, str(rows), "FAILED", *empty) for name, rows in failures]
    widths = [max(len(row[i]) for row in [HEADER, *table]) for i in range(len(HEADER))]
    line = "  ".join("-" * width for width in widths)
    print()
    print(
        f"Summary (scale {scale:g}; growth = cost per row relative to the "
        "smallest size, 1.00 is linear; x ref = seconds as a multiple of "
        "PostgreSQL writing the same rows itself)"
    )
    for row in (line, HEADER, line, *table, line):
        if isinstance(row, str):
            print(row)
        else:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return missed


def warn_unmeasured_peers(selected):
    names = {c.name for c in selected}
    for case_ in selected:
        absent = [other for other in case_.compare_with if other not in names]
        if absent:
            say(
                f"{case_.name} compares with {', '.join(absent)}, not selected: "
                "add --peers to measure them in the same run"
            )


def print_comparisons(rows):
    """Print the ratios of the cases that compare with others (peers)."""
    if not rows:
        return
    print()
    print("Compared with peers (ratio = our rows/s / their rows/s; > 1 is faster)")
    for ours, other, count, our_rate, their_rate, ratio, aim, _missed in rows:
        print(
            f"{ours} / {other} rows={count}: {our_rate:.1f} / {their_rate:.1f}"
            f" rows/s = {ratio:.2f}" + (f"  aim {aim}" if aim else "")
        )


def write_json(out_dir, args, results, failures, missed, compared):
    os.makedirs(out_dir, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = os.path.join(out_dir, f"bench-{stamp}.json")
    data = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "host": platform.node(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "scale": args.scale,
        "results": [
            {
                "case": r.case,
                "rows": r.rows,
                "seconds": round(r.seconds, 3),
                "sql_seconds": round(r.sql_seconds, 3),
                "queries": r.queries,
                "rows_per_second": round(r.rate, 1),
                **r.extra,
                **(
                    {"times_reference": round(r.times_reference, 2)}
                    if r.times_reference
                    else {}
                ),
                **({"reference_of": r.reference_of} if r.reference_of else {}),
                **({"aim": r.aim()[0]} if r.aim()[0] else {}),
            }
            for r in results
        ],
        "comparisons": [
            {
                "case": ours,
                "compared_with": other,
                "rows": count,
                "rows_per_second": round(our_rate, 1),
                "their_rows_per_second": round(their_rate, 1),
                "ratio": round(ratio, 3),
                **({"aim": aim} if aim else {}),
            }
            for ours, other, count, our_rate, their_rate, ratio, aim, _m in compared
        ],
        "failed": [{"case": name, "rows": rows} for name, rows in failures],
        "missed_aims": missed,
    }
    with open(path, "w", encoding="utf-8") as file:
        json.dump(data, file, indent=2, default=str)
    say(f"results written to {path}")


def main(argv=None):
    args = parse_args(argv)
    conf, src = require_environment()
    sys.path[:0] = [BENCH_DIR, src]
    import cases
    from harness import comparisons, select_cases

    import odoo

    cases.load_all()
    selected = select_cases(
        args.only, peers=args.peers or (args.list and not args.only)
    )
    if args.list:
        for case_ in selected:
            peer = " (peer: --peers)" if case_.peer else ""
            print(f"{case_.name:40} {case_.rows:>9} rows  {case_.description}{peer}")
        return 0

    addons = addons_path(conf, selected, args.keep_db)
    odoo_args = [
        "-c", conf,
        f"--addons-path={addons}",
        "-d", args.db,
        f"--log-level={args.log_level}",
    ]  # fmt: skip
    warn_unmeasured_peers(selected)
    odoo.tools.config.parse_config(odoo_args)
    odoo.netsvc.init_logger()
    modules = {c.module for c in selected}
    prepare_database(odoo, args, conf, src, modules, addons)

    results, failures = run_cases(odoo, selected, args)
    missed = summary(results, failures, args.scale)
    compared = comparisons(selected, results)
    print_comparisons(compared)
    missed += [f"{row[0]} / {row[1]}" for row in compared if row[-1]]
    if args.out:
        write_json(args.out, args, results, failures, missed, compared)
    if failures:
        return 1
    if missed and args.strict:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
