-- One-stop (một cửa) dossier logs: an accumulating-snapshot fact with its dimensions (issue 4).
-- dw.dim_onestop_agency is the agency as one-stop systems name it (per province entity); the PAR remediation plans
-- have their own agency dimension. They are kept apart on purpose until an integrator conforms them.

CREATE TABLE dw.dim_date (
    date            DATE PRIMARY KEY,
    year            INTEGER NOT NULL,
    quarter         INTEGER NOT NULL,
    month           INTEGER NOT NULL,
    month_start     DATE NOT NULL,
    day_of_month    INTEGER NOT NULL,
    iso_day_of_week INTEGER NOT NULL,        -- 1 = Monday … 7 = Sunday
    is_weekend      BOOLEAN NOT NULL,
    month_name_vi   VARCHAR NOT NULL         -- 'Tháng 1' …
);

INSERT INTO dw.dim_date
SELECT CAST(d AS DATE), year(d), quarter(d), month(d), CAST(date_trunc('month', d) AS DATE), day(d), isodow(d),
       isodow(d) >= 6, 'Tháng ' || CAST(month(d) AS VARCHAR)
FROM range(TIMESTAMP '2004-01-01', TIMESTAMP '2041-01-01', INTERVAL 1 DAY) t(d);

CREATE TABLE dw.dim_level (
    level_key          INTEGER PRIMARY KEY,  -- 1 province, 2 district, 3 commune
    level_code         VARCHAR NOT NULL,     -- province | district | commune
    name_vi            VARCHAR NOT NULL,
    name_en            VARCHAR NOT NULL,
    par_criterion_code VARCHAR NOT NULL,     -- PAR sub-criterion on this level's on-time rate
    valid_to           DATE                  -- districts were abolished on 1 July 2025
);

INSERT INTO dw.dim_level VALUES
    (1, 'province', 'Cấp tỉnh', 'Province level', '3.4.1', NULL),
    (2, 'district', 'Cấp huyện', 'District level', '3.4.2', DATE '2025-06-30'),
    (3, 'commune', 'Cấp xã', 'Commune level', '3.4.3', NULL);

CREATE TABLE dw.dim_channel (
    channel_key  INTEGER PRIMARY KEY,
    channel_code VARCHAR NOT NULL,           -- in_person | online | postal | unknown
    name_vi      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL
);

INSERT INTO dw.dim_channel VALUES
    (0, 'unknown', 'Không rõ', 'Unknown'),
    (1, 'in_person', 'Trực tiếp', 'In person'),
    (2, 'online', 'Trực tuyến', 'Online'),
    (3, 'postal', 'Bưu chính công ích', 'Public postal service');

CREATE TABLE dw.dim_procedure (
    procedure_key      INTEGER PRIMARY KEY,  -- 0 = no procedure code in the log
    procedure_code     VARCHAR NOT NULL UNIQUE,
    procedure_name     VARCHAR,
    field_name         VARCHAR,              -- lĩnh vực
    statutory_days     INTEGER,              -- thời hạn giải quyết, from the catalogue
    is_inferred        BOOLEAN NOT NULL,     -- true until the procedure catalogue names it
    first_seen_file_id BIGINT,
    updated_file_id    BIGINT
);

INSERT INTO dw.dim_procedure VALUES (0, '(none)', '(không có mã TTHC)', NULL, NULL, FALSE, NULL, NULL);

CREATE TABLE dw.dim_onestop_agency (
    agency_key         INTEGER PRIMARY KEY,
    province_key       INTEGER NOT NULL,     -- the province entity the agency belonged to (merged provinces from 1 July 2025)
    agency_code        VARCHAR,              -- NULL while only its name is known
    agency_name        VARCHAR NOT NULL,
    name_folded        VARCHAR NOT NULL,     -- lower-case ASCII, the match key when there is no code
    level_code         VARCHAR,              -- from the catalogue
    is_inferred        BOOLEAN NOT NULL,     -- true until the agency catalogue names it
    first_seen_file_id BIGINT,
    updated_file_id    BIGINT
);

-- One row per export file of dossier logs: its as-of date decides which pending dossiers are overdue.
CREATE TABLE dw.dossier_export (
    file_id      BIGINT PRIMARY KEY,
    as_of_date   DATE NOT NULL,              -- latest received/resolved/returned date in the file
    rows_read    BIGINT NOT NULL,
    rows_new     BIGINT NOT NULL,
    rows_updated BIGINT NOT NULL,
    is_synthetic BOOLEAN NOT NULL
);

-- Accumulating snapshot: one row per dossier, updated in place when a later export shows it progressing.
-- Identity is (province_code_2025, dossier_code); dossier_key is a 64-bit hash of it that only speeds up the merge.
CREATE TABLE dw.fact_dossier (
    dossier_key        BIGINT NOT NULL,
    province_code_2025 VARCHAR NOT NULL,
    dossier_code       VARCHAR NOT NULL,
    province_key       INTEGER NOT NULL,
    procedure_key      INTEGER NOT NULL,
    agency_key         INTEGER NOT NULL,
    level_key          INTEGER NOT NULL,
    channel_key        INTEGER NOT NULL,
    service_level      VARCHAR,              -- '1'…'4', 'full' (toàn trình), 'partial' (một phần)
    status_code        VARCHAR NOT NULL,     -- processing | resolved | returned | withdrawn | rejected
    received_date      DATE NOT NULL,
    due_date           DATE NOT NULL,
    resolved_date      DATE,
    returned_date      DATE,
    is_synthetic       BOOLEAN NOT NULL,
    first_file_id      BIGINT NOT NULL,      -- the export that first delivered the dossier
    file_id            BIGINT NOT NULL,      -- the export that last updated it
    run_id             BIGINT NOT NULL,
    source_line        INTEGER NOT NULL,
    update_count       INTEGER NOT NULL
);

-- Staging for one chunk of one file (emptied before each chunk, inside the file's transaction).
CREATE TABLE etl.stage_dossier (
    dossier_key        BIGINT NOT NULL,
    province_code_2025 VARCHAR NOT NULL,
    dossier_code       VARCHAR NOT NULL,
    province_key       INTEGER NOT NULL,
    procedure_key      INTEGER NOT NULL,
    agency_key         INTEGER NOT NULL,
    level_key          INTEGER NOT NULL,
    channel_key        INTEGER NOT NULL,
    service_level      VARCHAR,
    status_code        VARCHAR NOT NULL,
    received_date      DATE NOT NULL,
    due_date           DATE NOT NULL,
    resolved_date      DATE,
    returned_date      DATE,
    is_synthetic       BOOLEAN NOT NULL,
    source_line        INTEGER NOT NULL
);
