"""How buurtlog is installed and started: the lock files, the wheel, and the README's commands."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from dotenv import dotenv_values

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REQUIREMENT = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)")


def tracked_files() -> list[str]:
    """Return the files git tracks: what a fresh clone holds."""
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in listing.split("\0") if name and (ROOT / name).exists()]


def normalised(name: str) -> str:
    """Return a package name as pip compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path: Path) -> dict[str, str]:
    """Read a lock file into {name: version}, failing on any pin without a hash."""
    pins = {}
    for block in re.split(r"\n(?=\S)", path.read_text()):
        lines = block.strip().splitlines()
        if not lines or lines[0].startswith("#"):
            continue
        match = REQUIREMENT.match(lines[0])
        assert match, f"{path.name}: not an exact pin: {lines[0]!r}"
        assert any(line.strip().startswith("--hash=sha256:") for line in lines[1:]), (
            f"{path.name}: {match[1]} is pinned without a hash"
        )
        pins[normalised(match[1])] = match[2]
    return pins


def requirement_names(specs: list[str]) -> set[str]:
    """Return the normalised package names of requirement strings."""
    return {normalised(re.match(r"[A-Za-z0-9_.\-]+", spec)[0]) for spec in specs}


def test_lock_files_pin_every_dependency_by_hash():
    """Pin every dependency `make` installs to one version with its hashes, the test lock
    agreeing with the app's lock on every package they share."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    app, test = locked(ROOT / "requirements.lock"), locked(ROOT / "requirements-test.lock")
    extras = project["optional-dependencies"]
    assert requirement_names(project["dependencies"] + extras["build"]) <= app.keys()
    assert requirement_names(extras["test"]) <= test.keys()
    assert {name: test[name] for name in app} == app


def test_make_installs_from_the_lock_files_only():
    """Install with --require-hashes from the lock files and the app itself without resolving."""
    plan = subprocess.run(
        ["make", "-n", "-B", "install-test"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    installs = [line for line in plan.splitlines() if "pip install" in line]
    assert installs, plan
    for line in installs:
        assert ("--require-hashes" in line and "requirements-test.lock" in line) or (
            "--no-deps" in line and "--no-build-isolation" in line
        ), line


def test_make_run_serves_with_gunicorn_and_make_dev_with_the_debugger():
    """Migrate, load the demo and serve with gunicorn on `make run`; no debugger unless
    `make dev` asks for it."""
    assert "FLASK_DEBUG" not in dotenv_values(ROOT / ".flaskenv")
    run = subprocess.run(
        ["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    serve = [line for line in run if "/gunicorn " in line]
    assert len(serve) == 1 and "app:app" in serve[0] and "--debug" not in " ".join(run)
    steps = [
        next(i for i, line in enumerate(run) if command in line)
        for command in ("flask db upgrade", "flask demo", "/gunicorn ")
    ]
    assert steps == sorted(steps)
    dev = subprocess.run(
        ["make", "-n", "dev"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "flask run --debug" in dev


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from the files a fresh clone holds (no compiled catalogues among them)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to know what a fresh clone holds")
    source = tmp_path_factory.mktemp("clone")
    for name in tracked_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            str(BIN / "pip"),
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("buurtlog-*.whl"))


def test_the_wheel_holds_every_module_template_static_file_catalogue_and_migration(wheel):
    """Ship every file the app reads at run time, and the compiled Dutch catalogue."""
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = {name for name in tracked_files() if name.startswith("buurtlog/")}
    assert needed - names == set()
    assert "buurtlog/translations/nl/LC_MESSAGES/messages.mo" in names
    assert any(name.startswith("buurtlog/migrations/versions/") for name in names)


def test_an_installed_wheel_migrates_and_serves_in_both_languages(wheel, tmp_path):
    """Install the wheel outside the checkout, migrate a new database and serve its pages."""
    target = tmp_path / "site"
    subprocess.run(
        [str(BIN / "pip"), "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "FLASK_SECRET_KEY": "wheel-test",
        "FLASK_SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'wheel.sqlite'}",
    }
    env.pop("FLASK_APP", None)
    upgrade = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "buurtlog", "db", "upgrade"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert upgrade.returncode == 0, upgrade.stderr
    script = """
import buurtlog
from buurtlog import create_app
app = create_app()
client = app.test_client()
print(buurtlog.__file__)
print(client.get("/login", headers={"Accept-Language": "nl"}).get_data(as_text=True))
print(client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True))
print(client.get("/static/css/buurtlog.css").status_code)
print(client.get("/sw.js").status_code)
"""
    served = subprocess.run(
        [sys.executable, "-c", script], cwd=work, env=env, capture_output=True, text=True
    )
    assert served.returncode == 0, served.stderr
    assert served.stdout.startswith(str(target))
    assert "Inloggen" in served.stdout and "Sign in" in served.stdout
    assert served.stdout.rstrip().endswith("200\n200")
