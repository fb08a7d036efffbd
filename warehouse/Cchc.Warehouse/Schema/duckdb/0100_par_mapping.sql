-- PAR Index: how the criteria of one methodology version correspond to those of the next (renamed, renumbered,
-- moved, merged, new, removed), so that series can be compared across versions. Synced from
-- Seeds/par-criterion-mapping.csv by SeedSync; read through rpt.par_criterion_mapping.
CREATE TABLE dw.par_criterion_mapping (
    from_version     VARCHAR NOT NULL,       -- e.g. 'PAR-2948'
    from_code        VARCHAR,                -- NULL: the criterion is new in to_version
    to_version       VARCHAR NOT NULL,       -- the next version, e.g. 'PAR-1149'
    to_code          VARCHAR,                -- NULL: the criterion was dropped
    change_type      VARCHAR NOT NULL,       -- same | renamed | renumbered | moved | merged | new | removed
    is_illustrative  BOOLEAN NOT NULL,       -- TRUE unless both rows are known from a public source
    note             VARCHAR
);
