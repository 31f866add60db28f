"""One output-format helper shared by every read command: table, csv or json.

Values come from documents, so they may hold characters a terminal acts on instead of showing
(escape sequences, bells, carriage returns, bidirectional overrides). Table and CSV output shows
them as backslash escapes (`\\x1b`, `\\u202e`); CSV keeps newlines and tabs, which its quoting
handles. JSON output escapes them the JSON way, so `json.loads` gives back the exact value."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import decimal
import json
import logging
import math
import re
from typing import IO, Any, Iterator, Sequence

FORMATS = ("table", "csv", "json")
MAX_CELL = 80
# Shown escaped in table and CSV output: C0 and C1 controls, DEL, and the bidirectional marks,
# embeddings, overrides and isolates. Newlines and tabs stay in CSV (its quoting handles them);
# in a table cell they become spaces.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"\r\n|[\n\r\t]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """`text` with the characters a terminal would act on escaped (for any line printed)."""
    return _UNSAFE.sub(_escaped, text)


def shown_line(text: str) -> str:
    """`shown(text)` on one line: newlines escaped too, so a name cannot fake a line of output."""
    return shown(text).replace("\n", "\\n")


class EscapingFilter(logging.Filter):
    """Escapes what a log record says (its message, arguments and traceback) before any handler
    writes it, since a run logs URLs, file names and server replies."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = shown(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = shown(record.exc_text)
        return True


class ReportedErrorsWithoutTraceback(logging.Filter):
    """Drops the traceback from a log record whose exception is one of `reported`: errors the
    command shows itself, once, as a worded one-line error (a full disk, a busy warehouse), where
    Prefect's task and flow failure lines would print the same error again with its traceback.
    A record of any other exception (a defect) keeps its traceback. Runs before EscapingFilter,
    which renders the traceback into the record's text."""

    def __init__(self, reported: tuple[type[BaseException], ...]):
        super().__init__()
        self.reported = reported

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], self.reported):
            record.exc_info, record.exc_text = None, None
        return True


def _loggers(logger_names: tuple[str, ...]) -> list[logging.Logger]:
    loggers = [logging.getLogger(name) for name in logger_names]
    loggers += [logger for name, logger in logging.Logger.manager.loggerDict.items()
                if isinstance(logger, logging.Logger) and name.startswith(tuple(n + "." for n in logger_names if n))]
    return loggers


def escape_log_handlers(logger_names: tuple[str, ...] = ("", "prefect"),
                        reported: tuple[type[BaseException], ...] = ()) -> None:
    """Add one EscapingFilter to every handler of these loggers and their children (once each),
    after a ReportedErrorsWithoutTraceback for `reported` when it is given."""
    for logger in _loggers(logger_names):
        for handler in logger.handlers:
            if reported and not any(isinstance(f, ReportedErrorsWithoutTraceback) for f in handler.filters):
                handler.filters.insert(0, ReportedErrorsWithoutTraceback(reported))
            if not any(isinstance(f, EscapingFilter) for f in handler.filters):
                handler.addFilter(EscapingFilter())


@contextlib.contextmanager
def reported_errors_without_traceback(reported: tuple[type[BaseException], ...]) -> Iterator[None]:
    """While the block runs, every log record is made without the traceback of a `reported`
    error and escaped as it is created, whichever handler writes it: Prefect sets logging up again
    while a run starts its temporary server, and the handlers it makes then carry no filter of ours."""
    drop, escape = ReportedErrorsWithoutTraceback(reported), EscapingFilter()
    before = logging.getLogRecordFactory()

    def record_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = before(*args, **kwargs)
        drop.filter(record)
        try:
            escape.filter(record)
        except Exception:  # a message whose arguments do not fit: the handler reports it as usual
            pass
        return record

    logging.setLogRecordFactory(record_factory)
    try:
        yield
    finally:
        logging.setLogRecordFactory(before)


@contextlib.contextmanager
def console_logs_to(stream: IO[str], logger_names: tuple[str, ...] = ("", "prefect")) -> Iterator[None]:
    """Points Prefect's console log handlers at `stream` (the command's stderr) while the block
    runs, then back. Prefect binds them to the sys.stderr of the moment it set logging up (at
    import), which is not the command's when the command runs inside another program (a test's
    CliRunner): its log lines would then go somewhere the command's caller never sees."""
    from prefect.logging.handlers import PrefectConsoleHandler

    handlers = {h for logger in _loggers(logger_names) for h in logger.handlers if isinstance(h, PrefectConsoleHandler)}
    before = [(h, h.stream) for h in handlers]
    for handler in handlers:
        handler.setStream(stream)
        handler.console.file = stream
    try:
        yield
    finally:
        for handler, old in before:
            handler.setStream(old)
            handler.console.file = old


def _plain(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _csv_value(value: Any) -> Any:
    return shown(value) if isinstance(value, str) else value  # lists and dicts are written as their repr


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = shown(_BREAKS.sub(" ", str(_plain(value))))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def json_line(record: Any) -> str:
    """`record` as one JSON line (no newline) that a terminal shows as is: json.dumps escapes
    C0 controls but leaves C1 controls and bidirectional marks raw, so those are escaped too."""
    return _json_escaped(json.dumps(record, ensure_ascii=False))


def _json_escaped(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_rows(out: IO[str], columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str = "table") -> None:
    if fmt == "json":
        text = json.dumps([dict(zip(columns, map(_plain, r), strict=True)) for r in rows], ensure_ascii=False, indent=1)
        out.write(_json_escaped(text) + "\n")  # json.dumps leaves C1 and bidi raw
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow([shown(c) for c in columns])
        for r in rows:
            w.writerow(["" if v is None else _csv_value(_plain(v)) for v in r])
    elif fmt == "table":
        columns = [_cell(c) for c in columns]
        cells = [[_cell(v) for v in r] for r in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
        out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
    else:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
