-- 0010_run_error: why a run ended `failed` or `abandoned` (issue 12: a run that could not publish
-- stayed `running` with no word of why).
--
-- error   the error that ended the run (its first line), or why it was marked abandoned; null otherwise

alter table run_rows add column error text;
