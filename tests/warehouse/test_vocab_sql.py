"""Each CHECK (... in (...)) in the .sql files repeats a tuple of schemas/vocab.py exactly."""
import re
from importlib.resources import files

import pytest

from claimhouse.schemas import vocab

VOCAB_OF_COLUMN = {
    "qualifier": vocab.QUALIFIERS,
    "direction": vocab.DIRECTIONS,
    "kind": vocab.KINDS,
    "modality": vocab.MODALITIES,
    "relation": vocab.RELATIONS,
}
IN_LIST = re.compile(r"\b(\w+)\s+in\s*\(\s*('[^)]*')\s*\)", re.IGNORECASE)
LITERAL = re.compile(r"'([^']*)'")
COMPARED_LITERAL = re.compile(r"\b(\w+)\s*=\s*'([^']*)'")


def sql_files(kind):
    entries = files("claimhouse.warehouse").joinpath(kind).iterdir()
    return sorted((e.name, e.read_text()) for e in entries if e.name.endswith(".sql"))


IN_LISTS = [
    (name, column, tuple(LITERAL.findall(values)))
    for name, text in sql_files("migrations")
    for column, values in IN_LIST.findall(text)
]


@pytest.mark.parametrize(
    ("file", "column", "values"), IN_LISTS, ids=[f"{f}:{c}" for f, c, _ in IN_LISTS]
)
def test_in_list_repeats_vocab(file, column, values):
    assert values == VOCAB_OF_COLUMN[column]


def test_every_enum_column_has_a_check():
    assert {column for _, column, _ in IN_LISTS} == set(VOCAB_OF_COLUMN)


def test_views_compare_enum_columns_with_known_values():
    compared = [
        (column, value)
        for _, text in sql_files("views")
        for column, value in COMPARED_LITERAL.findall(text)
        if column in VOCAB_OF_COLUMN
    ]
    assert [(c, v) for c, v in compared if v not in VOCAB_OF_COLUMN[c]] == []
