"""The built wheel installs one import name, `claimhouse`, and nothing generic beside it."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # build from a copy: setuptools writes build/ and *.egg-info beside the sources it builds
    source = tmp_path_factory.mktemp("source") / "claimhouse"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__",
                                                                ".hypothesis", ".pytest_cache", "*.duckdb*"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    return next(out.glob("claimhouse-*.whl"))


def test_the_wheel_has_claimhouse_as_its_only_top_level_name(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert top == {"claimhouse"}
    assert "claimhouse/flows/claims/data/units.json" in names
    assert "claimhouse/warehouse/migrations/0001_core.sql" in names
    assert "claimhouse/flows/corpus/reference_figures.csv" in names


def test_installed_wheel_imports_claimhouse_and_not_flows(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    # -I: no current directory, no PYTHONPATH; the wheel's folder first, then the venv's packages
    probe = ("import sys; sys.path.insert(0, sys.argv[1])\n"
             "from claimhouse.flows.claims import extract_claims\n"
             "assert extract_claims('Over 20,000 people crossed.')[0].value == 20000\n"
             "import claimhouse.flows.claims.lexicon as lx; assert lx.__file__.startswith(sys.argv[1]), lx.__file__\n"
             "try:\n    import flows\nexcept ModuleNotFoundError:\n    print('no flows')\n"
             "else:\n    print('flows at', flows.__file__)\n")
    done = subprocess.run([sys.executable, "-I", "-c", probe, str(target)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "no flows"
