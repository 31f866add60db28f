-- One documented view as Parquet (`claimhouse export VIEW --format parquet`): values exactly as stored.
copy (select * from query_table($view)) to $out (format parquet)
