"""A run's batches on disk, so that memory does not grow with the corpus. Before extraction the
plan's documents are spooled, one input file per batch (`input-NNNNNN.pickle`): a worker on this
machine reads its batch from there, and the run's process holds no document text while the
batches are extracted (at 50,000 documents they were about 120 MB of it). Extracted batches are
staged as they finish: one pickle file per batch in the run's own folder beside the warehouse
(`<db>.staging/<run_id>/`), written where the batch was extracted: by the worker process on
this machine (the run's own process gets back only a `StagedBatch`, no frames to unpickle and
pickle again), by the run's process for a batch back from a Dask cluster, whose workers may
not see this disk. `publish` reads them back one at a time inside its one
transaction; the folder is removed when the run ends. A run killed before publishing leaves
only its folder, which the next run against the warehouse removes: the warehouse itself is
untouched until publish commits.

Pickle, not Parquet: a batch's refused rows carry offending values of any type, and a file
written and read by the same run of the same code needs no portable format."""
from __future__ import annotations

import ctypes
import pickle
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimhouse.flows.claims.model import Document
from claimhouse.flows.steps import Extracted, Plan, in_batches

SUFFIX = ".staging"


def staging_root(db_path: Path) -> Path:
    """Where the runs against `db_path` stage their batches."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + SUFFIX)


@dataclass(frozen=True)
class StagedBatch:
    """A batch written to its staging file: what the run counts of it without reading it."""

    path: Path
    rows: int  # documents, claims and refused rows
    claims_extracted: int


def write_batch(batch: Extracted, path: Path) -> StagedBatch:
    """Write `batch` to `path` (a file of a run's staging folder)."""
    with Path(path).open("wb") as out:
        pickle.dump(batch, out, protocol=pickle.HIGHEST_PROTOCOL)
    return StagedBatch(Path(path), len(batch.documents) + len(batch.claims) + len(batch.rejected),
                       batch.claims_extracted)


@dataclass(frozen=True)
class SpooledBatch:
    """A batch of the plan's documents, written to its input file before extraction."""

    path: Path
    documents: int


def read_spooled(path: Path) -> tuple[list[Document], dict[str, int]]:
    """The documents of a spooled batch, and the version each will be stored as."""
    with Path(path).open("rb") as spooled:
        return pickle.load(spooled)


def release_freed_memory() -> None:
    """Hand the memory Python has freed back to the system (glibc's malloc_trim): the texts of a
    run's documents are freed once spooled, but glibc keeps the pages for reuse, and DuckDB's own
    allocator would not reuse them. Nothing happens on a C library without it."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


@dataclass
class Staging:
    """The staged batches of one run, in the order they were written."""

    folder: Path
    files: list[Path] = field(default_factory=list)

    @classmethod
    def open(cls, db_path: Path, run_id: str) -> Staging:
        """A fresh folder for the run; the folders of earlier runs that never finished are removed
        (callers hold the warehouse lock, so no other run is staging)."""
        root = staging_root(db_path)
        if root.exists():
            shutil.rmtree(root)
        folder = root / run_id
        folder.mkdir(parents=True)
        return cls(folder)

    def spool(self, plan: Plan, size: int) -> list[SpooledBatch]:
        """Write the plan's documents to input files, `size` to a batch, in the plan's order."""
        spooled = []
        for index, docs in enumerate(in_batches(plan.todo, size)):
            path = self.folder / f"input-{index:06d}.pickle"
            with path.open("wb") as out:
                pickle.dump((docs, {d.document_id: plan.versions[d.document_id] for d in docs}), out,
                            protocol=pickle.HIGHEST_PROTOCOL)
            spooled.append(SpooledBatch(path, len(docs)))
        return spooled

    def path_for(self, index: int) -> Path:
        """The file of the run's batch number `index`."""
        return self.folder / f"batch-{index:06d}.pickle"

    def add(self, staged: Extracted | StagedBatch) -> StagedBatch:
        """Keep a batch written where it was extracted (a StagedBatch), or write one that came
        back as frames, as the run's next file."""
        if not isinstance(staged, StagedBatch):
            staged = write_batch(staged, self.path_for(len(self.files)))
        self.files.append(staged.path)
        return staged

    def batches(self) -> Iterator[Extracted]:
        return read_batches(self.files)

    def remove(self) -> None:
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def read_batches(paths: list[Path]) -> Iterator[Extracted]:
    """Each staged batch, read when it is needed (one in memory at a time)."""
    for path in paths:
        with Path(path).open("rb") as staged:
            yield pickle.load(staged)
