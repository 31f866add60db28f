"""Nothing from a document or a server reaches the terminal raw: an OSC 52 clipboard write and a
clear-screen in a file name, in a feed entry's link and in a quote come out of `claimhouse run`
(its summary, its FAILED lines and Prefect's log lines) and `claimhouse extract` escaped."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main

pytestmark = pytest.mark.flow

OSC52 = "\x1b]52;c;Y2xpcGJvYXJk\x07"  # "write 'clipboard' to the clipboard"
CLEAR = "\x1b[2J"
C1_OSC52 = "\x9d52;c;Y2xpcGJvYXJk\x9c"  # the same in 8-bit controls, which XML allows
C1_CLEAR = "\x9b2J"
RAW = ("\x1b", "\x07", "\x9b", "\x9c", "\x9d", "\u202e")
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire {c1_clear}</title><link>https://wire.example/</link><description>d</description>
  <item><title>Entry {c1_clear}</title><guid>http://127.0.0.1:9/entry{c1_osc52}{c1_clear}</guid>
    <link>http://127.0.0.1:9/entry{c1_osc52}{c1_clear}</link></item>
</channel></rss>
""".format(c1_clear=C1_CLEAR, c1_osc52=C1_OSC52)


@pytest.fixture(scope="module")
def hostile_cli_run(cli_env, tmp_path_factory):
    root = tmp_path_factory.mktemp("escapes")
    folder = root / "inbox"
    folder.mkdir()
    (folder / f"empty{OSC52}{CLEAR}.txt").write_bytes(b"")
    (folder / "good.txt").write_text("About 12 ferries sank in 2023.\n")
    feed = root / "wire.xml"
    feed.write_text(FEED, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "claimhouse.flows.cli", "run", "--source", str(folder),
                           "--source", str(feed), "--db", str(root / "w.duckdb")],
                          capture_output=True, env=cli_env, timeout=600)
    return done, folder


def test_the_run_fails_the_hostile_documents_and_says_so(hostile_cli_run):
    done, _ = hostile_cli_run
    failed = [line for line in done.stderr.decode("utf-8", "replace").splitlines() if "FAILED: " in line]
    assert (done.returncode, len(failed)) == (3, 2)


@pytest.mark.parametrize("stream", ["stdout", "stderr"])
def test_no_control_character_from_a_document_reaches_the_terminal(hostile_cli_run, stream):
    done, _ = hostile_cli_run
    text = getattr(done, stream).decode("utf-8", "replace")
    assert [c for c in RAW if c in text] == []


def test_a_failed_file_name_is_shown_escaped(hostile_cli_run):
    done, folder = hostile_cli_run
    escaped = f"empty document: {folder}/empty\\x1b]52;c;Y2xpcGJvYXJk\\x07\\x1b[2J.txt"
    assert escaped in done.stderr.decode("utf-8")


def test_extract_escapes_controls_in_a_quote_and_json_gives_them_back():
    text = f"About 40{C1_CLEAR}\u202e ships sank."
    result = CliRunner().invoke(main, ["extract", "--jsonl"], input=json.dumps({"id": 1, "text": text}) + "\n")
    quotes = [json.loads(line)["quote"] for line in result.stdout.splitlines()]
    assert ([c for c in RAW if c in result.stdout], [q in text for q in quotes], len(quotes) > 0) == ([], [True], True)
