"""Controlled vocabularies: the only copy of each enum in claimhouse.

Pandera models, the extractor and the SQL CHECK constraints all refer to these
tuples (a test compares the .sql files with them)."""

QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range")
DIRECTIONS = ("increase", "decrease")
MODALITIES = ("asserted", "estimate", "forecast", "hypothetical")
# What a number measures: a level ("400,000 migrants"), a change ("rose 2%",
# "a 719 percent increase") or a ratio between two levels ("tenfold").
KINDS = ("level", "change", "ratio")
RELATIONS = ("agrees", "conflicts")
VERDICTS = ("supported", "contradicted", "no reference")
FETCH_STATUSES = ("new", "changed", "unchanged", "failed")
