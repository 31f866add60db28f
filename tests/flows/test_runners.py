"""Where extraction batches run (no Prefect started: only the in-process path is entered)."""
import pytest

from claimhouse.flows.runners import RunnerError, extraction_runner, in_flight_limit, run_batches


@pytest.mark.parametrize(("workers", "batches"), [(1, 90), (2, 7), (2, 0)], ids=["one-worker", "few-batches", "none"])
def test_one_worker_or_too_few_batches_for_two_runs_in_the_flows_own_process(workers, batches):
    with extraction_runner(workers, None, batches) as runner:
        assert runner is None


def test_zero_workers_is_refused_with_what_to_give():
    with pytest.raises(RunnerError, match="1 or more"):
        extraction_runner(0, None, 5)


def test_in_process_batches_come_back_in_order():
    results = run_batches(None, lambda docs, versions: [d * 2 for d in docs],
                          ({"docs": [i], "versions": {}} for i in range(5)), in_flight_limit(None, 1))
    assert list(results) == [[0], [2], [4], [6], [8]]


class FakeRunner:
    """Futures that resolve at once; records how many were out when each was taken."""

    def __init__(self):
        self.out, self.most = 0, 0

    def submit(self, task, parameters):
        self.out += 1
        self.most = max(self.most, self.out)
        runner = self

        class Future:
            def result(self):
                runner.out -= 1
                return task(**parameters)

        return Future()


def test_no_more_batches_are_out_than_the_limit_and_order_is_kept():
    runner = FakeRunner()
    results = list(run_batches(runner, lambda n: n, ({"n": i} for i in range(20)), limit=4))
    assert (results, runner.most) == (list(range(20)), 4)
