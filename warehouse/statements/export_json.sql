-- One documented view as JSON lines, written by `claimhouse export VIEW --format json`
-- (flows/exports.py). DuckDB's writer escapes control characters as \u escapes.
copy (select * from query_table($view)) to $out (format json)
