"""The repository root installs as ONE import package, ``phakhi``."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build_dir = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, cwd=build_dir, capture_output=True, text=True)
    wheels = list(out.glob("phakhi-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_holds_only_the_phakhi_package(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"phakhi"}
    # generic names must not escape into site-packages
    for generic in ("graph", "queries", "loaders", "ontology", "tests", "cli.py"):
        assert generic not in top


def test_wheel_carries_the_subpackages_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("phakhi/__init__.py", "phakhi/cli.py", "phakhi/graph/model.py",
                     "phakhi/ontology/schema.yaml", "phakhi/ontology/__init__.py"):
        assert required in names
    assert any(n.startswith("phakhi/ontology/gazetteers/") and n.endswith(".yaml") for n in names)
    assert not any(n.startswith("phakhi/tests/") for n in names)


def test_every_package_directory_is_listed_in_setup_cfg() -> None:
    """A new sub-package must be added to setup.cfg, or it silently misses the wheel."""
    listed = {line.strip() for line in (ROOT / "setup.cfg").read_text().split("[options]")[1]
              .split("install_requires")[0].splitlines() if line.strip().startswith("phakhi")}
    found = {"phakhi"}
    for init in ROOT.rglob("__init__.py"):
        rel = init.parent.relative_to(ROOT)
        if rel.parts and rel.parts[0] in {"tests", ".venv", "venv", "build", "examples", "scripts"}:
            continue
        if any(part.startswith(".") for part in rel.parts):
            continue
        if rel.parts:
            found.add("phakhi." + ".".join(rel.parts))
    assert found <= listed, f"packages missing from setup.cfg: {sorted(found - listed)}"
