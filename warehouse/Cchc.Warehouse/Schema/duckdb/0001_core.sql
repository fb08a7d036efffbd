-- Core star schema: province history, indices, versioned criteria, index scores; ETL audit and quarantine.
CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS rpt;

CREATE TABLE etl.run (
    run_id        BIGINT PRIMARY KEY,
    command       VARCHAR NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    ended_at      TIMESTAMP,
    status        VARCHAR NOT NULL,          -- running | succeeded | failed | partial
    host          VARCHAR NOT NULL,
    tool_version  VARCHAR NOT NULL,
    files_loaded  INTEGER NOT NULL DEFAULT 0,
    files_failed  INTEGER NOT NULL DEFAULT 0,
    rows_loaded   BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    message       VARCHAR
);

CREATE TABLE etl.file (
    file_id          BIGINT PRIMARY KEY,
    run_id           BIGINT NOT NULL,
    path             VARCHAR NOT NULL,
    file_name        VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,       -- pci | papi | par | plan | onestop
    sha256           VARCHAR NOT NULL,
    size_bytes       BIGINT NOT NULL,
    status           VARCHAR NOT NULL,       -- loaded | failed | replaced
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_quarantined BIGINT NOT NULL DEFAULT 0,
    started_at       TIMESTAMP NOT NULL,
    ended_at         TIMESTAMP,
    message          VARCHAR
);

CREATE TABLE etl.quarantine (
    quarantine_id BIGINT PRIMARY KEY,
    run_id        BIGINT NOT NULL,
    file_id       BIGINT NOT NULL,
    file_name     VARCHAR NOT NULL,
    sheet         VARCHAR,
    row_number    INTEGER,
    column_name   VARCHAR,
    reason        VARCHAR NOT NULL,
    raw_values    VARCHAR,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE dw.dim_province (
    province_key      INTEGER PRIMARY KEY,   -- GSO code before the 2025 reform; 100 + code after it
    gso_code          VARCHAR(2) NOT NULL,
    official_name     VARCHAR NOT NULL,      -- NFC, e.g. 'Tỉnh Lâm Đồng'
    short_name        VARCHAR NOT NULL,      -- e.g. 'Lâm Đồng'
    province_type     VARCHAR NOT NULL,
    valid_from        DATE NOT NULL,
    valid_to          DATE,                  -- NULL = still valid
    code_2025         VARCHAR(2) NOT NULL,   -- the 34-province code it belongs to from 1 July 2025
    merged_into_code  VARCHAR(2),            -- the code it merged into (Hà Tây → 01, old provinces → 2025 code)
    formed_from_codes VARCHAR NOT NULL       -- space-separated GSO codes it was formed from
);

CREATE TABLE dw.dim_index (
    index_code  VARCHAR PRIMARY KEY,         -- PAR | PCI | PAPI
    name_vi     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    publisher   VARCHAR NOT NULL,
    scale_note  VARCHAR NOT NULL
);

CREATE TABLE dw.dim_criterion (
    criterion_key    INTEGER PRIMARY KEY,
    index_code       VARCHAR NOT NULL,
    version_code     VARCHAR NOT NULL,       -- methodology version, e.g. 'PCI-2006', 'PAR-2948'
    criterion_code   VARCHAR NOT NULL,       -- 'TOTAL', 'PCI.1', 'PAPI.D1', '1.1.2' …
    parent_code      VARCHAR,
    level            INTEGER NOT NULL,       -- 0 total, 1 field/sub-index/dimension, 2+ below
    name_vi          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    max_points       DOUBLE,
    weight           DOUBLE,
    points_source    VARCHAR,                -- appraisal | survey | mixed | NULL
    valid_from_year  INTEGER NOT NULL,
    valid_to_year    INTEGER,                -- NULL = still valid
    is_illustrative  BOOLEAN NOT NULL DEFAULT FALSE,
    note             VARCHAR,
    UNIQUE (index_code, criterion_code, valid_from_year)
);

CREATE TABLE dw.fact_index_score (
    index_code     VARCHAR NOT NULL,
    year           INTEGER NOT NULL,
    province_key   INTEGER NOT NULL,
    criterion_key  INTEGER NOT NULL,
    score          DOUBLE,
    rank_published INTEGER,
    is_synthetic   BOOLEAN NOT NULL,
    file_id        BIGINT NOT NULL,
    run_id         BIGINT NOT NULL,
    source_sheet   VARCHAR,
    source_row     INTEGER,
    PRIMARY KEY (year, province_key, criterion_key)
);
