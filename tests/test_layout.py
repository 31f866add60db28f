"""Layering: the pure core and `extract --jsonl` never import Prefect or DuckDB."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports_after(code: str, stdin: str = "") -> set[str]:
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", probe], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    import json
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_pure_core_imports_neither_prefect_nor_duckdb():
    mods = _imports_after("import claimhouse.flows.claims.extract, claimhouse.flows.claims.link, claimhouse.flows.claims.scoring")
    assert not mods & {"prefect", "duckdb"}


def test_extract_jsonl_imports_neither_prefect_nor_duckdb():
    code = ("import sys\nsys.argv=['claimhouse','extract','--jsonl']\nfrom claimhouse.flows.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    mods = _imports_after(code, stdin='{"id": 1, "text": "Over 20,000 people crossed."}\n')
    assert "claimhouse" in mods and not mods & {"prefect", "duckdb"}


@pytest.mark.slow
def test_the_steps_of_a_run_import_no_prefect():
    mods = _imports_after("import claimhouse.flows.steps")
    assert "claimhouse" in mods and "prefect" not in mods
