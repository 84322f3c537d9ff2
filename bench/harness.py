# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Case registry and measurement helpers of the benchmark harness.

A case is a function decorated with :func:`case`. The runner calls it once per
size with a :class:`Bench` and the number of rows to measure. The function
prepares its data (not measured, committed), then wraps the operation under
test in ``bench.measure(...)``, which prints one result line per operation::

    @case("cs_member.recompute_points", module="cs_member", rows=100_000)
    def recompute_points(bench, rows):
        generate_things(bench.env, rows)
        bench.commit()
        with bench.measure(rows=rows, lines=rows * 10):
            bench.env["res.partner"]._cs_recompute_points()

Peer cases (``peer=True``) measure an OCA module fetched by
``peer_addons.py``; they only run when selected by name or with ``--peers``.
A case that names peer cases in ``compare_with`` gets, when they ran in the
same run at the same number of rows, the ratio of its rows/s to theirs;
``aim_ratio`` makes that ratio an aim.

Aims apply to the full size at ``--scale 1`` only: ``aim_seconds`` of the
case for its main measure, ``aim_seconds``/``aim_rate`` given to
``measure()`` for any measure (``--strict`` fails on a miss).

The physical reference: after a measure, ``bench.reference(...)`` times
PostgreSQL writing the same rows itself (one ``INSERT … SELECT`` or ``COPY``
per table), in a savepoint rolled back afterwards; the summary reports the
measure's time as a multiple of it (``x ref``)::

    with bench.measure(rows=rows):
        Model.create(vals_list)
    bench.reference(rows, [SQL("INSERT INTO t (...) SELECT ... FROM ...")])
"""

import cProfile
import io
import os
import pstats
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

CASES = {}


@dataclass
class Case:
    name: str
    func: object
    module: str
    rows: int
    sizes: tuple = (0.5, 1.0)
    aim_seconds: float = None
    description: str = ""
    peer: bool = False
    compare_with: tuple = ()
    aim_ratio: float = None

    def row_counts(self, scale, full_only=False):
        sizes = (max(self.sizes),) if full_only else self.sizes
        return [max(1, int(round(self.rows * scale * size))) for size in sizes]


def case(
    name,
    module,
    rows,
    sizes=(0.5, 1.0),
    aim_seconds=None,
    peer=False,
    compare_with=(),
    aim_ratio=None,
):
    """Register a benchmark case.

    :param name: ``<module>.<operation>``, unique, printed on each result line
    :param module: the Odoo module to install in the benchmark database
    :param rows: the number of rows measured at ``--scale 1``
    :param sizes: fractions of ``rows`` to measure, to show how cost grows
    :param aim_seconds: the aim for the full size at ``--scale 1``
    :param peer: ``module`` is an OCA module pinned in ``bench/peers.txt``,
        not one of ours; the case runs only when selected by name or with
        ``--peers``
    :param compare_with: names of (peer) cases whose throughput this case is
        compared with: ours rows/s divided by theirs, at the same rows
    :param aim_ratio: the least ratio to each of ``compare_with`` at the full
        size (both measured in the same run)
    """

    def register(func):
        if name in CASES:
            raise ValueError(f"Benchmark case {name!r} is registered twice.")
        CASES[name] = Case(
            name=name,
            func=func,
            module=module,
            rows=rows,
            sizes=tuple(sorted(sizes)),
            aim_seconds=aim_seconds,
            peer=peer,
            compare_with=tuple(compare_with),
            aim_ratio=aim_ratio,
            description=(func.__doc__ or "").strip().splitlines()[0]
            if func.__doc__
            else "",
        )
        return func

    return register


def select_cases(only=None, peers=False):
    """Cases whose name is in ``only`` or starts with ``<item>.``; without
    ``only``, all the cases but the peer ones. ``peers`` adds the peer cases."""
    unknown = {
        f"{c.name} compares with {other!r}"
        for c in CASES.values()
        for other in c.compare_with
        if other not in CASES
    }
    if unknown:
        raise SystemExit("bench: unknown case: " + "; ".join(sorted(unknown)))
    selected = [c for c in CASES.values() if not c.peer] if not only else []
    for item in only or ():
        matches = [
            c for c in CASES.values() if c.name == item or c.name.startswith(item + ".")
        ]
        if not matches:
            raise SystemExit(
                f"bench: no case named {item!r}. Known cases: "
                + ", ".join(sorted(CASES))
            )
        selected += [c for c in matches if c not in selected]
    if peers:
        selected += [c for c in CASES.values() if c.peer and c not in selected]
    return selected


@dataclass
class Result:
    case: str
    rows: int
    seconds: float
    queries: int
    sql_seconds: float
    extra: dict = field(default_factory=dict)
    full_size: bool = False
    aim_seconds: float = None
    aim_rate: float = None
    reference_of: str = None
    reference: "Result" = None

    def aim(self):
        """``(label, missed)`` of this result's aim, or ``("", False)``
        when it has none or is not the full size at scale 1."""
        if not self.full_size:
            return "", False
        if self.aim_seconds is not None:
            missed = self.seconds > self.aim_seconds
            return f"{'MISSED' if missed else 'ok'} <{self.aim_seconds:g}s", missed
        if self.aim_rate is not None:
            missed = self.rate < self.aim_rate
            return f"{'MISSED' if missed else 'ok'} >={self.aim_rate:g}/s", missed
        return "", False

    @property
    def times_reference(self):
        """This measure's seconds over its physical reference's, or None."""
        if self.reference and self.reference.seconds > 0:
            return self.seconds / self.reference.seconds
        return None

    @property
    def rate(self):
        """Throughput in rows per second."""
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def line(self):
        extra = " ".join(f"{key}={value}" for key, value in self.extra.items())
        return (
            f"{self.case} rows={self.rows}"
            + (f" {extra}" if extra else "")
            + f" seconds={self.seconds:.2f} queries={self.queries}"
            + f" sql_seconds={self.sql_seconds:.2f}"
            + f" rows_per_s={self.rate:.1f}"
            + (f" reference_of={self.reference_of}" if self.reference_of else "")
        )


def comparisons(cases, results):
    """``(case, other, rows, rows/s, other's rows/s, ratio, aim, missed)``
    for every result of a case with ``compare_with`` whose other case has a
    result at the same rows in ``results``; ratio > 1 means ours is faster.
    ``aim`` is the label of the case's ``aim_ratio`` at the full size (or
    ""), ``missed`` whether the ratio fell short of it."""
    by_key = {(r.case, r.rows): r for r in results}
    rows = []
    for case_ in cases:
        for ours in [r for r in results if r.case == case_.name]:
            for other in case_.compare_with:
                theirs = by_key.get((other, ours.rows))
                if not (theirs and theirs.rate):
                    continue
                ratio = ours.rate / theirs.rate
                aim, missed = "", False
                if case_.aim_ratio and ours.full_size:
                    missed = ratio < case_.aim_ratio
                    aim = f"{'MISSED' if missed else 'ok'} >={case_.aim_ratio:g}"
                rows.append(
                    (
                        ours.case,
                        other,
                        ours.rows,
                        ours.rate,
                        theirs.rate,
                        ratio,
                        aim,
                        missed,
                    )
                )
    return rows


class Bench:
    """What a case gets: an environment on its own cursor, ``commit()``,
    ``measure()`` and ``reference()``. One Bench per case and size; the
    runner closes it. ``full_size``: this is the case's full size at
    ``--scale 1``, where aims apply."""

    def __init__(self, case_, env, results, profile_dir=None, full_size=False):
        self.case = case_
        self.env = env
        self.cr = env.cr
        self.results = results
        self.profile_dir = profile_dir
        self.full_size = full_size

    def commit(self):
        """End a phase: flush, commit and drop the caches, so the next phase
        starts like a new request."""
        self.env.flush_all()
        self.cr.commit()
        self.env.invalidate_all()

    def log(self, message):
        print(f"  {self.case.name}: {message}", file=sys.stderr, flush=True)

    @contextmanager
    def phase(self, label):
        """Time a preparation step (reported on stderr, not measured)."""
        start = time.perf_counter()
        yield
        self.log(f"{label} ({time.perf_counter() - start:.1f} s)")

    @contextmanager
    def measure(self, rows, name=None, aim_seconds=None, aim_rate=None, **extra):
        """Measure the block: wall-clock seconds, SQL queries and the time
        spent waiting for them, including the final flush of pending ORM
        writes. Prints the result line; ``extra`` values set on the yielded
        dict inside the block are printed too. ``aim_seconds`` (at most) or
        ``aim_rate`` (rows/s, at least) is this measure's aim at the full
        size; the case's ``aim_seconds`` is the default of its main measure."""
        if aim_seconds is None and aim_rate is None and not name:
            aim_seconds = self.case.aim_seconds
        self.commit()
        profiler = cProfile.Profile() if self.profile_dir else None
        # the cursor counts queries on these thread attributes when present
        thread = threading.current_thread()
        thread.query_count, thread.query_time = 0, 0.0
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        try:
            yield extra
            self.env.flush_all()
        finally:
            if profiler:
                profiler.disable()
        seconds = time.perf_counter() - start
        result = Result(
            case=name or self.case.name,
            rows=rows,
            seconds=seconds,
            queries=thread.query_count,
            sql_seconds=thread.query_time,
            extra=extra,
            full_size=self.full_size,
            aim_seconds=aim_seconds,
            aim_rate=aim_rate,
        )
        self.results.append(result)
        print(result.line(), flush=True)
        if profiler:
            self._dump_profile(profiler, result)
        self.commit()

    def reference(self, rows, statements, of=None):
        """Time PostgreSQL writing the rows of the last measure (or of the
        measure named ``of``) by itself: ``statements`` is a list of
        ``odoo.tools.SQL`` (``INSERT … SELECT``), or a callable taking the
        cursor (for ``COPY``). Run in a savepoint, rolled back afterwards, so
        the database is left as the measure left it. Prints a result line
        named ``<measure>.sql_reference`` and links it to the measure."""
        measured = [r for r in self.results if r.case == (of or r.case)]
        if not measured:
            raise ValueError("bench.reference() comes after the measure it mirrors")
        target = measured[-1]
        self.commit()
        thread = threading.current_thread()
        with self.cr.savepoint(flush=False) as savepoint:
            thread.query_count, thread.query_time = 0, 0.0
            start = time.perf_counter()
            if callable(statements):
                statements(self.cr)
            else:
                # each statement's share, to tell which table sets the floor
                for index, statement in enumerate(statements, 1):
                    started = time.perf_counter()
                    self.cr.execute(statement)
                    self.log(
                        f"reference statement {index}/{len(statements)}: "
                        f"{time.perf_counter() - started:.2f} s"
                    )
            seconds = time.perf_counter() - start
            queries, sql_seconds = thread.query_count, thread.query_time
            savepoint.close(rollback=True)
        result = Result(
            case=f"{target.case}.sql_reference",
            rows=rows,
            seconds=seconds,
            queries=queries,
            sql_seconds=sql_seconds,
            reference_of=target.case,
        )
        target.reference = result
        self.results.append(result)
        print(result.line(), flush=True)
        return result

    def _dump_profile(self, profiler, result):
        os.makedirs(self.profile_dir, exist_ok=True)
        path = os.path.join(self.profile_dir, f"{result.case}-{result.rows}.prof")
        profiler.dump_stats(path)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(25)
        self.log(f"profile written to {path}; top functions:\n{out.getvalue()}")
