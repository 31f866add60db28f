"""What a `claimhouse run` on a terminal shows of Prefect's log lines: an error the command
reports itself (a full disk, a busy warehouse) once, worded, without Prefect's tracebacks of it,
and a defect with its traceback (where the lines go: tests/faults/test_publish_faults.py)."""
from __future__ import annotations

import io
import logging

from claimhouse.flows.output import escape_log_handlers, reported_errors_without_traceback
from claimhouse.warehouse.db import WarehouseError


def _logged_failure(error: BaseException, reported: tuple[type[BaseException], ...]) -> str:
    stream = io.StringIO()
    logger = logging.getLogger("claimhouse-test-console")
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        escape_log_handlers(("claimhouse-test-console",), reported=reported)
        try:
            raise error
        except BaseException:
            logger.exception("Task run failed with exception: %r", error)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_a_reported_error_is_logged_without_its_traceback():
    text = _logged_failure(WarehouseError("publishing run r1 failed: No space left on device"), (WarehouseError,))
    assert ("No space left on device" in text, "Traceback" in text) == (True, False)


def test_a_defect_keeps_its_traceback():
    text = _logged_failure(KeyError("claim_id"), (WarehouseError,))
    assert ("claim_id" in text, "Traceback" in text) == (True, True)


def test_the_traceback_is_still_escaped():
    text = _logged_failure(KeyError("\x1b[2Jwiped"), (WarehouseError,))
    assert ("Traceback" in text, "\x1b" in text, "\\x1b[2Jwiped" in text) == (True, False, True)


def _logged_by_a_handler_without_filters(error: BaseException) -> str:
    """A handler added while the run runs (as Prefect's own logging set-up adds them) has none of
    the command's filters: the records themselves are made without the traceback and escaped."""
    stream = io.StringIO()
    logger = logging.getLogger("claimhouse-test-console-late")
    logger.propagate = False
    with reported_errors_without_traceback((WarehouseError,)):
        handler = logging.StreamHandler(stream)
        logger.addHandler(handler)
        try:
            try:
                raise error
            except BaseException:
                logger.exception("Flow run failed: %r", error)
        finally:
            logger.removeHandler(handler)
    return stream.getvalue()


def test_a_handler_made_during_the_run_shows_a_reported_error_without_its_traceback():
    text = _logged_by_a_handler_without_filters(WarehouseError("No space left on device\x1b[2J"))
    assert ("No space left on device" in text, "Traceback" in text, "\x1b" in text) == (True, False, False)


def test_a_handler_made_during_the_run_shows_a_defect_with_its_traceback_escaped():
    text = _logged_by_a_handler_without_filters(KeyError("\x1b[2Jwiped"))
    assert ("Traceback" in text, "\x1b" in text, "\\x1b[2Jwiped" in text) == (True, False, True)


def test_records_made_after_the_run_are_left_as_they_are():
    with reported_errors_without_traceback((WarehouseError,)):
        pass
    record = logging.getLogger("claimhouse-test-console-after").makeRecord(
        "x", logging.ERROR, __file__, 1, "\x1b[2J", None, (WarehouseError, WarehouseError("w"), None))
    assert (record.msg, record.exc_info is not None) == ("\x1b[2J", True)
