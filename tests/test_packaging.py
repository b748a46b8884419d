"""Packaging: the wheel carries the dictionaries; the pre-commit hooks work for real.

Both run offline: the virtual environments see this environment's installed
dependencies (system site packages) and pip is told never to use an index.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

OFFLINE = {
    "PIP_NO_INDEX": "1",
    "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this as --no-build-isolation: build with installed hatchling
    "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
    "NO_COLOR": "1",
}


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=cwd,
        env={**os.environ, **OFFLINE, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_wheel_ships_dictionaries_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    p = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        cwd=tmp_path,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    wheel = next(dist.glob("repair-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    shipped = {
        n.split("/", 2)[2] for n in names if n.startswith("repair/dictionaries/") and n.count("/") >= 2
    }
    expected = {p.name for p in (ROOT / "dictionaries").iterdir() if p.is_file()}
    assert expected and expected <= shipped
    venv = tmp_path / "venv"
    p = run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    py = venv / "bin" / "python"
    p = run([str(py), "-m", "pip", "install", "--no-deps", str(wheel)], cwd=tmp_path)
    assert p.returncode == 0, p.stderr[-2000:]
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(SEED, outside / "seed.txt")
    p = run(
        [
            str(py),
            "-c",
            "import repair, repair.resources as r; print(repair.__file__); print(r.dictionaries_dir())",
        ],
        cwd=outside,
    )
    module, data = p.stdout.split()
    assert module.startswith(str(venv)) and data.startswith(str(venv)), p.stdout
    p = run([str(venv / "bin" / "repair"), "check", "--format", "json", "seed.txt"], cwd=outside)
    assert p.returncode == 1, p.stderr
    assert {"SCR001", "SCR002"} <= {f["rule"] for f in json.loads(p.stdout)}


DOC = """# Field notes

Troops landed outside the city.Credit:Example Press Agency

```text
Leave a Reply
the city.Credit:AP
```

Leave a Reply
"""


@pytest.mark.slow
def test_pre_commit_hooks_check_then_fix_and_leave_code_alone(tmp_path: Path) -> None:
    repo = tmp_path / "site"
    repo.mkdir()
    (repo / "notes.md").write_text(DOC, encoding="utf-8")
    env = {
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    for cmd in (["git", "init", "-q"], ["git", "add", "notes.md"], ["git", "commit", "-qm", "notes"]):
        assert run(cmd, cwd=repo, env=env).returncode == 0
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT)]
    check = run([*pre_commit, "repair-check", "--files", "notes.md"], cwd=repo, env=env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "SCR001" in check.stdout and "SCR002" in check.stdout
    fix = run([*pre_commit, "repair-fix", "--files", "notes.md"], cwd=repo, env=env)
    assert fix.returncode == 1, fix.stdout + fix.stderr  # files were modified
    fixed = (repo / "notes.md").read_text(encoding="utf-8")
    assert "Troops landed outside the city.\n" in fixed
    assert "```text\nLeave a Reply\nthe city.Credit:AP\n```" in fixed
    assert not fixed.rstrip().endswith("Leave a Reply")
    again = run([*pre_commit, "repair-check", "--files", "notes.md"], cwd=repo, env=env)
    assert again.returncode == 0, again.stdout
