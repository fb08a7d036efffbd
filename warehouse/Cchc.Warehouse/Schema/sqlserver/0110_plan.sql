-- T-SQL twin of duckdb/0110_plan.sql: agency dimension, remediation-plan facts and the task-agency bridge.
CREATE TABLE dw.dim_agency (
    agency_key       INT NOT NULL PRIMARY KEY,
    province_key     INT NULL,
    agency_name      NVARCHAR(400) NOT NULL,
    normalized_name  NVARCHAR(400) NOT NULL,
    abbreviation     NVARCHAR(50) NULL,
    agency_name_en   NVARCHAR(400) NULL,
    agency_type      NVARCHAR(40) NOT NULL,
    is_collective    BIT NOT NULL,
    is_catalogued    BIT NOT NULL,
    CONSTRAINT uq_dim_agency_name UNIQUE (province_key, normalized_name)
);
GO

CREATE TABLE dw.fact_remediation_task (
    task_key                    BIGINT NOT NULL PRIMARY KEY,
    province_key                INT NOT NULL,
    plan_year                   INT NOT NULL,
    result_year                 INT NOT NULL,
    index_code                  NVARCHAR(10) NOT NULL,
    plan_number                 NVARCHAR(100) NULL,
    plan_date                   DATE NULL,
    task_sequence               INT NOT NULL,
    criterion_code              NVARCHAR(40) NOT NULL,
    parent_criterion_code       NVARCHAR(40) NULL,
    criterion_level             INT NOT NULL,
    criterion_key               INT NULL,
    criterion_name              NVARCHAR(MAX) NULL,
    max_points                  FLOAT NULL,
    appraised_points            FLOAT NULL,
    points_lost_stated          FLOAT NULL,
    points_lost_computed        FLOAT NULL,
    remedy                      NVARCHAR(MAX) NULL,
    lead_agencies_text          NVARCHAR(MAX) NULL,
    coordinating_agencies_text  NVARCHAR(MAX) NULL,
    deadline_text               NVARCHAR(400) NULL,
    deadline_date               DATE NULL,
    deadline_kind               NVARCHAR(20) NOT NULL,
    deadline_is_ongoing         BIT NOT NULL,
    note                        NVARCHAR(MAX) NULL,
    is_synthetic                BIT NOT NULL,
    file_id                     BIGINT NOT NULL,
    run_id                      BIGINT NOT NULL,
    source_sheet                NVARCHAR(200) NULL,
    source_row                  INT NULL,
    CONSTRAINT uq_fact_remediation_task_row UNIQUE (province_key, plan_year, task_sequence)
);
GO

CREATE TABLE dw.bridge_remediation_task_agency (
    task_key     BIGINT NOT NULL,
    agency_key   INT NOT NULL,
    agency_role  NVARCHAR(20) NOT NULL,
    ordinal      INT NOT NULL,
    as_written   NVARCHAR(400) NOT NULL,
    CONSTRAINT pk_bridge_remediation_task_agency PRIMARY KEY (task_key, agency_role, ordinal)
);
GO
