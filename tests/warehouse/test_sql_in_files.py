"""The Python of the warehouse and the link step holds no SQL: it names .sql files, and every
statement file it could name is named somewhere."""
import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SQL_START = re.compile(r"^\s*(select|with|insert\s+into|update\s+\w+\s+set|delete\s+from|create|drop|alter)\b",
                       re.IGNORECASE)
MODULES = ("warehouse/store.py", "flows/linking.py")
NAMED_BY_PYTHON = ("statements", "reads", "links")


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("module", MODULES)
def test_module_holds_no_sql_string(module):
    assert [s for s in _strings(ROOT / module) if SQL_START.match(s)] == []


@pytest.mark.parametrize("kind", NAMED_BY_PYTHON)
def test_every_statement_file_is_named_by_the_code(kind):
    sources = [p for folder in ("flows", "warehouse") for p in (ROOT / folder).rglob("*.py")]
    code = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    unused = [p.stem for p in sorted((ROOT / "warehouse" / kind).glob("*.sql")) if f'"{p.stem}"' not in code]
    assert unused == []
