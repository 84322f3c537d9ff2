"""pytest bootstrap shared by every test run from this repository.

pytest-odoo imports ``odoo.tests`` right after parsing Odoo's configuration,
before it turns Odoo's test mode on; ``odoo.tests.common`` then logs an ERROR
("Importing test framework, avoid importing from business modules ...") with a
stack trace. Import the test framework here once, in test mode, so that the
only ERROR lines in a test run are real ones.
"""

try:
    from odoo.tools import config as _odoo_config
except ImportError:  # pragma: no cover - plain pytest without Odoo on the path
    _odoo_config = None

if _odoo_config is not None:
    _test_enable = _odoo_config["test_enable"]
    _odoo_config["test_enable"] = True
    try:
        import odoo.tests  # noqa: F401
    finally:
        _odoo_config["test_enable"] = _test_enable
