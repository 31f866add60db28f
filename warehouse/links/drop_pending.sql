-- drop_pending: the staged groups, once stored (or when the link step fails).
drop table if exists pending_groups
