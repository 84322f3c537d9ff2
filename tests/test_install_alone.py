"""Each project module installs alone, without demo data, on a fresh database.

This proves that every module declares all its dependencies: the big test
database installs all modules together, which would hide a missing one.
"""


def test_install_alone(odoo_module, odoo_env):
    odoo_env.require()
    db = f"cs_alone_{odoo_module}_{odoo_env.suffix}"
    log = odoo_env.log_dir / f"install-alone-{odoo_module}.log"
    log.unlink(missing_ok=True)
    odoo_env.drop_database(db)
    try:
        proc = odoo_env.odoo(
            "-d",
            db,
            "-i",
            odoo_module,
            "--without-demo=all",
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
    finally:
        odoo_env.drop_database(db)
