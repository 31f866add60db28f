"""Rerunnable benchmarks for claimhouse (not part of the installed package)."""
