"""claimhouse: numeric-claim fact-checking pipeline.

One import name over the repository's top-level folders (see pyproject.toml, package-dir):
`claimhouse.flows` is `flows/`, `claimhouse.schemas` is `schemas/`, `claimhouse.warehouse` is `warehouse/`.
"""
