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
import subprocess
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

    def odoo(self, *args, timeout=1800):
        """Run odoo-bin with the test configuration; return CompletedProcess."""
        return subprocess.run(
            [self.python, self.odoo_bin, "-c", self.conf, *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

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
