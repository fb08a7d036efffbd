-- Files the nightly left in its inbox (still being written, locked, retrying), since when and why: what `cchc status`
-- lists, readable by the report reader role.
CREATE OR REPLACE VIEW rpt.inbox_deferral AS
SELECT path, file_name, first_deferred_at, last_deferred_at, deferrals, reason, is_overdue
FROM etl.inbox_deferral;
