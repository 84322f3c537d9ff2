"""Every addon is a Python package, as in OCA's 18.0 repositories.

- ``addons/<addon>/pyproject.toml`` names whool as the build backend (the
  ``whool-init`` hook of ``.pre-commit-config.yaml`` writes it for a new
  addon), and ``pip install ./addons/cs_member`` works in a fresh virtualenv
  that has Odoo: the wheel puts the addon under ``odoo/addons/`` with the
  metadata that whool derives from the manifest;
- the third-party Python modules an addon imports are declared in its
  manifest's ``external_dependencies`` (Odoo refuses to install the addon
  without them, pip installs them with the package), and each declared one is
  pinned in ``requirements.txt``;
- every addon has its Apps page (``static/description/index.html``, English
  and Chinese, with a screenshot), its icon and a CONTRIBUTORS fragment.

Every check covers each addon found under ``addons/``, whatever ``MODULES``
selects: none of them needs a database.
"""

import ast
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import tomllib

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"
ODOO_SERIES = "18.0"
WHOOL_BUILD_SYSTEM = {"requires": ["whool"], "build-backend": "whool.buildapi"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text(encoding="utf-8"))


def _addon_dirs():
    return sorted(
        path.parent
        for path in ADDONS.glob("*/__manifest__.py")
        if _manifest(path.parent).get("installable", True)
    )


ADDON_DIRS = _addon_dirs()
ADDON_IDS = [path.name for path in ADDON_DIRS]


def _canonical(name):
    """A distribution name normalised as PEP 503 does."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _odoo_root():
    import odoo  # noqa: PLC0415 - Odoo is on the path of `make test` only

    return Path(odoo.__file__).resolve().parent


def _imports(paths):
    """Top-level names of the absolute imports of these Python files."""
    names = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return names


def _odoo_server_imports():
    """What Odoo's server itself imports at module level (outside its addons).

    These libraries come with any working Odoo (its own requirements), so an
    addon does not declare them; anything else it imports is its own
    external dependency.
    """
    root = _odoo_root()
    names = set()
    for path in root.rglob("*.py"):
        if "addons" in path.relative_to(root).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in tree.body:
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module.split(".")[0])
    return names


def _third_party(names, provided):
    return {
        name
        for name in names
        if name not in sys.stdlib_module_names
        and name != "odoo"
        and name not in provided
    }


def _distributions(import_name):
    dists = importlib.metadata.packages_distributions().get(import_name)
    assert dists, (
        f"no installed distribution provides the module {import_name!r}: "
        "add it to requirements.txt"
    )
    return {_canonical(dist) for dist in dists}


def _pinned(*files):
    """Canonical names pinned with == in these requirements files."""
    pinned = set()
    for name in files:
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*==", line)
            if match:
                pinned.add(_canonical(match.group(1)))
    return pinned


@pytest.fixture(scope="module")
def odoo_provided():
    return _odoo_server_imports()


# --------------------------------------------------------------------------
# pyproject.toml and pip install
# --------------------------------------------------------------------------
def test_packaging_addons_found():
    assert ADDON_DIRS, "no installable addon under addons/"


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_pyproject_is_whool(addon_dir):
    """The file `whool init` writes, so that the whool-init hook changes nothing."""
    pyproject = addon_dir / "pyproject.toml"
    assert pyproject.is_file(), (
        f"{addon_dir.name} has no pyproject.toml: run `make lint` (whool-init hook) "
        "or `whool init addons`"
    )
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert data.get("build-system") == WHOOL_BUILD_SYSTEM
    version = _manifest(addon_dir)["version"]
    assert version.startswith(ODOO_SERIES + "."), (
        f"{addon_dir.name}: whool takes the Odoo series from the version {version}"
    )


def test_packaging_pre_commit_runs_whool_init():
    config = (REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "id: whool-init" in config
    assert "whool init --exit-non-zero-on-changes addons" in config


def _fresh_venv_with_odoo(tmp_path):
    """A new virtualenv that has Odoo and its requirements, but no addon.

    Odoo is a source tree here, not an installed distribution: a .pth file
    puts it and the project's virtualenv (Odoo's requirements, whool, wheel)
    on the new environment's path, and an ``odoo`` distribution record of
    the source's version lets pip resolve ``odoo==18.0.*`` as it would
    where Odoo was installed with pip.
    """
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", str(venv)],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    python = venv / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    paths = [str(_odoo_root().parent), sysconfig.get_paths()["purelib"]]
    Path(site, "cs_odoo.pth").write_text("\n".join(paths) + "\n", encoding="utf-8")
    from odoo import release  # noqa: PLC0415

    dist_info = Path(site, f"odoo-{release.serie}.dist-info")
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: odoo\nVersion: {release.serie}\n",
        encoding="utf-8",
    )
    (dist_info / "INSTALLER").write_text("cs-test\n", encoding="utf-8")
    (dist_info / "RECORD").write_text("", encoding="utf-8")
    return python, Path(site)


def _clean_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV"))
    }
    env.update(
        PIP_NO_INDEX="1",  # offline: everything the build needs is installed
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        # the manifest's version as it is, without whool's git post-version
        WHOOL_POST_VERSION_STRATEGY_OVERRIDE="none",
        **extra,
    )
    return env


INSPECT = r"""
import importlib.metadata, json, sys
import odoo.modules.module as module
out = {}
for addon in sys.argv[1:]:
    dist = importlib.metadata.distribution("odoo-addon-" + addon)
    out[addon] = {
        "name": dist.metadata["Name"],
        "version": dist.version,
        "requires": dist.requires or [],
        "files": [str(f) for f in dist.files or []],
        "location": str(dist.locate_file("")),
        "module_path": module.get_module_path(addon, display_warning=False),
    }
print(json.dumps(out))
"""


def test_packaging_pip_install_in_fresh_venv(tmp_path):
    """`pip install ./addons/cs_member` (and a dependent addon) in a new venv.

    Without --no-deps: pip resolves every Requires-Dist offline (Odoo, the
    addon depended on, the external packages), so the metadata holds.
    """
    addons = ["cs_member", "cs_callback"]
    python, site = _fresh_venv_with_odoo(tmp_path)
    env = _clean_env()
    proc = subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "--no-build-isolation",  # whool comes from the venv, offline
            *(f"./addons/{addon}" for addon in addons),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for addon in addons:
        assert (site / "odoo" / "addons" / addon / "__manifest__.py").is_file()
        assert not (site / "odoo" / "addons" / addon / "pyproject.toml").exists()
    proc = subprocess.run(
        [python, "-c", INSPECT, *addons],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    # Odoo's own addons: odoo/addons, and addons/ beside it in a git clone
    core = {
        path.name
        for folder in (_odoo_root() / "addons", _odoo_root().parent / "addons")
        if folder.is_dir()
        for path in folder.iterdir()
    }
    for addon in addons:
        manifest = _manifest(ADDONS / addon)
        info = found[addon]
        assert info["name"] == f"odoo-addon-{addon}"
        assert info["version"] == manifest["version"]
        expected = {f"odoo=={ODOO_SERIES}.*"}
        expected |= {
            f"odoo-addon-{dep}=={ODOO_SERIES}.*"
            for dep in manifest["depends"]
            if dep not in core
        }
        expected |= set(manifest.get("external_dependencies", {}).get("python", []))
        assert set(info["requires"]) == expected
        assert f"odoo/addons/{addon}/__manifest__.py" in info["files"]
        # Odoo finds the addon in the venv, not in this checkout
        assert info["module_path"] == str(site / "odoo" / "addons" / addon)


# --------------------------------------------------------------------------
# external Python dependencies
# --------------------------------------------------------------------------
@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_external_dependencies_declared(addon_dir, odoo_provided):
    """Each third-party module the addon's code imports is in its manifest."""
    code = [p for p in addon_dir.rglob("*.py") if "tests" not in p.parts]
    declared = {
        _canonical(name)
        for name in _manifest(addon_dir)
        .get("external_dependencies", {})
        .get("python", [])
    }
    missing = {}
    for name in sorted(_third_party(_imports(code), odoo_provided)):
        dists = _distributions(name)
        if not dists & declared:
            missing[name] = sorted(dists)
    assert not missing, (
        f"{addon_dir.name} imports {missing} without declaring it in "
        "external_dependencies['python'] (use the distribution name)"
    )


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_external_dependencies_pinned(addon_dir):
    """Each declared dependency is installed and pinned in requirements.txt."""
    manifest = _manifest(addon_dir)
    pinned = _pinned("requirements.txt")
    for name in manifest.get("external_dependencies", {}).get("python", []):
        # Odoo checks the distribution by this name (importlib.metadata)
        importlib.metadata.version(name)
        assert _canonical(name) in pinned, (
            f"{addon_dir.name} needs {name}: pin it in requirements.txt"
        )


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_test_imports_pinned(addon_dir, odoo_provided):
    """What the addon's tests import beyond Odoo is pinned for `make test`."""
    tests = [p for p in addon_dir.rglob("*.py") if "tests" in p.parts]
    pinned = _pinned("requirements.txt", "requirements-dev.txt")
    for name in sorted(_third_party(_imports(tests), odoo_provided)):
        assert _distributions(name) & pinned, (
            f"{addon_dir.name}'s tests import {name}: pin it in requirements-dev.txt"
        )


# --------------------------------------------------------------------------
# Apps page, icon, contributors
# --------------------------------------------------------------------------
@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_apps_description(addon_dir):
    """index.html in English and Chinese, with a screenshot beside it."""
    from lxml import html  # noqa: PLC0415

    description = addon_dir / "static" / "description"
    index = description / "index.html"
    assert index.is_file(), f"{addon_dir.name} has no static/description/index.html"
    doc = html.fromstring(index.read_bytes().decode("utf-8"))
    sections = {}
    for element in doc.xpath("//*[@lang]"):
        lang = element.get("lang")
        sections[lang] = sections.get(lang, "") + " " + element.text_content()
    assert set(sections) >= {"en", "zh-CN"}, (
        f"{index}: needs an English (lang='en') and a Chinese (lang='zh-CN') part"
    )
    assert CJK.search(sections["zh-CN"]), f"{index}: the zh-CN part has no Chinese"
    assert len(sections["en"].split()) >= 20, "the English part is too short"
    images = doc.xpath("//img/@src")
    shots = [src for src in images if src.endswith(".png") and src != "icon.png"]
    assert shots, f"{index}: no screenshot (<img src='....png'>)"
    for src in images:
        assert "/" not in src, f"{src}: Odoo serves description images by name"
        assert (description / src).is_file(), f"{index}: {src} is missing"


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_icon(addon_dir):
    icon = addon_dir / "static" / "description" / "icon.png"
    assert icon.is_file(), f"{addon_dir.name} has no static/description/icon.png"
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("addon_dir", ADDON_DIRS, ids=ADDON_IDS)
def test_packaging_readme_fragments(addon_dir):
    for fragment in ("DESCRIPTION.md", "USAGE.md", "CONFIGURE.md", "CONTRIBUTORS.md"):
        path = addon_dir / "readme" / fragment
        assert path.is_file() and path.read_text(encoding="utf-8").strip(), (
            f"{addon_dir.name} has no readme/{fragment}"
        )
    contributors = (addon_dir / "readme" / "CONTRIBUTORS.md").read_text(
        encoding="utf-8"
    )
    assert re.search(r"^- \S", contributors, re.M), (
        "CONTRIBUTORS.md: one '- name' a line"
    )
