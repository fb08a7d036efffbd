-- PAR remediation plans (kế hoạch khắc phục): the conformed agency dimension, one fact row per plan row, and the
-- bridge that says which agencies lead or coordinate each row. A plan is owned by (province, plan year): reloading
-- it replaces its rows.

CREATE TABLE dw.dim_agency (
    agency_key       INTEGER PRIMARY KEY,
    province_key     INTEGER,                -- the province the agency belongs to; NULL for national bodies (ministries)
    agency_name      VARCHAR NOT NULL,       -- canonical name, NFC, e.g. 'Sở Thông tin và Truyền thông'
    normalized_name  VARCHAR NOT NULL,       -- folded match key, e.g. 'so thong tin va truyen thong'
    abbreviation     VARCHAR,                -- e.g. 'Sở TT&TT', 'VP UBND'
    agency_name_en   VARCHAR,                -- English for reports (glossary)
    agency_type      VARCHAR NOT NULL,       -- department | provincial_office | provincial_committee | district_committee | commune_committee | public_service_unit | ministry | media | other
    is_collective    BOOLEAN NOT NULL,       -- a group written as one party, e.g. 'Các sở, ban, ngành', 'UBND các huyện, thành phố'
    is_catalogued    BOOLEAN NOT NULL,       -- FALSE: not in the alias catalogue, kept as written
    UNIQUE (province_key, normalized_name)
);

CREATE TABLE dw.fact_remediation_task (
    task_key                    BIGINT PRIMARY KEY,
    province_key                INTEGER NOT NULL,
    plan_year                   INTEGER NOT NULL,   -- the year the plan is for (3770/KH-UBND: 2018)
    result_year                 INTEGER NOT NULL,   -- the PAR Index year whose lost points it addresses (2017)
    index_code                  VARCHAR NOT NULL,   -- 'PAR'
    plan_number                 VARCHAR,            -- e.g. '3770/KH-UBND'
    plan_date                   DATE,
    task_sequence               INTEGER NOT NULL,   -- order of the row in the plan (1-based)
    criterion_code              VARCHAR NOT NULL,   -- STT as written, normalised ('1', '1.1', '1.1.2')
    parent_criterion_code       VARCHAR,
    criterion_level             INTEGER NOT NULL,   -- 1 field, 2 criterion, 3 sub-criterion (0 total)
    criterion_key               INTEGER,            -- dw.dim_criterion when the PAR catalogue had the code at load time
    criterion_name              VARCHAR,            -- as written in the plan
    max_points                  DOUBLE,             -- Điểm chuẩn
    appraised_points            DOUBLE,             -- Điểm thẩm định
    points_lost_stated          DOUBLE,             -- Điểm bị mất, as written
    points_lost_computed        DOUBLE,             -- max_points - appraised_points
    remedy                      VARCHAR,            -- Giải pháp
    lead_agencies_text          VARCHAR,            -- Cơ quan chủ trì thực hiện, as written
    coordinating_agencies_text  VARCHAR,            -- Cơ quan phối hợp, as written
    deadline_text               VARCHAR,            -- Thời gian thực hiện, as written
    deadline_date               DATE,               -- parsed: the last date the text names (NULL when it names none)
    deadline_kind               VARCHAR NOT NULL,   -- date | periodic | continuous | unparsed | none
    deadline_is_ongoing         BOOLEAN NOT NULL,   -- '... và các năm tiếp theo', 'thường xuyên', 'hằng năm'
    note                        VARCHAR,            -- Ghi chú
    is_synthetic                BOOLEAN NOT NULL,
    file_id                     BIGINT NOT NULL,
    run_id                      BIGINT NOT NULL,
    source_sheet                VARCHAR,
    source_row                  INTEGER,
    UNIQUE (province_key, plan_year, task_sequence)
);

CREATE TABLE dw.bridge_remediation_task_agency (
    task_key     BIGINT NOT NULL,
    agency_key   INTEGER NOT NULL,
    agency_role  VARCHAR NOT NULL,              -- lead | coordinating
    ordinal      INTEGER NOT NULL,              -- position in the list as written (1-based)
    as_written   VARCHAR NOT NULL,              -- the part of the list that named this agency
    PRIMARY KEY (task_key, agency_role, ordinal)
);
