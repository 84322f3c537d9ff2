"""The README's operations section describes what the modules ship."""

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
