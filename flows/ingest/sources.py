"""The sources file (`sources.toml`): named sources, their tags and their fetch settings.

Pure: reads one TOML file with `tomllib` and returns frozen `SourceSpec`s; fetches nothing
and imports neither Prefect nor DuckDB. See `sources.example.toml` for the format:

    [defaults]                 # optional; every key may also be set per source
    timeout_s = 20
    max_bytes = 20_000_000
    max_parse_s = 30
    max_feed_entries = 200     # a longer feed is cut (the cut is noted in fetch_log)
    source_budget_s = 600      # a feed stops fetching entries after this long
    allow_private = false
    allow_hosts = []           # private hosts/addresses/networks allowed, e.g. ["10.0.0.5"]
    tags = []

    [sources.NAME]
    kind = "url"               # file | folder | url | feed
    url = "https://..."        # url and feed (a feed may give a local `path` instead)
    path = "briefs"            # file and folder; relative paths start at the sources file
    tags = ["migration"]
"""
from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimhouse.flows.ingest.addresses import AllowList

KINDS = ("file", "folder", "url", "feed")
FEED_PREFIX = "feed:"
HTTP_SCHEMES = ("http", "https")
TOP_LEVEL_KEYS = ("defaults", "sources")
# Fetch settings a source may set (and [defaults] may set for all): name -> (types, meaning).
SETTING_TYPES: Mapping[str, tuple[tuple[type, ...], str]] = {
    "timeout_s": ((int, float), "a finite number of seconds above 0"),
    "max_bytes": ((int,), "a whole number of bytes above 0"),
    "max_parse_s": ((int, float), "a finite number of seconds above 0"),
    "max_feed_entries": ((int,), "a whole number of entries above 0"),
    "source_budget_s": ((int, float), "a finite number of seconds above 0"),
    "allow_private": ((bool,), "true or false"),
    "allow_hosts": ((list,), 'a list of host names, addresses and networks ("10.0.0.5", "intranet.example", '
                             '"192.168.0.0/24")'),
    "tags": ((list,), "a list of strings"),
}
POSITIVE_KEYS = ("timeout_s", "max_bytes", "max_parse_s", "max_feed_entries", "source_budget_s")  # finite and above 0: nan, inf and -1 are refused
LOCATION_KEYS = {"file": ("path",), "folder": ("path",), "url": ("url",), "feed": ("url", "path")}
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_MAX_PARSE_S = 30.0
DEFAULT_MAX_FEED_ENTRIES = 200
DEFAULT_SOURCE_BUDGET_S = 600.0


class SourcesError(ValueError):
    """The sources file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """One source to fetch, with the settings its fetches use and the tags its documents get."""

    name: str
    kind: str  # file | folder | url | feed
    location: str  # an absolute path or an http(s) URL
    tags: tuple[str, ...] = ()
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    max_parse_s: float = DEFAULT_MAX_PARSE_S
    allow_hosts: tuple[str, ...] = ()  # private hosts, addresses and networks this source may reach
    max_feed_entries: int = DEFAULT_MAX_FEED_ENTRIES
    source_budget_s: float = DEFAULT_SOURCE_BUDGET_S

    @property
    def target(self) -> str:
        """What `claimhouse.flows.ingest.dispatch.fetch_source` takes: the location, `feed:`-prefixed for feeds."""
        return FEED_PREFIX + self.location if self.kind == "feed" else self.location


def adhoc_source(source: str, timeout_s: float = DEFAULT_TIMEOUT_S, max_bytes: int = DEFAULT_MAX_BYTES,
                 allow_private: bool = False, allow_hosts: tuple[str, ...] = ()) -> SourceSpec:
    """A source given on the command line (`--source`): its name is the string itself."""
    text = source.strip()
    if text.lower().startswith(FEED_PREFIX):
        kind, location = "feed", text[len(FEED_PREFIX):]
    elif urlsplit(text).scheme.lower() in HTTP_SCHEMES:
        kind, location = "url", text
    else:
        kind, location = ("folder" if Path(text).expanduser().is_dir() else "file"), text
    return SourceSpec(name=source, kind=kind, location=location, timeout_s=timeout_s,
                      max_bytes=max_bytes, allow_private=allow_private, allow_hosts=tuple(allow_hosts))


def load_sources(path: str | Path) -> list[SourceSpec]:
    """Every source of a sources file, in file order. Raises SourcesError naming the file
    and the entry for anything it cannot use (unknown keys included: they are usually typos)."""
    path = Path(path).expanduser()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourcesError(f"{path}: no such sources file (see sources.example.toml)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesError(f"{path}: cannot read the sources file: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: not valid TOML: {error}") from None
    return parse_sources(data, path)


def parse_sources(data: Mapping[str, Any], path: Path) -> list[SourceSpec]:
    """The sources of an already parsed sources file; `path` names it in errors and anchors
    relative paths."""
    _refuse_unknown(data, TOP_LEVEL_KEYS, f"{path}", "top-level key")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise SourcesError(f"{path}: [defaults] must be a table of settings, not {_kind_of(defaults)}")
    _refuse_unknown(defaults, tuple(SETTING_TYPES), f"{path}: [defaults]", "setting")
    base = _settings(defaults, f"{path}: [defaults]")
    entries = data.get("sources", {})
    if not isinstance(entries, dict) or not entries:
        raise SourcesError(f"{path}: no sources; add at least one [sources.NAME] table "
                           "(see sources.example.toml)")
    return [_source(name, entry, base, path) for name, entry in entries.items()]


def _source(name: str, entry: Any, base: dict[str, Any], path: Path) -> SourceSpec:
    where = f"{path}: source {name!r}"
    if not isinstance(entry, dict):
        raise SourcesError(f"{where}: must be a table ([sources.{name}]), not {_kind_of(entry)}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourcesError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    allowed = ("kind", *LOCATION_KEYS[kind], *SETTING_TYPES)
    _refuse_unknown(entry, allowed, where, f"key for kind {kind!r}")
    settings = base | _settings(entry, where)
    tags = tuple(dict.fromkeys((*base.get("tags", ()), *entry.get("tags", ()))))
    return SourceSpec(name=name, kind=kind, location=_location(kind, entry, where, path), tags=tags,
                      timeout_s=float(settings.get("timeout_s", DEFAULT_TIMEOUT_S)),
                      max_bytes=settings.get("max_bytes", DEFAULT_MAX_BYTES),
                      allow_private=settings.get("allow_private", False),
                      max_parse_s=float(settings.get("max_parse_s", DEFAULT_MAX_PARSE_S)),
                      allow_hosts=tuple(settings.get("allow_hosts", ())),
                      max_feed_entries=settings.get("max_feed_entries", DEFAULT_MAX_FEED_ENTRIES),
                      source_budget_s=float(settings.get("source_budget_s", DEFAULT_SOURCE_BUDGET_S)))


def _location(kind: str, entry: dict[str, Any], where: str, path: Path) -> str:
    given = [key for key in LOCATION_KEYS[kind] if key in entry]
    if len(given) != 1:
        keys = " or ".join(f"`{key}`" for key in LOCATION_KEYS[kind])
        raise SourcesError(f"{where}: a {kind} source needs exactly one {keys}")
    key = given[0]
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise SourcesError(f"{where}: `{key}` must be a non-empty string, not {value!r}")
    value = value.strip()
    scheme = urlsplit(value).scheme.lower()
    if key == "url":
        if scheme not in HTTP_SCHEMES:
            raise SourcesError(f"{where}: url must start with http:// or https://, not {value!r}")
        return value
    if scheme in HTTP_SCHEMES:
        raise SourcesError(f"{where}: `path` is a URL ({value!r}); use `url` and kind \"url\" or \"feed\"")
    location = Path(value).expanduser()
    return str(location if location.is_absolute() else (path.parent / location).absolute())


def _settings(table: dict[str, Any], where: str) -> dict[str, Any]:
    found = {}
    for key, (types, meaning) in SETTING_TYPES.items():
        if key not in table:
            continue
        value = table[key]
        wrong_type = not isinstance(value, types) or (isinstance(value, bool) and bool not in types)
        if wrong_type or (key in POSITIVE_KEYS and not (math.isfinite(value) and value > 0)):
            raise SourcesError(f"{where}: {key} must be {meaning}, not {value!r}")
        if key in ("tags", "allow_hosts") and not all(isinstance(item, str) and item.strip() for item in value):
            raise SourcesError(f"{where}: {key} must be {meaning}, not {value!r}")
        if key == "allow_hosts":
            try:
                AllowList.parse(value)
            except ValueError as error:
                raise SourcesError(f"{where}: allow_hosts: {error}") from None
        found[key] = [item.strip() for item in value] if key in ("tags", "allow_hosts") else value
    return found


def _refuse_unknown(table: Mapping[str, Any], allowed: tuple[str, ...], where: str, what: str) -> None:
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise SourcesError(f"{where}: unknown {what} {', '.join(map(repr, unknown))}; "
                           f"expected one of {', '.join(allowed)}")


def _kind_of(value: Any) -> str:
    return f"a {type(value).__name__} ({value!r})"
