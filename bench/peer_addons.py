#!/usr/bin/env python3
# Copyright 2026 Customer Service Suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA modules the benchmark measures our modules against ("peers").

They are measuring sticks, not dependencies: the wheels pinned in
``bench/peers.txt`` (exact versions and sha256) are downloaded from PyPI
into ``bench/.peers/wheels/`` and their addon folders (``odoo/addons/<name>``
inside each wheel) unpacked into ``bench/.peers/addons/``; both folders are
git-ignored. ``bench/run.py`` calls :func:`ensure` when a peer case is
selected and puts that folder on the addons path of the benchmark database.
Nothing is fetched for the other cases, so they run offline.

By hand (the project's virtualenv has pip)::

    .venv/bin/python bench/peer_addons.py fetch     # download and unpack
    .venv/bin/python bench/peer_addons.py list      # what is unpacked
    .venv/bin/python bench/peer_addons.py pin odoo-addon-helpdesk-mgmt-sla \\
        odoo-addon-crm-claim                        # re-pin the newest 18.0.*

``pin`` follows the ``depends`` of the manifests recursively: a dependency
that is not an Odoo module is pinned as ``odoo-addon-<name>`` too. Wheels are
always downloaded with ``--no-deps`` (they require ``odoo``, which is not on
PyPI).
"""

import argparse
import ast
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
PINS = os.path.join(BENCH_DIR, "peers.txt")
PEERS_DIR = os.environ.get("CS_BENCH_PEERS_DIR") or os.path.join(BENCH_DIR, ".peers")
WHEELS_DIR = os.path.join(PEERS_DIR, "wheels")
ADDONS_DIR = os.path.join(PEERS_DIR, "addons")
STAMP = os.path.join(ADDONS_DIR, ".pins.sha256")
ODOO_SERIES = "18.0"
WHEEL_PREFIX = "odoo/addons/"
PIN_LINE = re.compile(
    r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?P<hashes>(\s+--hash=sha256:[0-9a-f]{64})+)"
)


class PeerError(Exception):
    """The peers could not be made available; the message says why and what
    to do."""


def read_pins(path=PINS):
    """The pinned wheels: a list of ``(name, version, {sha256, ...})``."""
    pins = []
    with open(path, encoding="utf-8") as file:
        text = file.read().replace("\\\n", " ")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN_LINE.match(line)
        if not match:
            raise PeerError(
                f"{path}: '{line}' is not 'name==version --hash=sha256:...' "
                "(re-pin with `bench/peer_addons.py pin ...`)"
            )
        hashes = set(re.findall(r"sha256:([0-9a-f]{64})", match["hashes"]))
        pins.append((match["name"], match["version"], hashes))
    if not pins:
        raise PeerError(f"{path} pins no wheel")
    return pins


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _wheel_name(filename):
    """``odoo_addon_helpdesk_mgmt-18.0.1.19.5-py3-none-any.whl`` ->
    ``('odoo-addon-helpdesk-mgmt', '18.0.1.19.5')``."""
    name, version = filename.split("-")[:2]
    return re.sub(r"[-_.]+", "-", name).lower(), version


def _pinned_wheels(pins):
    """The downloaded wheel of each pin, by hash; missing pins are None."""
    by_hash = {}
    if os.path.isdir(WHEELS_DIR):
        for filename in os.listdir(WHEELS_DIR):
            if filename.endswith(".whl"):
                path = os.path.join(WHEELS_DIR, filename)
                by_hash[_sha256(path)] = path
    return {
        name: next((by_hash[h] for h in hashes if h in by_hash), None)
        for name, _version, hashes in pins
    }


def _pip_download(python, requirements, dest, extra=(), what=None):
    command = [
        python, "-m", "pip", "download",
        "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
        "--retries", "1", "--timeout", "30",
        "-d", dest, *extra, *requirements,
    ]  # fmt: skip
    completed = subprocess.run(
        command, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL
    )
    if completed.returncode:
        tail = "\n".join((completed.stdout + completed.stderr).splitlines()[-8:])
        what = what or " ".join(requirements)
        raise PeerError(
            f"could not download {what} from the package index "
            f"(pip exit {completed.returncode}):\n{tail}\n"
            "The peer cases need the OCA wheels pinned in bench/peers.txt: run them "
            "once with network access to PyPI, or copy those wheels into "
            f"{WHEELS_DIR}. The other cases do not need them."
        )


def download(pins, python=sys.executable):
    """Download the pinned wheels that are not in ``bench/.peers/wheels``
    yet (checked by hash); return their paths by name."""
    wheels = _pinned_wheels(pins)
    missing = [pin for pin in pins if not wheels[pin[0]]]
    if missing:
        os.makedirs(WHEELS_DIR, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", suffix=".txt", dir=PEERS_DIR, delete=False
        ) as requirements:
            for name, version, hashes in missing:
                requirements.write(
                    f"{name}=={version} "
                    + " ".join(f"--hash=sha256:{h}" for h in sorted(hashes))
                    + "\n"
                )
        try:
            _pip_download(
                python,
                ["-r", requirements.name],
                WHEELS_DIR,
                ["--require-hashes"],
                what=", ".join(f"{name}=={version}" for name, version, _h in missing),
            )
        finally:
            os.unlink(requirements.name)
        wheels = _pinned_wheels(pins)
        still = [name for name, path in wheels.items() if not path]
        if still:
            raise PeerError(f"pip did not leave the wheels of {', '.join(still)}")
    return wheels


def unpack(wheel_paths, dest):
    """Extract the addon folders of the wheels into ``dest`` (replaced)."""
    tmp = dest + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for path in wheel_paths:
        with zipfile.ZipFile(path) as wheel:
            for member in wheel.namelist():
                if not member.startswith(WHEEL_PREFIX) or member.endswith("/"):
                    continue
                relative = os.path.normpath(member[len(WHEEL_PREFIX) :])
                if relative.startswith("..") or os.path.isabs(relative):
                    raise PeerError(f"{path}: unsafe member {member}")
                target = os.path.join(tmp, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with wheel.open(member) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
    shutil.rmtree(dest, ignore_errors=True)
    os.rename(tmp, dest)


def read_manifest(addon_dir):
    with open(os.path.join(addon_dir, "__manifest__.py"), encoding="utf-8") as file:
        return ast.literal_eval(file.read())


def modules_in(folder):
    """``{module: manifest}`` of the addon folders directly under ``folder``."""
    if not os.path.isdir(folder):
        return {}
    return {
        name: read_manifest(os.path.join(folder, name))
        for name in sorted(os.listdir(folder))
        if os.path.isfile(os.path.join(folder, name, "__manifest__.py"))
    }


def missing_dependencies(peers, other_paths):
    """``{dependency: [peer modules needing it]}`` for the dependencies found
    neither among ``peers`` nor in the addon folders ``other_paths``."""
    known = set(peers)
    for path in other_paths:
        if os.path.isdir(path):
            known.update(
                name
                for name in os.listdir(path)
                if os.path.isfile(os.path.join(path, name, "__manifest__.py"))
            )
    missing = {}
    for name, manifest in peers.items():
        for dependency in manifest.get("depends", []):
            if dependency not in known:
                missing.setdefault(dependency, []).append(name)
    return missing


def dist_name(module):
    """The PyPI name of an OCA module: ``helpdesk_mgmt`` ->
    ``odoo-addon-helpdesk-mgmt``."""
    return "odoo-addon-" + module.replace("_", "-")


def ensure(odoo_addons_paths, python=sys.executable, log=None):
    """Make the pinned peers available and return their addons folder.

    Does nothing when ``bench/.peers/addons`` was unpacked from the current
    pins; otherwise downloads what is missing, unpacks, and checks that every
    ``depends`` of the peers is a peer or a module of ``odoo_addons_paths``.
    Raises :class:`PeerError` with a message to act on."""
    with open(PINS, "rb") as file:
        want = hashlib.sha256(file.read()).hexdigest()
    if os.path.isfile(STAMP):
        with open(STAMP, encoding="utf-8") as file:
            if file.read().strip() == want:
                return ADDONS_DIR
    os.makedirs(PEERS_DIR, exist_ok=True)
    pins = read_pins()
    if log:
        log(f"fetching the peer wheels pinned in {os.path.relpath(PINS)}")
    wheels = download(pins, python)
    unpack(wheels.values(), ADDONS_DIR)
    missing = missing_dependencies(modules_in(ADDONS_DIR), odoo_addons_paths)
    if missing:
        needs = "; ".join(
            f"{dep} (needed by {', '.join(by)})" for dep, by in sorted(missing.items())
        )
        raise PeerError(
            f"the peers depend on modules that are neither in Odoo nor pinned: "
            f"{needs}. Re-pin with `bench/peer_addons.py pin "
            + " ".join(name for name, _v, _h in pins)
            + " "
            + " ".join(dist_name(dep) for dep in sorted(missing))
            + "`."
        )
    with open(STAMP, "w", encoding="utf-8") as file:
        file.write(want + "\n")
    if log:
        names = ", ".join(
            f"{name} {manifest['version']}"
            for name, manifest in modules_in(ADDONS_DIR).items()
        )
        log(f"peers unpacked in {os.path.relpath(ADDONS_DIR)}: {names}")
    return ADDONS_DIR


def odoo_addons_paths(odoo_src):
    """Odoo's own addon folders in a source tree."""
    return [
        path
        for path in (
            os.path.join(odoo_src, "odoo", "addons"),
            os.path.join(odoo_src, "addons"),
        )
        if os.path.isdir(path)
    ]


def pin(names, odoo_src, python=sys.executable):
    """Resolve the newest ``18.0.*`` wheel of ``names`` and, recursively, of
    the OCA modules their manifests depend on; return the lines of
    ``peers.txt``."""
    known = set()
    for path in odoo_addons_paths(odoo_src):
        known.update(modules_in(path))
    if "base" not in known:
        raise PeerError(f"{odoo_src} is not an Odoo source tree (no base module)")
    todo, lines, done = list(names), [], set()
    with tempfile.TemporaryDirectory() as tmp:
        while todo:
            name = todo.pop(0)
            if name in done:
                continue
            done.add(name)
            dest = os.path.join(tmp, name)
            os.makedirs(dest)
            _pip_download(python, [f"{name}=={ODOO_SERIES}.*"], dest)
            (filename,) = os.listdir(dest)
            path = os.path.join(dest, filename)
            dist, version = _wheel_name(filename)
            lines.append(f"{dist}=={version} --hash=sha256:{_sha256(path)}")
            unpack([path], os.path.join(dest, "addons"))
            for manifest in modules_in(os.path.join(dest, "addons")).values():
                for dependency in manifest.get("depends", []):
                    if dependency not in known:
                        todo.append(dist_name(dependency))
    return sorted(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("fetch", help="download the pinned wheels and unpack them")
    sub.add_parser("list", help="list the unpacked peer modules")
    pin_parser = sub.add_parser("pin", help="rewrite bench/peers.txt")
    pin_parser.add_argument("names", nargs="+", help="odoo-addon-* distributions")
    parser.add_argument(
        "--odoo-src",
        default=os.environ.get("CS_ODOO_SRC")
        or os.environ.get("ODOO_SRC")
        or os.path.expanduser(f"~/.cache/odoo/{ODOO_SERIES}"),
        help="Odoo source tree, to tell Odoo's modules from OCA's",
    )
    args = parser.parse_args(argv)

    def say(message):
        print(f"peers: {message}", file=sys.stderr)

    try:
        if args.command == "fetch":
            ensure(odoo_addons_paths(args.odoo_src), log=say)
        elif args.command == "pin":
            lines = pin(args.names, args.odoo_src)
            with open(PINS, encoding="utf-8") as file:
                header = [line for line in file if line.startswith("#")]
            with open(PINS, "w", encoding="utf-8") as file:
                file.writelines(header)
                file.write("\n".join(lines) + "\n")
            say(f"{os.path.relpath(PINS)}:\n" + "\n".join(lines))
        for name, manifest in modules_in(ADDONS_DIR).items():
            print(f"{name:30} {manifest['version']}")
    except PeerError as error:
        sys.exit(f"peers: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
