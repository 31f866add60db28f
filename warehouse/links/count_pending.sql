-- count_pending: how many links new_links.sql staged.
select count(*) from pending_links
