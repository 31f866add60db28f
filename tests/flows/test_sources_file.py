"""The sources file: pure parsing, no Prefect, no fetching."""
from pathlib import Path

import pytest

from claimhouse.flows.ingest.sources import SourcesError, SourceSpec, adhoc_source, load_sources

ROOT = Path(__file__).resolve().parents[2]


def _load(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return load_sources(path)


def test_each_kind_becomes_a_source_with_its_settings(tmp_path):
    specs = _load(tmp_path, """
[defaults]
timeout_s = 5
allow_private = true
tags = ["lake"]

[sources.wire]
kind = "url"
url = "https://example.org/wire"
tags = ["wire"]
max_bytes = 1000

[sources.briefs]
kind = "folder"
path = "briefs"

[sources.ledger]
kind = "feed"
url = "https://example.org/rss"
timeout_s = 2.5
""")
    assert specs == [
        SourceSpec("wire", "url", "https://example.org/wire", ("lake", "wire"), 5.0, 1000, True),
        SourceSpec("briefs", "folder", str(tmp_path / "briefs"), ("lake",), 5.0, 20_000_000, True),
        SourceSpec("ledger", "feed", "https://example.org/rss", ("lake",), 2.5, 20_000_000, True),
    ]


def test_a_feed_source_is_fetched_as_a_feed():
    assert SourceSpec("x", "feed", "https://example.org/rss").target == "feed:https://example.org/rss"


def test_a_relative_path_starts_at_the_sources_file(tmp_path):
    (spec,) = _load(tmp_path, '[sources.one]\nkind = "file"\npath = "notes/a.md"\n')
    assert spec.location == str(tmp_path / "notes" / "a.md")


@pytest.mark.parametrize(("text", "message"), [
    ('[sources.a]\nkind = "rss"\nurl = "https://x.org"\n', "source 'a': kind must be one of file, folder, url, feed"),
    ('[sources.a]\nkind = "url"\npath = "x"\n', "source 'a': unknown key for kind 'url' 'path'"),
    ('[sources.a]\nkind = "url"\n', "source 'a': a url source needs exactly one `url`"),
    ('[sources.a]\nkind = "url"\nurl = "ftp://x.org/f"\n', "source 'a': url must start with http:// or https://"),
    ('[sources.a]\nkind = "file"\npath = "https://x.org"\n', "source 'a': `path` is a URL"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntimeout_s = 0\n', "source 'a': timeout_s must be a finite number"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntimeout_s = nan\n', "source 'a': timeout_s must be a finite"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntimeout_s = inf\n', "source 'a': timeout_s must be a finite"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntimeout_s = -1\n', "source 'a': timeout_s must be a finite"),
    ('[defaults]\nmax_parse_s = nan\n[sources.a]\nkind = "url"\nurl = "https://x.org"\n',
     "[defaults]: max_parse_s must be a finite"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\nmax_bytes = true\n', "max_bytes must be a whole number"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntags = "x"\n', "source 'a': tags must be a list"),
    ('[sources.a]\nkind = "url"\nurl = "https://x.org"\ntimout_s = 3\n', "unknown key for kind 'url' 'timout_s'"),
    ('[defaults]\nallow_private = "yes"\n[sources.a]\nkind = "url"\nurl = "https://x.org"\n',
     "[defaults]: allow_private must be true or false"),
    ('[source.a]\nkind = "url"\n', "unknown top-level key 'source'"),
    ('[defaults]\ntimeout_s = 3\n', "no sources; add at least one [sources.NAME] table"),
    ('[sources]\na = "https://x.org"\n', "source 'a': must be a table"),
    ('[sources.a\nkind = "url"\n', "not valid TOML"),
])
def test_a_bad_entry_is_named_with_the_file(tmp_path, text, message):
    with pytest.raises(SourcesError) as error:
        _load(tmp_path, text)
    assert str(error.value).startswith(str(tmp_path / "sources.toml")) and message in str(error.value)


def test_a_missing_file_says_where_to_look(tmp_path):
    with pytest.raises(SourcesError, match="no such sources file .*sources.example.toml"):
        load_sources(tmp_path / "nope.toml")


@pytest.mark.parametrize(("given", "kind", "target"), [
    ("feed:https://x.org/rss", "feed", "feed:https://x.org/rss"),
    ("https://x.org/a", "url", "https://x.org/a"),
    ("notes.md", "file", "notes.md"),
])
def test_a_command_line_source_keeps_its_string(given, kind, target):
    spec = adhoc_source(given)
    assert (spec.name, spec.kind, spec.target) == (given, kind, target)


def test_the_example_file_in_the_repo_loads():
    specs = load_sources(ROOT / "sources.example.toml")
    assert {spec.kind for spec in specs} == {"file", "folder", "url", "feed"}


def test_allow_hosts_are_read_per_source(tmp_path):
    (spec,) = _load(tmp_path, '[sources.a]\nkind = "feed"\nurl = "http://intranet.example/rss"\n'
                              'allow_hosts = ["intranet.example", "10.0.0.0/24"]\n')
    assert spec.allow_hosts == ("intranet.example", "10.0.0.0/24")


def test_a_bad_allow_hosts_entry_names_the_source(tmp_path):
    with pytest.raises(SourcesError, match="source 'a': allow_hosts: not a host name"):
        _load(tmp_path, '[sources.a]\nkind = "url"\nurl = "http://x.example/"\nallow_hosts = ["http://x/"]\n')


def test_max_feed_entries_is_a_setting(tmp_path):
    (spec,) = _load(tmp_path, '[defaults]\nmax_feed_entries = 50\n[sources.a]\nkind = "feed"\nurl = "https://x.org/rss"\n')
    assert spec.max_feed_entries == 50
