-- T-SQL twin of duckdb/0530_onestop_report.sql: one-stop results reports (forms 06a/06b/06c), their lowest-grain rows
-- as facts and their group and total rows as stated subtotals. Small tables (a few thousand rows a year per
-- province): rowstore with a clustered primary key.
CREATE TABLE dw.fact_onestop_report (
    file_id                   BIGINT         NOT NULL,
    source_sheet              NVARCHAR(200)  NOT NULL,
    source_row                INT            NOT NULL,
    period_start              DATE           NOT NULL,
    period_end                DATE           NOT NULL,
    period_kind               NVARCHAR(20)   NOT NULL,
    period_label              NVARCHAR(200)  NOT NULL,
    province_key              INT            NOT NULL,
    level_code                NVARCHAR(20)   NOT NULL,
    field_name                NVARCHAR(400)  NULL,
    agency_name               NVARCHAR(400)  NULL,
    received_total            INT            NOT NULL,
    carried_over              INT            NULL,
    received_new              INT            NULL,
    received_online           INT            NULL,
    received_in_person_postal INT            NULL,
    resolved_total            INT            NOT NULL,
    resolved_early            INT            NULL,
    resolved_on_time          INT            NULL,
    resolved_late             INT            NULL,
    pending_total             INT            NOT NULL,
    pending_not_due           INT            NULL,
    pending_overdue           INT            NULL,
    note                      NVARCHAR(MAX)  NULL,
    form_code                 NVARCHAR(50)   NULL,
    is_synthetic              BIT            NOT NULL,
    run_id                    BIGINT         NOT NULL,
    CONSTRAINT pk_fact_onestop_report PRIMARY KEY (file_id, source_sheet, source_row)
);
GO
CREATE INDEX ix_fact_onestop_report_scope ON dw.fact_onestop_report (province_key, period_start, period_end, level_code);
GO
CREATE TABLE dw.onestop_report_subtotal (
    file_id                   BIGINT         NOT NULL,
    source_sheet              NVARCHAR(200)  NOT NULL,
    source_row                INT            NOT NULL,
    subtotal_kind             NVARCHAR(20)   NOT NULL,
    period_start              DATE           NOT NULL,
    period_end                DATE           NOT NULL,
    province_key              INT            NOT NULL,
    level_code                NVARCHAR(20)   NULL,
    agency_name               NVARCHAR(400)  NULL,
    label                     NVARCHAR(400)  NOT NULL,
    received_total            INT            NULL,
    carried_over              INT            NULL,
    received_new              INT            NULL,
    received_online           INT            NULL,
    received_in_person_postal INT            NULL,
    resolved_total            INT            NULL,
    resolved_early            INT            NULL,
    resolved_on_time          INT            NULL,
    resolved_late             INT            NULL,
    pending_total             INT            NULL,
    pending_not_due           INT            NULL,
    pending_overdue           INT            NULL,
    is_synthetic              BIT            NOT NULL,
    run_id                    BIGINT         NOT NULL,
    CONSTRAINT pk_onestop_report_subtotal PRIMARY KEY (file_id, source_sheet, source_row)
);
GO
