-- drop_pending: the staged links, once stored (or when the link step fails).
drop table if exists pending_links
