"""The wheel carries the seeds: built, installed in a fresh venv, the README demo works."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "knowledge", "bot", "cli", "seeds")


def _build_wheel(tmp: Path) -> Path:
    """Build from a copy of the sources, offline (no isolation, no dependencies)."""
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, src / name)
    out = tmp / "dist"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "-q",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        str(out),
        str(src),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {done.stderr.strip()[-300:]}")
    return next(out.glob("*.whl"))


def _fresh_venv(tmp: Path) -> Path:
    """A venv without pip that sees this environment's dependencies (never its editable code)."""
    env = tmp / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    site = subprocess.check_output(
        [str(python), "-c", "import site; print(site.getsitepackages()[0])"], text=True
    ).strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    return python


def test_wheel_install_runs_the_readme_demo(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path)
    python = _fresh_venv(tmp_path)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=120,
    )
    work = tmp_path / "work"
    (work / "seeds" / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "seeds/articles/rewritten.txt", work / "seeds/articles/rewritten.txt")
    factcheck = python.parent / "factcheck"
    done = subprocess.run(
        [str(factcheck), "check", "seeds/articles/rewritten.txt", "--json"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    where = subprocess.check_output(
        [str(python), "-c", "import knowledge; print(knowledge.__file__)"], cwd=work, text=True
    )
    assert str(tmp_path) in where  # the installed wheel ran, not the source checkout
    assert '"verdict": "contradicted"' in done.stdout  # it flags the altered claims
    russian = subprocess.check_output(
        [str(python), "-c", _SAY_IN_RUSSIAN], cwd=work, text=True, encoding="utf-8"
    )
    assert "bot/locale/ru" in russian.replace("\\", "/") and str(tmp_path) in russian
    assert "Пока я проверяю только тексты на английском" in russian  # the compiled catalogue

    # the pair model and the same-claim model ship in the wheel and run from the installed
    # package
    scored = subprocess.run(
        [
            str(python),
            "-c",
            "from knowledge.pair_model import PairModel, packaged_path, packaged_same_claim_path; "
            "print(packaged_path()); print(len(PairModel.load().score([('a', 'b')])));"
            "print(packaged_same_claim_path());"
            "print(len(PairModel.load(packaged_same_claim_path()).score([('a', 'b')])))",
        ],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert scored.returncode == 0, scored.stderr
    lines = scored.stdout.split()
    assert all(str(tmp_path) in lines[i] for i in (0, 2)) and lines[1] == lines[3] == "1"


_SAY_IN_RUSSIAN = """
from bot.i18n import LOCALE_DIR, translations
from bot.handlers.readers import HELP_TEXT
print(LOCALE_DIR / "ru")
print(translations("ru").gettext(HELP_TEXT))
"""
