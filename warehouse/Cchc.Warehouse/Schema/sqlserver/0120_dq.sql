-- T-SQL twin of duckdb/0120_dq.sql: data-quality findings.
CREATE TABLE etl.dq_finding (
    finding_id        BIGINT NOT NULL PRIMARY KEY,
    run_id            BIGINT NOT NULL,
    file_id           BIGINT NULL,
    stage             NVARCHAR(20) NOT NULL,
    rule_name         NVARCHAR(100) NOT NULL,
    severity          NVARCHAR(10) NOT NULL,
    subject           NVARCHAR(40) NOT NULL,
    index_code        NVARCHAR(10) NULL,
    province_key      INT NULL,
    year              INT NULL,
    plan_year         INT NULL,
    criterion_code    NVARCHAR(40) NULL,
    offending_values  NVARCHAR(MAX) NULL,
    message           NVARCHAR(MAX) NOT NULL,
    file_name         NVARCHAR(400) NULL,
    sheet             NVARCHAR(200) NULL,
    row_number        INT NULL,
    column_name       NVARCHAR(100) NULL,
    superseded_by_run BIGINT NULL,
    created_at        DATETIME2 NOT NULL
);
GO
