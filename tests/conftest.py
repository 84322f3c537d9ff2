"""Shared helpers of the repository-level tests.

These tests run in the same pytest session as the modules' own tests
(``make test``, see ``scripts/test.sh``), which exports:

``CS_ODOO_BIN``
    path of Odoo's ``odoo-bin``;
``CS_ODOO_CONF``
    the generated test configuration (addons path, database server);
``CS_PYTHON``
    the virtualenv's Python that runs Odoo;
``CS_MODULES``
    comma-separated project modules under test (all when absent);
``CS_LOG_DIR`` / ``CS_DATA_DIR`` / ``CS_TEST_SUFFIX``
    where logs and filestores go, and a suffix that keeps database names
    unique per run.

The database server is reached through the ``PG*`` variables set by the
bootstrap. A missing variable is a failure, never a skip: a check that
silently does not run proves nothing.
"""

import ast
import os
import re
import socket
import subprocess
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
REQUIRED_ENV = ("CS_ODOO_BIN", "CS_ODOO_CONF", "CS_PYTHON")
ODOO_ERROR_LINE = re.compile(r"\d{4}-\d{2}-\d{2} [\d:,.]+ \d+ (ERROR|CRITICAL) ")


def project_addon_dirs():
    """Folders holding the project's modules: addons/ and CS_EXTRA_ADDONS."""
    dirs = [REPO / "addons"]
    extra = os.environ.get("CS_EXTRA_ADDONS", "")
    dirs += [Path(p) for p in re.split(r"[,:]", extra) if p.strip()]
    return dirs


def discover_modules():
    """Installable modules found in the project's addon folders."""
    modules = set()
    for folder in project_addon_dirs():
        for manifest in folder.glob("*/__manifest__.py"):
            data = ast.literal_eval(manifest.read_text(encoding="utf-8"))
            if data.get("installable", True):
                modules.add(manifest.parent.name)
    return sorted(modules)


def project_modules():
    """Modules under test: CS_MODULES when set by scripts/test.sh, else all."""
    selected = os.environ.get("CS_MODULES", "")
    if selected.strip():
        return sorted(m for m in re.split(r"[,\s]+", selected) if m)
    return discover_modules()


def odoo_log_errors(text):
    """Lines of an Odoo log at level ERROR or CRITICAL."""
    return [line for line in text.splitlines() if ODOO_ERROR_LINE.match(line)]


def pytest_generate_tests(metafunc):
    if "odoo_module" in metafunc.fixturenames:
        metafunc.parametrize("odoo_module", project_modules())


class OdooEnv:
    """What a repository-level test needs to run odoo-bin by itself."""

    def __init__(self, environ):
        self.missing = [name for name in REQUIRED_ENV if not environ.get(name)]
        self.odoo_bin = environ.get("CS_ODOO_BIN", "")
        self.conf = environ.get("CS_ODOO_CONF", "")
        self.python = environ.get("CS_PYTHON", "")
        self.log_dir = Path(environ.get("CS_LOG_DIR") or REPO / ".run" / "logs")
        self.data_dir = Path(environ.get("CS_DATA_DIR") or REPO / ".run" / "data")
        self.suffix = environ.get("CS_TEST_SUFFIX") or str(os.getpid())
        self.log_dir.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def has_tests(module):
        """Whether a project module has test files of its own."""
        return any(
            any((folder / module / "tests").glob("test_*.py"))
            for folder in project_addon_dirs()
        )

    @staticmethod
    def log_errors(text):
        """Lines of an Odoo log at level ERROR or CRITICAL."""
        return odoo_log_errors(text)

    def drop_database(self, name):
        """Drop a database (if it exists) and its filestore."""
        subprocess.run(
            [
                "psql",
                "-X",
                "-q",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=True,
        )
        filestore = self.data_dir / "filestore" / name
        if filestore.is_dir():
            subprocess.run(["rm", "-rf", "--", str(filestore)], check=True)

    def require(self):
        """Fail the calling test (never skip it) when run outside `make test`."""
        if self.missing:
            pytest.fail(
                "missing environment variable(s) %s: run these tests with "
                "`make test` (scripts/test.sh sets them)" % ", ".join(self.missing),
                pytrace=False,
            )


@pytest.fixture(scope="session")
def odoo_env():
    """Connection and configuration for tests that run odoo-bin themselves."""
    return OdooEnv(os.environ)


def free_port():
    """A free local port, for an odoo-bin's own HTTP server apart from the
    one the pytest session's server listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AloneRuns:
    """The install-alone runs (tests/test_install_alone.py), started in the
    background as soon as the tests are collected, so they use the second
    core while the modules' own tests run in this process.

    One run at a time while this process is busy with the other tests; one
    more slot is opened when the first install-alone test starts waiting
    (``CS_ALONE_JOBS`` sets the first number, default: CPUs - 1). Each run
    installs one module alone without demo data on its own database and
    runs its tests there; the test reads the finished run.
    """

    def __init__(self, odoo_env, modules, jobs):
        self.env = odoo_env
        self.slots = threading.Semaphore(jobs)
        self.widened = False
        self.lock = threading.Lock()
        self.procs = {}
        self.stopped = False
        self.done = {module: threading.Event() for module in modules}
        self.results = {}
        for module in modules:
            threading.Thread(
                target=self._run, args=(module,), name=f"alone-{module}", daemon=True
            ).start()

    def command(self, module, db, log):
        args = ["-d", db, "-i", module, "--without-demo=all"]
        if self.env.has_tests(module):
            # the browser tours (tag cs_tour) run once, on the database with
            # every module: they are the slowest tests and the least tied to
            # one module
            args += ["--test-enable", f"--test-tags=/{module},-cs_tour"]
        return [
            self.env.python,
            self.env.odoo_bin,
            "-c",
            self.env.conf,
            *args,
            f"--http-port={free_port()}",
            f"--gevent-port={free_port()}",
            "--stop-after-init",
            "--log-level=info",
            f"--logfile={log}",
        ]

    def _run(self, module):
        db = f"cs_alone_{module}_{self.env.suffix}"
        log = self.env.log_dir / f"install-alone-{module}.log"
        try:
            with self.slots:
                if self.stopped:
                    raise RuntimeError("the test session ended first")
                log.unlink(missing_ok=True)
                self.env.drop_database(db)
                try:
                    with self.lock:
                        proc = subprocess.Popen(
                            self.command(module, db, log),
                            stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT,
                            text=True,
                        )
                        self.procs[module] = proc
                    try:
                        output, _ = proc.communicate(timeout=1800)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.communicate()
                        raise
                finally:
                    self.env.drop_database(db)
            text = (
                log.read_text(encoding="utf-8", errors="replace")
                if log.exists()
                else ""
            )
            self.results[module] = (proc.returncode, text or output, log)
        except Exception as error:  # reported by the module's test
            self.results[module] = (None, f"{type(error).__name__}: {error}", log)
        finally:
            self.done[module].set()

    def result(self, module):
        """``(returncode, log text, log path)`` of the module's run, waiting
        for it; the first caller opens one more slot, since this process
        now only waits."""
        with self.lock:
            if not self.widened:
                self.widened = True
                self.slots.release()
        self.done[module].wait()
        return self.results[module]

    def stop(self):
        """End the runs still going (the session ended first, e.g. -x)."""
        with self.lock:
            self.stopped = True
            for proc in self.procs.values():
                if proc.poll() is None:
                    proc.terminate()


ALONE_RUNS = pytest.StashKey()


def pytest_collection_finish(session):
    modules = [
        item.callspec.params["odoo_module"]
        for item in session.items
        if getattr(item, "originalname", "") == "test_install_alone"
    ]
    env = OdooEnv(os.environ)
    if modules and not env.missing:
        jobs = int(os.environ.get("CS_ALONE_JOBS") or max(1, (os.cpu_count() or 2) - 1))
        session.config.stash[ALONE_RUNS] = AloneRuns(env, modules, jobs)


def pytest_sessionfinish(session):
    runs = session.config.stash.get(ALONE_RUNS, None)
    if runs:
        runs.stop()


@pytest.fixture(scope="session")
def alone_runs(request, odoo_env):
    """The background install-alone runs (see AloneRuns)."""
    odoo_env.require()
    return request.config.stash[ALONE_RUNS]
