-- File identity by what a file covers, not by its name. A loaded file claims the units of its scope: an index
-- workbook its index-years ('index', 'PCI:2017'), a plan its province and plan year ('plan', '68:2018'), a one-stop
-- results report its province, period and levels ('onestop-report', '68:2019-04-01:2019-06-30:province'); a dossier
-- log and a catalogue claim nothing (they never delete). A later file with a unit releases it from the earlier one
-- (released_by_file); an earlier file left with no unit is retired ('replaced') and its remaining dw rows removed.
-- Two files with the same name and different scopes both stay.
ALTER TABLE dw.bridge_remediation_task_agency ADD COLUMN file_id BIGINT;

CREATE TABLE etl.file_scope (
    file_id          BIGINT NOT NULL,
    scope_family     VARCHAR NOT NULL,        -- index | plan | onestop-report
    scope_unit       VARCHAR NOT NULL,        -- e.g. 'PCI:2017', '68:2018'
    released_by_file BIGINT,                  -- the later file that took the unit over; NULL = still this file's
    PRIMARY KEY (file_id, scope_family, scope_unit)
);

-- What the files loaded so far cover, read from the rows they still hold.
INSERT INTO etl.file_scope (file_id, scope_family, scope_unit, released_by_file)
SELECT DISTINCT s.file_id, 'index', s.index_code || ':' || CAST(s.year AS VARCHAR), CAST(NULL AS BIGINT)
FROM dw.fact_index_score s JOIN etl.file f ON f.file_id = s.file_id AND f.status = 'loaded';

INSERT INTO etl.file_scope (file_id, scope_family, scope_unit, released_by_file)
SELECT DISTINCT t.file_id, 'plan', CAST(t.province_key AS VARCHAR) || ':' || CAST(t.plan_year AS VARCHAR), CAST(NULL AS BIGINT)
FROM dw.fact_remediation_task t JOIN etl.file f ON f.file_id = t.file_id AND f.status = 'loaded';

-- The plan bridge carries its file id, so that it is retired with its plan. Links whose plan row is gone (left by
-- the name-based retirement before this script) are orphans: removed. NOT NULL follows in 0511 (see 0501).
DELETE FROM dw.bridge_remediation_task_agency
WHERE task_key NOT IN (SELECT task_key FROM dw.fact_remediation_task);
UPDATE dw.bridge_remediation_task_agency
SET file_id = (SELECT t.file_id FROM dw.fact_remediation_task t WHERE t.task_key = dw.bridge_remediation_task_agency.task_key);
