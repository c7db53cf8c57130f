-- Housekeeping (server/housekeeping.ts) deletes audit rows by age every few hours; without
-- this index each pass would scan the whole change history.
create index audit_log_at_idx on audit_log (at);
