"""The bundled sample corpus (flows/corpus/) and its reference table, as the run's defaults.

Kept apart from pipeline_flow.py, which imports Prefect, so that code needing only these paths
(tests that load the corpus without a flow) does not pay for importing it."""
from __future__ import annotations

from importlib import resources


def default_sources() -> list[str]:
    """The bundled sample corpus (flows/corpus/)."""
    return [str(resources.files("claimhouse.flows").joinpath("corpus"))]


def default_references() -> list[str]:
    """The reference table shipped for the bundled corpus."""
    return [str(resources.files("claimhouse.flows").joinpath("corpus", "reference_figures.csv"))]
