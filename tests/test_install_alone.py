"""Each project module installs alone, without demo data, on a fresh
database, and its own tests pass there, as OCA's CI runs them.

This proves that every module declares all its dependencies and that its
tests need nothing from the modules that depend on it: the big test database
installs all modules together, with demo data, which would hide both.

The runs start in the background when the tests are collected (see
``AloneRuns`` in conftest.py); each test checks its module's finished run.
"""

import re

# odoo.tests.result: "0 failed, 0 error(s) of 116 tests when loading database"
TEST_REPORT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")


def test_install_alone(odoo_module, odoo_env, alone_runs):
    returncode, text, log = alone_runs.result(odoo_module)
    tail = "\n".join(text.splitlines()[-40:])
    assert returncode == 0, (
        f"odoo-bin -i {odoo_module} exited with {returncode} (log: {log})\n{tail}"
    )
    errors = odoo_env.log_errors(text)
    assert not errors, (
        f"installing {odoo_module} alone logged errors (log: {log}):\n"
        + "\n".join(errors)
    )
    if odoo_env.has_tests(odoo_module):
        reports = TEST_REPORT.findall(text)
        assert reports, f"no test report in the log of {odoo_module} (log: {log})"
        failed, errored, ran = map(int, reports[-1])
        assert (failed, errored) == (0, 0) and ran > 0, (
            f"{odoo_module} alone: {failed} failed, {errored} error(s) of "
            f"{ran} tests (log: {log})"
        )
