"""docker/ and the README describe the same container.

Docker cannot run on the machines of this project, so these checks read the
files: the Dockerfile, docker-compose.yml and docker/odoo.conf name the same
addons path, ports and configuration as the README's Docker section, the
image keeps the base image's wkhtmltopdf, and the helper that picks the
addons' Python dependencies finds them in requirements.txt.
"""

import configparser
import importlib.util
import re
import shlex
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
DOCKER = REPO / "docker"
CONF_PATH = "/etc/odoo/odoo.conf"


def _dockerfile():
    """Instructions of docker/Dockerfile as (INSTRUCTION, argument) pairs."""
    text = (DOCKER / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            instructions.append((word.upper(), rest.strip()))
    return instructions


def _copies():
    """COPY instructions as {source: destination}."""
    copies = {}
    for word, rest in _dockerfile():
        if word == "COPY":
            *sources, dest = shlex.split(rest)
            for source in sources:
                copies[source] = dest
    return copies


def _conf():
    parser = configparser.ConfigParser()
    parser.read(DOCKER / "odoo.conf", encoding="utf-8")
    return dict(parser["options"])


def _compose():
    return yaml.safe_load((DOCKER / "docker-compose.yml").read_text(encoding="utf-8"))


def _readme_docker_section():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"^## Docker\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no '## Docker' section"
    return match.group(1)


def _addons_dest():
    copies = _copies()
    assert "addons" in copies, "docker/Dockerfile does not COPY addons"
    return copies["addons"].rstrip("/")


def _published_container_ports(service):
    ports = set()
    for mapping in service.get("ports", []):
        container = str(mapping).rsplit(":", 1)[-1].split("/")[0]
        ports.add(container)
    return ports


def test_docker_image_from_official_odoo_18():
    froms = [rest for word, rest in _dockerfile() if word == "FROM"]
    assert froms == ["odoo:18"]


def test_docker_keeps_patched_wkhtmltopdf_and_adds_cjk_fonts():
    runs = " ".join(rest for word, rest in _dockerfile() if word == "RUN")
    installs = re.findall(r"apt-get install ([^&]*)", runs)
    assert installs and not any("wkhtmltopdf" in i for i in installs), (
        "the image must keep the base image's wkhtmltopdf (patched Qt)"
    )
    assert 'wkhtmltopdf --version | grep -q "with patched qt"' in runs
    assert re.search(r"fonts-(noto-cjk|wqy-)", " ".join(installs))


def test_docker_addons_path_is_the_same_everywhere():
    dest = _addons_dest()
    conf = _conf()
    paths = [p.strip() for p in conf["addons_path"].split(",")]
    assert paths[0] == dest, (
        f"odoo.conf's addons_path starts with {paths[0]}, not {dest}"
    )
    assert f"`{dest}`" in _readme_docker_section()
    assert dest in (DOCKER / "README.md").read_text(encoding="utf-8")
    # the image's and the compose file's configuration file are the same one
    assert _copies().get("docker/odoo.conf") == CONF_PATH
    volumes = _compose()["services"]["odoo"]["volumes"]
    assert f"./odoo.conf:{CONF_PATH}:ro" in volumes


def test_docker_context_holds_what_the_image_copies():
    ignore = (DOCKER / "Dockerfile.dockerignore").read_text(encoding="utf-8")
    kept = {
        line[1:].rstrip("/") for line in ignore.splitlines() if line.startswith("!")
    }
    for source in _copies():
        assert source.rstrip("/") in kept, f"{source} is not in the build context"
    build = _compose()["services"]["odoo"]["build"]
    assert (DOCKER / build["context"]).resolve() == REPO
    assert build["dockerfile"] == "docker/Dockerfile"


def test_docker_ports_are_the_same_everywhere():
    conf = _conf()
    service = _compose()["services"]["odoo"]
    expected = {conf["http_port"]}
    if int(conf.get("workers", "0")) > 0:
        expected.add(conf["gevent_port"])
    assert _published_container_ports(service) == expected
    exposed = {
        p for word, rest in _dockerfile() if word == "EXPOSE" for p in rest.split()
    }
    assert {conf["http_port"], conf["gevent_port"]} <= exposed
    section = _readme_docker_section()
    for port in (conf["http_port"], conf["gevent_port"]):
        assert f"`{port}`" in section, (
            f"README's Docker section does not name port {port}"
        )


def test_docker_configuration_keys_match_the_readme():
    """The README's table of docker/odoo.conf lists each key with its value."""
    section = _readme_docker_section()
    table = re.search(r"<!-- docker-conf -->(.*?)<!-- /docker-conf -->", section, re.S)
    assert table, "README's Docker section has no <!-- docker-conf --> table"
    rows = dict(re.findall(r"^\| `(\w+)` \| `([^`]*)` \|", table.group(1), re.M))
    conf = _conf()
    assert set(rows) == set(conf), (
        f"in odoo.conf only: {sorted(set(conf) - set(rows))}; "
        f"in the README only: {sorted(set(rows) - set(conf))}"
    )
    for key, value in conf.items():
        assert rows[key] == value, (
            f"{key}: README says {rows[key]!r}, odoo.conf {value!r}"
        )
    # the production settings of the README are all set in the image's file
    text = (REPO / "README.md").read_text(encoding="utf-8")
    production = re.search(r"^## Production settings\n(.*?)(?=^## )", text, re.S | re.M)
    for key in re.findall(r"^\| `(\w+)`", production.group(1), re.M):
        assert key in conf, f"README's production setting {key} is not in odoo.conf"


def test_docker_database_settings_match_compose():
    conf = _conf()
    services = _compose()["services"]
    db = services[conf["db_host"]]
    assert db["image"].startswith("postgres:")
    assert db["environment"]["POSTGRES_USER"] == conf["db_user"]
    assert db["environment"]["POSTGRES_PASSWORD"] == conf["db_password"]
    env = services["odoo"]["environment"]
    assert (env["HOST"], env["USER"], env["PASSWORD"]) == (
        conf["db_host"],
        conf["db_user"],
        conf["db_password"],
    )
    assert conf["db_host"] in services["odoo"]["depends_on"]


@pytest.fixture
def addon_requirements():
    spec = importlib.util.spec_from_file_location(
        "addon_requirements", DOCKER / "addon_requirements.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docker_python_dependencies_from_requirements(
    addon_requirements, capsys, monkeypatch
):
    """On a bare Python, the image installs every declared dependency, pinned."""
    monkeypatch.setattr(addon_requirements, "installed", lambda name: False)
    addon_requirements.main(REPO / "addons", REPO / "requirements.txt")
    printed = capsys.readouterr().out.splitlines()
    names = {
        addon_requirements.canonical(re.split(r"[=;\s]", line)[0]) for line in printed
    }
    declared = {
        addon_requirements.canonical(n)
        for n in addon_requirements.declared(REPO / "addons")
    }
    assert declared and names == declared
    assert all("==" in line for line in printed)
    # installed ones are left to the image (Odoo's Debian dependencies)
    monkeypatch.setattr(addon_requirements, "installed", lambda name: True)
    addon_requirements.main(REPO / "addons", REPO / "requirements.txt")
    assert capsys.readouterr().out == ""
