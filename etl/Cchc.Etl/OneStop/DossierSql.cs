using Cchc.Warehouse.Engines;

namespace Cchc.Etl.OneStop;

/// <summary>
/// The set-based statements of the dossier load, per engine (the only engine-specific text the loader needs).
/// A staged dossier updates its row only when it is at least as far along as the stored one (a re-delivered older
/// export never undoes progress), and only when something changed or it is still open (so a pending dossier takes the
/// newer export's as-of date). update_count counts real changes, so reloading a file changes nothing.
/// What differs per engine (GREATEST, IS DISTINCT FROM, MERGE) comes from the warehouse's <see cref="SqlDialect"/>.
/// </summary>
internal static class DossierSql
{
    public static readonly string[] StageColumns =
    [
        "dossier_key", "province_code_2025", "dossier_code", "province_key", "procedure_key", "agency_key", "level_key",
        "channel_key", "service_level", "status_code", "received_date", "due_date", "resolved_date", "returned_date",
        "is_synthetic", "source_line",
    ];

    /// <summary>dw.fact_dossier's columns in table order, for rows written straight into it (new dossiers).</summary>
    public static readonly string[] FactColumns =
    [
        "dossier_key", "province_code_2025", "dossier_code", "province_key", "procedure_key", "agency_key", "level_key",
        "channel_key", "service_level", "status_code", "received_date", "due_date", "resolved_date", "returned_date",
        "is_synthetic", "first_file_id", "file_id", "run_id", "source_line", "update_count",
    ];

    /// <summary>Whether the staged row differs from the stored one (NULL-safe where the column may be NULL).</summary>
    private static string Changed(SqlDialect dialect) =>
        $"""
        f.province_key <> s.province_key OR f.procedure_key <> s.procedure_key OR f.agency_key <> s.agency_key
        OR f.level_key <> s.level_key OR f.channel_key <> s.channel_key OR {dialect.IsDistinctFrom("f.service_level", "s.service_level")}
        OR f.status_code <> s.status_code OR f.received_date <> s.received_date OR f.due_date <> s.due_date
        OR {dialect.IsDistinctFrom("f.resolved_date", "s.resolved_date")} OR {dialect.IsDistinctFrom("f.returned_date", "s.returned_date")}
        OR f.is_synthetic <> s.is_synthetic
        """;

    /// <summary>The staged row is at least as far along as the stored one (its latest date is not earlier).</summary>
    private static string NotBehind(SqlDialect dialect) =>
        $"{Latest(dialect, "s")}\n>= {Latest(dialect, "f")}";

    /// <summary>A row's latest date: received, resolved or returned (received is never NULL, so neither is any value).</summary>
    private static string Latest(SqlDialect dialect, string row) =>
        dialect.Greatest($"{row}.received_date", $"COALESCE({row}.resolved_date, {row}.received_date)", $"COALESCE({row}.returned_date, {row}.received_date)");

    private static string UpdateSet(SqlDialect dialect) =>
        $"""
        province_key = s.province_key, procedure_key = s.procedure_key, agency_key = s.agency_key, level_key = s.level_key,
        channel_key = s.channel_key, service_level = s.service_level, status_code = s.status_code,
        received_date = s.received_date, due_date = s.due_date, resolved_date = s.resolved_date, returned_date = s.returned_date,
        is_synthetic = s.is_synthetic, file_id = @fileId, run_id = @runId, source_line = s.source_line,
        update_count = f.update_count + CASE WHEN {Changed(dialect)} THEN 1 ELSE 0 END
        """;

    private const string InsertColumns =
        """
        (dossier_key, province_code_2025, dossier_code, province_key, procedure_key, agency_key, level_key, channel_key,
         service_level, status_code, received_date, due_date, resolved_date, returned_date, is_synthetic,
         first_file_id, file_id, run_id, source_line, update_count)
        """;

    private const string InsertValues =
        """
        (s.dossier_key, s.province_code_2025, s.dossier_code, s.province_key, s.procedure_key, s.agency_key, s.level_key, s.channel_key,
         s.service_level, s.status_code, s.received_date, s.due_date, s.resolved_date, s.returned_date, s.is_synthetic,
         @fileId, @fileId, @runId, s.source_line, 0)
        """;

    private static string MatchedCondition(SqlDialect dialect) => $"({NotBehind(dialect)}) AND (({Changed(dialect)}) OR (s.status_code = 'processing'))";

    public static string ClearStage => "DELETE FROM etl.stage_dossier";

    public static string CountFacts => "SELECT COUNT(*) FROM dw.fact_dossier";

    public static string ProvincesInFact => "SELECT DISTINCT province_code_2025 FROM dw.fact_dossier";

    /// <summary>Merges the staged chunk into dw.fact_dossier (the stage never holds a dossier twice).</summary>
    public static string Merge(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.Merge(new MergeSpec(
            "dw.fact_dossier", "f", "etl.stage_dossier", "s",
            "f.dossier_key = s.dossier_key AND f.dossier_code = s.dossier_code AND f.province_code_2025 = s.province_code_2025",
            InsertColumns, InsertValues)
        {
            MatchedCondition = MatchedCondition(dialect),
            UpdateSet = UpdateSet(dialect),
        });
    }
}
