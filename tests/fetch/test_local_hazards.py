"""Local files that are not regular files: symlink loops, FIFOs, devices, unreadable folders.
Only regular files are read, under the size cap; anything else is a failed record naming it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.local import read_file

GOOD = "The harbour handled 4.2 million tonnes of cargo in 2023.\n"
needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and modes are POSIX")


def folder_with_good_file(tmp_path: Path) -> Path:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    return folder


def fetched(source: Path) -> tuple[list, list]:
    pairs = list(fetch_source(str(source), FetchSettings(max_bytes=1_000_000)))
    return [d for d, _ in pairs if d is not None], [r for _, r in pairs if not r.ok]


def test_a_self_referencing_symlink_is_a_failed_record_and_the_folder_goes_on(tmp_path):
    folder = folder_with_good_file(tmp_path)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    docs, failures = fetched(folder)
    assert [d.text for d in docs] == [GOOD]
    assert len(failures) == 1 and "loop.txt" in failures[0].error


@needs_posix
@pytest.mark.timeout(30)
def test_a_fifo_named_txt_is_refused_without_blocking(tmp_path):
    folder = folder_with_good_file(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    docs, failures = fetched(folder)
    assert [d.text for d in docs] == [GOOD]
    assert len(failures) == 1 and "not a regular file" in failures[0].error


@needs_posix
@pytest.mark.timeout(30)
def test_a_symlink_to_dev_zero_is_refused_without_reading(tmp_path):
    folder = folder_with_good_file(tmp_path)
    (folder / "zero.txt").symlink_to("/dev/zero")
    docs, failures = fetched(folder)
    assert [d.text for d in docs] == [GOOD]
    assert len(failures) == 1 and "not a regular file" in failures[0].error


def test_the_size_cap_holds_while_reading_a_file_that_grows(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"7 " * 10)  # small when stat-ed ...
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, n) or b"8 " * 1000)  # ... endless when read
    with pytest.raises(Exception, match="over max_bytes=5000"):
        read_file(path, FetchSettings(max_bytes=5000))


def refuse_listing(monkeypatch, folder: Path) -> None:
    """os.scandir of `folder` fails as for a folder without read permission (also under root)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_a_failed_record(tmp_path, monkeypatch):
    folder = folder_with_good_file(tmp_path)
    (folder / "locked").mkdir()
    (folder / "locked" / "hidden.txt").write_text(GOOD)
    refuse_listing(monkeypatch, folder / "locked")
    docs, failures = fetched(folder)
    assert [d.text for d in docs] == [GOOD]
    assert len(failures) == 1 and "cannot read folder" in failures[0].error and "locked" in failures[0].error


def test_an_unreadable_folder_given_as_the_source_is_a_failed_source(tmp_path, monkeypatch):
    folder = folder_with_good_file(tmp_path)
    refuse_listing(monkeypatch, folder)
    docs, failures = fetched(folder)
    assert docs == [] and len(failures) == 1 and "cannot read folder" in failures[0].error
