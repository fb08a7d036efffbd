-- One-stop (một cửa) dossier logs: an accumulating-snapshot fact with its dimensions (issue 4). T-SQL twin of
-- duckdb/0200_onestop.sql. dw.dim_onestop_agency is kept apart from the remediation-plan agency dimension on purpose.
CREATE TABLE dw.dim_date (
    [date]          DATE NOT NULL PRIMARY KEY,
    year            INT NOT NULL,
    quarter         INT NOT NULL,
    month           INT NOT NULL,
    month_start     DATE NOT NULL,
    day_of_month    INT NOT NULL,
    iso_day_of_week INT NOT NULL,
    is_weekend      BIT NOT NULL,
    month_name_vi   NVARCHAR(20) NOT NULL
);
GO
WITH n AS (
    SELECT TOP (DATEDIFF(day, CAST('2004-01-01' AS DATE), CAST('2041-01-01' AS DATE)))
           ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) - 1 AS i
    FROM sys.all_objects a CROSS JOIN sys.all_objects b
)
INSERT INTO dw.dim_date ([date], year, quarter, month, month_start, day_of_month, iso_day_of_week, is_weekend, month_name_vi)
SELECT x.d, YEAR(x.d), DATEPART(quarter, x.d), MONTH(x.d), DATEFROMPARTS(YEAR(x.d), MONTH(x.d), 1), DAY(x.d),
       ((DATEPART(weekday, x.d) + @@DATEFIRST - 2) % 7) + 1,
       CASE WHEN ((DATEPART(weekday, x.d) + @@DATEFIRST - 2) % 7) + 1 >= 6 THEN 1 ELSE 0 END,
       N'Tháng ' + CAST(MONTH(x.d) AS NVARCHAR(2))
FROM n CROSS APPLY (SELECT DATEADD(day, n.i, CAST('2004-01-01' AS DATE)) AS d) x;
GO
CREATE TABLE dw.dim_level (
    level_key          INT NOT NULL PRIMARY KEY,
    level_code         NVARCHAR(20) NOT NULL,
    name_vi            NVARCHAR(50) NOT NULL,
    name_en            NVARCHAR(50) NOT NULL,
    par_criterion_code NVARCHAR(20) NOT NULL,
    valid_to           DATE NULL
);
GO
INSERT INTO dw.dim_level (level_key, level_code, name_vi, name_en, par_criterion_code, valid_to) VALUES
    (1, N'province', N'Cấp tỉnh', N'Province level', N'3.4.1', NULL),
    (2, N'district', N'Cấp huyện', N'District level', N'3.4.2', '2025-06-30'),
    (3, N'commune', N'Cấp xã', N'Commune level', N'3.4.3', NULL);
GO
CREATE TABLE dw.dim_channel (
    channel_key  INT NOT NULL PRIMARY KEY,
    channel_code NVARCHAR(20) NOT NULL,
    name_vi      NVARCHAR(50) NOT NULL,
    name_en      NVARCHAR(50) NOT NULL
);
GO
INSERT INTO dw.dim_channel (channel_key, channel_code, name_vi, name_en) VALUES
    (0, N'unknown', N'Không rõ', N'Unknown'),
    (1, N'in_person', N'Trực tiếp', N'In person'),
    (2, N'online', N'Trực tuyến', N'Online'),
    (3, N'postal', N'Bưu chính công ích', N'Public postal service');
GO
CREATE TABLE dw.dim_procedure (
    procedure_key      INT NOT NULL PRIMARY KEY,
    procedure_code     NVARCHAR(100) NOT NULL UNIQUE,
    procedure_name     NVARCHAR(1000) NULL,
    field_name         NVARCHAR(400) NULL,
    statutory_days     INT NULL,
    is_inferred        BIT NOT NULL,
    first_seen_file_id BIGINT NULL,
    updated_file_id    BIGINT NULL
);
GO
INSERT INTO dw.dim_procedure (procedure_key, procedure_code, procedure_name, field_name, statutory_days, is_inferred, first_seen_file_id, updated_file_id)
VALUES (0, N'(none)', N'(không có mã TTHC)', NULL, NULL, 0, NULL, NULL);
GO
CREATE TABLE dw.dim_onestop_agency (
    agency_key         INT NOT NULL PRIMARY KEY,
    province_key       INT NOT NULL,
    agency_code        NVARCHAR(100) NULL,
    agency_name        NVARCHAR(400) NOT NULL,
    name_folded        NVARCHAR(400) NOT NULL,
    level_code         NVARCHAR(20) NULL,
    is_inferred        BIT NOT NULL,
    first_seen_file_id BIGINT NULL,
    updated_file_id    BIGINT NULL
);
GO
CREATE TABLE dw.dossier_export (
    file_id      BIGINT NOT NULL PRIMARY KEY,
    as_of_date   DATE NOT NULL,
    rows_read    BIGINT NOT NULL,
    rows_new     BIGINT NOT NULL,
    rows_updated BIGINT NOT NULL,
    is_synthetic BIT NOT NULL
);
GO
CREATE TABLE dw.fact_dossier (
    dossier_key        BIGINT NOT NULL,
    province_code_2025 NVARCHAR(2) NOT NULL,
    dossier_code       NVARCHAR(200) NOT NULL,
    province_key       INT NOT NULL,
    procedure_key      INT NOT NULL,
    agency_key         INT NOT NULL,
    level_key          INT NOT NULL,
    channel_key        INT NOT NULL,
    service_level      NVARCHAR(20) NULL,
    status_code        NVARCHAR(20) NOT NULL,
    received_date      DATE NOT NULL,
    due_date           DATE NOT NULL,
    resolved_date      DATE NULL,
    returned_date      DATE NULL,
    is_synthetic       BIT NOT NULL,
    first_file_id      BIGINT NOT NULL,
    file_id            BIGINT NOT NULL,
    run_id             BIGINT NOT NULL,
    source_line        INT NOT NULL,
    update_count       INT NOT NULL
);
GO
-- Columnstore for Power BI scans; a B-tree on the hash key keeps each merge proportional to its delta.
CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_dossier ON dw.fact_dossier;
GO
CREATE NONCLUSTERED INDEX ix_fact_dossier_key ON dw.fact_dossier (dossier_key) INCLUDE (dossier_code, province_code_2025);
GO
CREATE TABLE etl.stage_dossier (
    dossier_key        BIGINT NOT NULL,
    province_code_2025 NVARCHAR(2) NOT NULL,
    dossier_code       NVARCHAR(200) NOT NULL,
    province_key       INT NOT NULL,
    procedure_key      INT NOT NULL,
    agency_key         INT NOT NULL,
    level_key          INT NOT NULL,
    channel_key        INT NOT NULL,
    service_level      NVARCHAR(20) NULL,
    status_code        NVARCHAR(20) NOT NULL,
    received_date      DATE NOT NULL,
    due_date           DATE NOT NULL,
    resolved_date      DATE NULL,
    returned_date      DATE NULL,
    is_synthetic       BIT NOT NULL,
    source_line        INT NOT NULL
);
GO
