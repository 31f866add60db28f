"""The hostile corpus (issue 12): one folder and one 127.0.0.1 server holding the hostile documents
of the issue next to good ones, in one `claimhouse run`. The run completes (`completed_with_failures`,
exit status 3) well within its time budget, stores the good documents, records every bad one with a
reason naming it (a failed `fetch_log` row, or a `rejected_rows` row for what was cut from a stored
document), and the run's process peaks under 1 GB of memory (its own high-water RSS, VmHWM: the
ru_maxrss that wait4 gives a child carries its parent's peak on Linux, so a test process grown past
1 GB would fail it without any fault in the run)."""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time

import pytest

from tests.faults.conftest import PLANTED
from tests.faults.test_claim_limits import LISTS, _one_fact, _sentence_of
from tests.faults.test_crash import CLAIMHOUSE

RUN_TIMEOUT_S = 1_800
pytestmark = [pytest.mark.flow, pytest.mark.slow, pytest.mark.timeout(RUN_TIMEOUT_S)]

RUN_BUDGET_S = 900.0  # the run must end within this (a hanging source alone may take timeout x attempts)
PEAK_RSS_BYTES = 1024 ** 3
ESCAPES = "\x1b]52;c;aGk=\x07\x1b[2J"  # an OSC 52 clipboard write and a clear-screen
# folder name -> (bytes, what the failed fetch_log row of it says)
REFUSED_FILES = {
    "report-pdf.txt": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF)"),
    "empty.txt": (b"", "empty document"),
}
# server path -> what its failed fetch_log row says (beside the URL)
BAD_PATHS = {
    "/hang": "hang", "/drip-headers": "drip-headers", "/huge-length": "huge-length", "/500": "500",
    "/redirect-loop": "redirect-loop", "/png-as-text": "png-as-text", "/unsolicited-304": "not conditional",
    "/404": "404",
}


class HighWater(threading.Thread):
    """The largest VmHWM (peak RSS since the process's exec) read from /proc/PID/status every 0.1 s
    while the process lives; VmHWM only grows, so what is missed is growth in its last 0.1 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.path, self.peak = f"/proc/{pid}/status", 0

    def run(self) -> None:
        while True:
            try:
                with open(self.path) as status:
                    kib = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), None)
            except (OSError, ValueError):
                return  # reaped
            if kib is None:
                return  # exited: a zombie has no memory left to read
            self.peak = max(self.peak, kib * 1024)
            time.sleep(0.1)


def build_folder(root):
    folder = root / "hostile"
    shutil.copytree(PLANTED, folder)
    for name, (data, _) in REFUSED_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "far-future.md").write_text("---\ntitle: Far future\npublished: 2262-04-12\n---\n"
                                          "Some 310 ferries crossed the strait in 2024.\n")
    (folder / "stray-tags.html").write_text("<html><body>" + "<b>" * 150_000 + "<p>Some 64 bridges were closed "
                                            "in 2024.</p>" + "</i>" * 150_000 + "</body></html>")
    (folder / "counting.txt").write_text(LISTS["counting"])
    (folder / "percents.txt").write_text(" ".join(f"{7 + i % 90}%" for i in range(333_000))[:1_000_000])
    (folder / "explosion.txt").write_text(" ".join(_sentence_of(200) for _ in range(3)))
    (folder / "one-fact-a.txt").write_text(_one_fact(3_000))
    (folder / "one-fact-b.txt").write_text(_one_fact(3_000, offset=9_000))
    (folder / f"escape{ESCAPES}.txt").write_text("About 12 lorries were stopped at the border in 2024.\n")
    return folder


def test_the_hostile_corpus_run_completes_stores_the_good_and_names_the_bad(fault_site, cli_env, tmp_path, rows):
    folder = build_folder(tmp_path)
    base = fault_site.base_url
    host = base.split("://", 1)[1]
    urls = [base + path for path in BAD_PATHS] + [f"http://reader:s3cret@{host}/plain.txt"]
    db = tmp_path / "hostile.duckdb"
    args = [str(CLAIMHOUSE), "run", "--source", str(folder), "--db", str(db), "--allow-private", "--timeout", "3"]
    for url in urls:
        args += ["--source", url]
    run = subprocess.Popen(args, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(RUN_BUDGET_S, run.kill)  # the budget bounds the wait
    timer.start()
    watch = HighWater(run.pid)
    watch.start()
    output = run.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(run.pid, 0)
    run.returncode = os.waitstatus_to_exitcode(status)
    timer.cancel()
    watch.join()
    peak = watch.peak
    print(f"hostile corpus: exit {run.returncode}, peak RSS {peak / 2**20:.0f} MB, "
          f"CPU {usage.ru_utime + usage.ru_stime:.1f} s")
    assert run.returncode == 3, output[-4000:]
    assert 0 < peak < PEAK_RSS_BYTES  # (0: VmHWM was never read)

    (status_row,) = rows(db, "select status from runs")
    assert status_row == ("completed_with_failures",)
    # the good ones are stored, with their claims
    stored = {uri.rsplit("/", 1)[-1]: n for uri, n in rows(
        db, "select d.uri, count(c.claim_id) from documents d left join claims c using (document_id) group by 1")}
    planted = [line.split("/")[-1].strip() for f in sorted(PLANTED.iterdir())
               for line in f.read_text().splitlines() if line.startswith("url:")]
    assert len(planted) == 4 and all(stored.get(name, 0) > 0 for name in planted), stored
    assert stored.get("plain.txt", 0) > 0 and stored.get("far-future.md", 0) > 0
    assert rows(db, "select count(*) from documents where uri like '%s3cret%'") == [(0,)]
    # the bad ones: a failed fetch each, naming it
    failed = [(uri, error) for uri, error in rows(db, "select uri, error from fetch_log where not ok")]
    assert all(error for _, error in failed)

    def failed_for(part: str) -> list[str]:
        return [error for uri, error in failed if part in uri or part in error]

    for name, (_, reason) in REFUSED_FILES.items():
        assert any(reason in e and name in e for e in failed_for(name)), (name, failed)
    assert any("Too many levels of symbolic links" in e for e in failed_for("loop.txt"))
    assert any("not a regular file (a FIFO)" in e for e in failed_for("pipe.txt"))
    assert any("not a regular file (a character device)" in e for e in failed_for("zero.txt"))
    for path, reason in BAD_PATHS.items():
        assert any(reason in e for e in failed_for(path)), (path, failed_for(path))
    # what was cut from stored documents is recorded
    checks = dict(rows(db, "select check_name, count(*) from rejected_rows group by 1"))
    assert checks.get("date_in_range", 0) >= 1
    assert checks.get("max_claims_per_sentence", 0) == 3
    assert checks.get("max_linked_claims_per_fact", 0) == 2
    assert stored.get("counting.txt") == 0 and stored.get("percents.txt") == 0
    # the stray-tags page is stored with its paragraph, or refused for its parse time: never a hang
    assert stored.get("stray-tags.html", 0) > 0 or any("max_parse_s" in e for e in failed_for("stray-tags"))
    (links,) = rows(db, "select count(*) from claim_links")[0]
    assert links <= 2 * 50 * 50 + 100  # the two one-fact files: at most 50 x 50 links, not 9 million
    assert "\x1b" not in output
