"""parse_front_matter: pure, str in."""
from __future__ import annotations

from datetime import date

import pytest

from claimhouse.flows.ingest.front_matter import FrontMatter, FrontMatterError, parse_front_matter, parse_published


def test_text_without_front_matter_is_all_body():
    assert parse_front_matter("Title\n---\nmore") == FrontMatter(body="Title\n---\nmore")


def test_crlf_line_ends_are_kept_in_the_body():
    assert parse_front_matter("---\r\ntitle: T\r\n---\r\nLine 1\r\nLine 2").body == "Line 1\r\nLine 2"


def test_quoted_values_keep_their_colons():
    assert parse_front_matter('---\ntitle: "Budget: 2026"\n---\nx').title == "Budget: 2026"


def test_tags_may_be_a_bracketed_list():
    assert parse_front_matter("---\ntags: [a, 'b c']\n---\nx").tags == ("a", "b c")


def test_unknown_keys_blank_lines_and_comments_are_allowed():
    meta = parse_front_matter("---\n# note\n\nlicence: CC-BY\nauthor: A\n---\nx")
    assert (meta.author, meta.unknown_keys, meta.body) == ("A", ("licence",), "x")


@pytest.mark.parametrize(("value", "expected"), [("2025", date(2025, 1, 1)), ("2025-2", date(2025, 2, 1))])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


def test_an_error_names_the_file_and_the_line():
    with pytest.raises(FrontMatterError, match=r"^notes\.md: line 3: front matter line is not 'key: value'"):
        parse_front_matter("---\ntitle: T\njust words\n---\nx", "notes.md")
