"""The SQL repeats the enums of schemas/vocab.py exactly: each CHECK (... in (...)) in the
migrations, and every `in (...)` list, comparison, `case x when`, CASE result and
coalesce default on an enum column in any .sql file (or in the SQL warehouse/store.py holds)."""
import re
from importlib.resources import files

import pytest

from claimhouse.schemas import vocab
from claimhouse.warehouse import store

VOCAB_OF_COLUMN = {
    "qualifier": vocab.QUALIFIERS,
    "direction": vocab.DIRECTIONS,
    "kind": vocab.KINDS,
    "modality": vocab.MODALITIES,
    "relation": vocab.RELATIONS,
    "target": vocab.REVIEW_TARGETS,
    "decision": vocab.DECISIONS,
    "field": vocab.CORRECTED_FIELDS,
}
# Columns no migration CHECKs, but which the views and statements compare or produce.
# `status` is a run's (run_rows) or, in the store's version planning, a document's.
DERIVED_VOCAB = {
    "verdict": vocab.VERDICTS,
    "match": vocab.MATCH_KINDS,
    "status": vocab.RUN_STATUSES + vocab.DOCUMENT_STATUSES,
    "review": vocab.CLAIM_DECISIONS,
    "item": vocab.QUEUE_ITEMS,
}
ANY_VOCAB = {**VOCAB_OF_COLUMN, **DERIVED_VOCAB}
IN_LIST = re.compile(r"\b(\w+)\s+in\s*\(\s*('[^)]*')\s*\)", re.IGNORECASE)
ANY_IN_LIST = re.compile(r"\b(?:\w+\.)?(\w+)\s+(?:not\s+)?in\s*\(\s*('[^)]*')\s*\)", re.IGNORECASE)
LITERAL = re.compile(r"'([^']*)'")
COMPARED_LITERAL = re.compile(r"\b(\w+)\s*=\s*'([^']*)'")
ANY_COMPARED_LITERAL = re.compile(r"\b(?:\w+\.)?(\w+)\s*(?:=|<>|!=)\s*'([^']*)'")
CASE_WHEN = re.compile(r"\bcase\s+(?:\w+\.)?(\w+)\s+(when\b.*?)\bend\b", re.IGNORECASE | re.DOTALL)
CASE_RESULT = re.compile(r"\bcase\b((?:(?!\bcase\b).)*?)\bend\s+as\s+(\w+)", re.IGNORECASE | re.DOTALL)
THEN_LITERAL = re.compile(r"\b(?:then|else)\s+'([^']*)'", re.IGNORECASE)
# A macro (warehouse/macros/) whose CASE yields an enum column's value, and the column it yields.
MACRO_CASE = re.compile(r"\bmacro\s+(\w+)\s*\([^)]*\)\s+as\s+case\b(.*?)\bend\b", re.IGNORECASE | re.DOTALL)
MACRO_RESULT_COLUMN = {"pair_relation": "relation"}
COALESCE_DEFAULT = re.compile(r"\bcoalesce\(\s*(?:\$|\w+\.)?(\w+)\s*,\s*'([^']*)'\s*\)", re.IGNORECASE)


def sql_files(kind):
    entries = files("claimhouse.warehouse").joinpath(kind).iterdir()
    return sorted((e.name, e.read_text()) for e in entries if e.name.endswith(".sql"))


def all_sql():
    """Every .sql file of the warehouse package, and the SQL strings store.py holds."""
    root = files("claimhouse.warehouse")
    found = [(f"{d.name}/{name}", text) for d in root.iterdir() if d.is_dir() and not d.name.startswith("__")
             for name, text in sql_files(d.name)]
    found += [(f"store.{name}", value) for name, value in vars(store).items()
              if name.isupper() and isinstance(value, str)]
    return sorted(found)


def strip_comments(sql):
    return re.sub(r"--[^\n]*", "", sql)


ALL_SQL = [(name, strip_comments(text)) for name, text in all_sql()]

# The last migration that states a column's CHECK is the one in force (0005 rebuilt link_rows
# with `updates`; 0001 and 0003 are history).
IN_LISTS = list({
    column: (name, column, tuple(LITERAL.findall(values)))
    for name, text in sql_files("migrations")
    for column, values in IN_LIST.findall(text)
}.values())


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


def enum_literals():
    """(file, construct, column, value) for every literal the SQL puts against an enum column."""
    out = []
    for name, text in ALL_SQL:
        for column, values in ANY_IN_LIST.findall(text):
            out += [(name, "in", column, v) for v in LITERAL.findall(values)]
        out += [(name, "compare", c, v) for c, v in ANY_COMPARED_LITERAL.findall(text)]
        for column, arms in CASE_WHEN.findall(text):
            out += [(name, "case when", column, v) for v in re.findall(r"when\s+'([^']*)'", arms, re.IGNORECASE)]
        for body, column in CASE_RESULT.findall(text):
            out += [(name, "case result", column, v) for v in THEN_LITERAL.findall(body)]
        for macro, body in MACRO_CASE.findall(text):
            if macro in MACRO_RESULT_COLUMN:
                out += [(name, "case result", MACRO_RESULT_COLUMN[macro], v) for v in THEN_LITERAL.findall(body)]
        out += [(name, "coalesce", c, v) for c, v in COALESCE_DEFAULT.findall(text)]
    return [row for row in out if row[2] in ANY_VOCAB]


def test_sql_puts_only_vocab_values_against_enum_columns():
    literals = enum_literals()
    assert [row for row in literals if row[3] not in ANY_VOCAB[row[2]]] == []


@pytest.mark.parametrize(
    ("column", "expected"),
    [("relation", vocab.RELATIONS), ("match", vocab.MATCH_KINDS), ("status", vocab.DOCUMENT_STATUSES)],
)
def test_case_results_produce_the_whole_vocab(column, expected):
    produced = {v for _, construct, c, v in enum_literals() if construct == "case result" and c == column}
    assert produced == set(expected)


def test_verdicts_produced_or_defaulted_are_the_vocab():
    produced = {v for _, construct, c, v in enum_literals()
                if c == "verdict" and construct in ("case result", "coalesce")}
    assert produced == set(vocab.VERDICTS)


def test_the_relation_macro_is_scanned():
    # pair_relation yields `relation` for group_candidates and decided_links: its values are checked
    assert {v for name, construct, c, v in enum_literals() if name == "macros/intervals.sql"} == set(vocab.RELATIONS)


def test_enum_literal_scan_sees_every_construct():
    # the patterns above must keep matching the SQL they guard: each construct occurs
    assert {construct for _, construct, _, _ in enum_literals()} == {
        "in", "compare", "case when", "case result", "coalesce"}
