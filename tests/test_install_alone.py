"""Each project module installs alone, without demo data, on a fresh
database, and its own tests pass there, as OCA's CI runs them.

This proves that every module declares all its dependencies and that its
tests need nothing from the modules that depend on it: the big test database
installs all modules together, with demo data, which would hide both.
"""

import re
import socket

# odoo.tests.result: "0 failed, 0 error(s) of 116 tests when loading database"
TEST_REPORT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")


def _free_port():
    """A port for this odoo-bin's HTTP server (HttpCase tests need one), apart
    from the one the pytest session's own server listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_install_alone(odoo_module, odoo_env):
    odoo_env.require()
    db = f"cs_alone_{odoo_module}_{odoo_env.suffix}"
    log = odoo_env.log_dir / f"install-alone-{odoo_module}.log"
    log.unlink(missing_ok=True)
    odoo_env.drop_database(db)
    with_tests = odoo_env.has_tests(odoo_module)
    # the browser tours (tag cs_tour) run once, on the database with every
    # module: they are the slowest tests and the least tied to one module
    test_args = (
        ["--test-enable", f"--test-tags=/{odoo_module},-cs_tour"] if with_tests else []
    )
    try:
        proc = odoo_env.odoo(
            "-d",
            db,
            "-i",
            odoo_module,
            "--without-demo=all",
            *test_args,
            f"--http-port={_free_port()}",
            f"--gevent-port={_free_port()}",
            "--stop-after-init",
            "--log-level=info",
            f"--logfile={log}",
        )
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        tail = "\n".join((text or proc.stdout + proc.stderr).splitlines()[-40:])
        assert proc.returncode == 0, (
            f"odoo-bin -i {odoo_module} exited with {proc.returncode} (log: {log})\n"
            f"{tail}"
        )
        errors = odoo_env.log_errors(text)
        assert not errors, (
            f"installing {odoo_module} alone logged errors (log: {log}):\n"
            + "\n".join(errors)
        )
        if with_tests:
            reports = TEST_REPORT.findall(text)
            assert reports, f"no test report in the log of {odoo_module} (log: {log})"
            failed, errored, ran = map(int, reports[-1])
            assert (failed, errored) == (0, 0) and ran > 0, (
                f"{odoo_module} alone: {failed} failed, {errored} error(s) of "
                f"{ran} tests (log: {log})"
            )
    finally:
        odoo_env.drop_database(db)
