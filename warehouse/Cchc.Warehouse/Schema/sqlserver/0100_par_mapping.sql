-- PAR Index: how the criteria of one methodology version correspond to those of the next (renamed, renumbered,
-- moved, merged, new, removed), so that series can be compared across versions. Synced from
-- Seeds/par-criterion-mapping.csv by SeedSync; read through rpt.par_criterion_mapping.
CREATE TABLE dw.par_criterion_mapping (
    from_version     NVARCHAR(20)  NOT NULL,
    from_code        NVARCHAR(20)  NULL,
    to_version       NVARCHAR(20)  NOT NULL,
    to_code          NVARCHAR(20)  NULL,
    change_type      NVARCHAR(20)  NOT NULL,
    is_illustrative  BIT           NOT NULL,
    note             NVARCHAR(400) NULL
);
GO
