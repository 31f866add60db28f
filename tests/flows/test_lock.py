"""One writer at a time: the lock alone (no Prefect). The flow-level behaviour is in
test_two_writers.py."""
import pytest
from filelock import FileLock

from claimhouse.flows.lock import WarehouseBusy, lock_path, warehouse_lock


def test_a_busy_warehouse_is_waited_for_then_refused_with_what_to_do(db_path):
    heard = []
    with FileLock(str(lock_path(db_path))):
        with pytest.raises(WarehouseBusy) as error:
            with warehouse_lock(db_path, 0.2, on_wait=heard.append):
                pass
    assert "did not finish within 0.2 s" in str(error.value) and "--lock-timeout" in str(error.value)
    assert heard == [f"another claimhouse run is writing to {db_path}; waiting up to 0.2 s for it"]


def test_a_free_warehouse_is_taken_without_waiting_and_released_after(db_path):
    heard = []
    with warehouse_lock(db_path, 5.0, on_wait=heard.append):
        pass
    with warehouse_lock(db_path, 0.0, on_wait=heard.append):  # released: free again at once
        pass
    assert heard == []
