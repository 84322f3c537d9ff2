"""Print the requirements.txt lines of the addons' external Python dependencies.

Used by docker/Dockerfile:

    python3 addon_requirements.py ADDONS_DIR REQUIREMENTS_TXT

Reads ``external_dependencies['python']`` of every installable addon in
ADDONS_DIR and prints, for each dependency that this Python does not have yet,
its pinned lines from REQUIREMENTS_TXT (environment markers included, so that
pip picks the pin of this Python's version). Dependencies already installed
(e.g. XlsxWriter, a Debian dependency of Odoo's package) are left as they are.
A dependency without a pin is an error. Standard library only.
"""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(addons_dir):
    names = set()
    for manifest_path in sorted(Path(addons_dir).glob("*/__manifest__.py")):
        manifest = ast.literal_eval(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("installable", True):
            names.update(manifest.get("external_dependencies", {}).get("python", []))
    return names


def installed(name):
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def main(addons_dir, requirements):
    wanted = {canonical(n) for n in declared(addons_dir) if not installed(n)}
    lines = {}
    for line in Path(requirements).read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line)
        if match and canonical(match.group(1)) in wanted:
            lines.setdefault(canonical(match.group(1)), []).append(line.strip())
    missing = wanted - set(lines)
    if missing:
        sys.exit(f"not pinned in {requirements}: {', '.join(sorted(missing))}")
    for name in sorted(lines):
        print("\n".join(lines[name]))


if __name__ == "__main__":
    main(*sys.argv[1:3])
