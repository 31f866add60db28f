-- finish_run: a run's end and counts; a count passed as null keeps its stored value.
update run_rows set
    ended_at = coalesce($ended_at, now()),
    status = coalesce($status, 'completed'),
    error = coalesce($error, error),
    sources_tried = coalesce($sources_tried, sources_tried),
    docs_new = coalesce($docs_new, docs_new),
    docs_changed = coalesce($docs_changed, docs_changed),
    docs_unchanged = coalesce($docs_unchanged, docs_unchanged),
    docs_failed = coalesce($docs_failed, docs_failed),
    claims_added = coalesce($claims_added, claims_added),
    claims_removed = coalesce($claims_removed, claims_removed),
    rows_rejected = coalesce($rows_rejected, rows_rejected),
    links_found = coalesce($links_found, links_found),
    conflicts_new = coalesce($conflicts_new, conflicts_new)
where run_id = $run_id
