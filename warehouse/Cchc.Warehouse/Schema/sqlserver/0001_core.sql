-- T-SQL twin of duckdb/0001_core.sql: core star schema (province history, indices, versioned criteria, index
-- scores), ETL audit and quarantine. Same tables, columns and meanings; T-SQL types. Batches end with GO lines.
-- Schemas are owned by dbo so that rpt views reach dw and etl through an unbroken ownership chain: a report reader
-- needs SELECT on rpt only (see 0400_report_reader_role.sql).
IF SCHEMA_ID(N'dw') IS NULL EXEC(N'CREATE SCHEMA dw AUTHORIZATION dbo');
GO
IF SCHEMA_ID(N'rpt') IS NULL EXEC(N'CREATE SCHEMA rpt AUTHORIZATION dbo');
GO

CREATE TABLE etl.run (
    run_id           BIGINT NOT NULL PRIMARY KEY,
    command          NVARCHAR(1000) NOT NULL,
    started_at       DATETIME2(3) NOT NULL,
    ended_at         DATETIME2(3) NULL,
    status           NVARCHAR(20) NOT NULL,          -- running | succeeded | failed | partial
    host             NVARCHAR(256) NOT NULL,
    tool_version     NVARCHAR(64) NOT NULL,
    files_loaded     INT NOT NULL DEFAULT 0,
    files_failed     INT NOT NULL DEFAULT 0,
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    message          NVARCHAR(MAX) NULL
);
GO

CREATE TABLE etl.[file] (
    file_id          BIGINT NOT NULL PRIMARY KEY,
    run_id           BIGINT NOT NULL,
    path             NVARCHAR(2000) NOT NULL,
    file_name        NVARCHAR(400) NOT NULL,
    kind             NVARCHAR(32) NOT NULL,          -- pci | papi | par | plan | onestop
    sha256           NVARCHAR(64) NOT NULL,
    size_bytes       BIGINT NOT NULL,
    status           NVARCHAR(20) NOT NULL,          -- loaded | failed | replaced
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    started_at       DATETIME2(3) NOT NULL,
    ended_at         DATETIME2(3) NULL,
    message          NVARCHAR(MAX) NULL
);
GO

CREATE TABLE etl.quarantine (
    quarantine_id BIGINT NOT NULL PRIMARY KEY,
    run_id        BIGINT NOT NULL,
    file_id       BIGINT NOT NULL,
    file_name     NVARCHAR(400) NOT NULL,
    sheet         NVARCHAR(256) NULL,
    row_number    INT NULL,
    column_name   NVARCHAR(64) NULL,
    reason        NVARCHAR(MAX) NOT NULL,
    raw_values    NVARCHAR(MAX) NULL,
    created_at    DATETIME2(3) NOT NULL
);
GO

CREATE TABLE dw.dim_province (
    province_key      INT NOT NULL PRIMARY KEY,      -- GSO code before the 2025 reform; 100 + code after it
    gso_code          NVARCHAR(2) NOT NULL,
    official_name     NVARCHAR(200) NOT NULL,        -- NFC, e.g. N'Tỉnh Lâm Đồng'
    short_name        NVARCHAR(100) NOT NULL,
    province_type     NVARCHAR(50) NOT NULL,
    valid_from        DATE NOT NULL,
    valid_to          DATE NULL,                     -- NULL = still valid
    code_2025         NVARCHAR(2) NOT NULL,
    merged_into_code  NVARCHAR(2) NULL,
    formed_from_codes NVARCHAR(400) NOT NULL         -- space-separated GSO codes it was formed from
);
GO

CREATE TABLE dw.dim_index (
    index_code  NVARCHAR(16) NOT NULL PRIMARY KEY,   -- PAR | PCI | PAPI
    name_vi     NVARCHAR(400) NOT NULL,
    name_en     NVARCHAR(400) NOT NULL,
    publisher   NVARCHAR(400) NOT NULL,
    scale_note  NVARCHAR(1000) NOT NULL
);
GO

CREATE TABLE dw.dim_criterion (
    criterion_key    INT NOT NULL PRIMARY KEY,
    index_code       NVARCHAR(16) NOT NULL,
    version_code     NVARCHAR(32) NOT NULL,          -- methodology version, e.g. 'PCI-2006', 'PAR-2948'
    criterion_code   NVARCHAR(32) NOT NULL,          -- 'TOTAL', 'PCI.1', 'PAPI.D1', '1.1.2' …
    parent_code      NVARCHAR(32) NULL,
    level            INT NOT NULL,                   -- 0 total, 1 field/sub-index/dimension, 2+ below
    name_vi          NVARCHAR(1000) NOT NULL,
    name_en          NVARCHAR(1000) NOT NULL,
    max_points       FLOAT NULL,
    weight           FLOAT NULL,
    points_source    NVARCHAR(16) NULL,              -- appraisal | survey | mixed | NULL
    valid_from_year  INT NOT NULL,
    valid_to_year    INT NULL,                       -- NULL = still valid
    is_illustrative  BIT NOT NULL DEFAULT 0,
    note             NVARCHAR(MAX) NULL,
    CONSTRAINT uq_dim_criterion_code UNIQUE (index_code, criterion_code, valid_from_year)
);
GO

-- A few hundred thousand rows at most (63 provinces × a few hundred criteria × the years): a rowstore clustered on
-- its key serves both the loader's year deletes and Power BI's scans; columnstore would not pay for itself here.
CREATE TABLE dw.fact_index_score (
    index_code     NVARCHAR(16) NOT NULL,
    year           INT NOT NULL,
    province_key   INT NOT NULL,
    criterion_key  INT NOT NULL,
    score          FLOAT NULL,
    rank_published INT NULL,
    is_synthetic   BIT NOT NULL,
    file_id        BIGINT NOT NULL,
    run_id         BIGINT NOT NULL,
    source_sheet   NVARCHAR(256) NULL,
    source_row     INT NULL,
    CONSTRAINT pk_fact_index_score PRIMARY KEY CLUSTERED (year, province_key, criterion_key)
);
GO

-- The loader replaces whole index-years: WHERE index_code = @indexCode AND year = @year.
CREATE INDEX ix_fact_index_score_index_year ON dw.fact_index_score (index_code, year);
GO
