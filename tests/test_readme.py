"""The README's operations section describes what the modules ship."""

import configparser
import re
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent


def _shipped_crons():
    crons = set()
    for path in sorted((REPO / "addons").glob("*/data/*.xml")):
        module = path.parts[-3]
        for record in etree.parse(str(path)).iter("record"):
            if record.get("model") == "ir.cron":
                crons.add(f"{module}.{record.get('id')}")
    return crons


def test_every_scheduled_action_is_in_the_readme():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- crons -->(.*?)<!-- /crons -->", text, re.S)
    assert table, "README.md has no <!-- crons --> table"
    listed = set(re.findall(r"^\| `([\w.]+)` \|", table.group(1), re.M))
    shipped = _shipped_crons()
    assert shipped, "no scheduled action found in addons/*/data"
    assert listed == shipped, (
        f"missing from the README: {sorted(shipped - listed)}; "
        f"listed but not shipped: {sorted(listed - shipped)}"
    )


def test_production_settings_close_the_database_manager():
    """docker/odoo.conf is set up as the README's production section says."""
    conf = configparser.ConfigParser()
    conf.read(REPO / "docker" / "odoo.conf")
    options = conf["options"]
    assert options.get("list_db") == "False"
    assert options.get("admin_passwd") not in (None, "", "admin")
    assert options.get("cs_hide_tracebacks") == "True"
    assert options.get("dbfilter") and options.get("db_name")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for key in ("list_db", "admin_passwd", "dbfilter", "cs_hide_tracebacks"):
        assert f"`{key}`" in readme, f"README's production settings miss {key}"
