"""`claimhouse extract --jsonl` on hostile lines: each bad line is skipped and named on stderr
(`stdin line N: ...`), the rest of the stream is extracted, and the exit status is 3."""
import json

from click.testing import CliRunner

from claimhouse.flows.cli import main

GOOD = b'{"id": "first", "text": "About 40 ships sank."}'
LAST = b'{"id": "last", "text": "Some 7 boats sank."}'
BAD_LINES = {
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "surrogate-id": b'{"id": "\\ud800", "text": "About 5 boats sank."}',
    "surrogate-text": b'{"id": "s", "text": "About 5 boats \\udfff sank."}',
    "date-past-9999": b'{"id": "d", "text": "About 5 boats sank.", "published": "10000-01-01"}',
    "invalid-utf8": b'{"id": "u", "text": "About 5 boats \xff\xfe sank."}',
    "not-an-object": b'[1, 2, 3]',
}


def _extract(stdin: bytes):
    return CliRunner().invoke(main, ["extract", "--jsonl"], input=stdin)


def test_every_bad_line_is_skipped_and_named_and_the_stream_goes_on():
    lines = [GOOD, *BAD_LINES.values(), LAST]
    result = _extract(b"\n".join(lines) + b"\n")
    named = sorted(int(line.split()[2].rstrip(":")) for line in result.stderr.splitlines()
                   if line.startswith("stdin line "))
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert (result.exit_code, named, ids) == (3, list(range(2, 2 + len(BAD_LINES))), ["first", "last"])


def test_a_lone_surrogate_is_named_as_such():
    result = _extract(BAD_LINES["surrogate-id"] + b"\n")
    assert "stdin line 1: " in result.stderr and "surrogate" in result.stderr


def test_invalid_utf8_is_named_as_such():
    result = _extract(BAD_LINES["invalid-utf8"] + b"\n")
    assert "stdin line 1: " in result.stderr and "UTF-8" in result.stderr


def test_deep_json_is_named_as_too_deep():
    result = _extract(BAD_LINES["deep"] + b"\n")
    assert "stdin line 1: " in result.stderr and "deep" in result.stderr


def test_the_last_publication_date_python_holds_is_no_bad_line():
    line = b'{"id": "d", "text": "Sales will rise 5% next year.", "published": "9999-12-31"}'
    result = _extract(line + b"\n")
    assert (result.exit_code, [json.loads(x)["period_start"] for x in result.stdout.splitlines()]) == (0, [None])


def test_a_line_over_max_line_bytes_is_skipped_without_being_held_whole():
    long_line = b'{"id": "long", "text": "' + b"5 boats " * 1000 + b'"}'
    result = CliRunner().invoke(main, ["extract", "--jsonl", "--max-line-bytes", "100"],
                                input=b"\n".join([long_line, LAST]) + b"\n")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert (result.exit_code, ids, "stdin line 1: skipped, line over 100 bytes" in result.stderr) == (3, ["last"], True)


def test_a_line_s_source_tells_the_publisher_s_dollar():
    lines = [b'{"id": "au", "text": "The SUV costs $84,216.", "source": "https://thewest.com.au/motoring/x"}',
             b'{"id": "us", "text": "The SUV costs $84,216.", "source": "https://example.com/motoring/x"}',
             b'{"id": "odd", "text": "The SUV costs $84,216.", "source": 7}']
    result = _extract(b"\n".join(lines) + b"\n")
    units = {json.loads(x)["id"]: json.loads(x)["unit"] for x in result.stdout.splitlines()}
    assert (result.exit_code, units) == (0, {"au": "AUD", "us": "USD", "odd": "USD"})
