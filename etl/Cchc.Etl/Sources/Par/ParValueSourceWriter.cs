using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Par;

/// <summary>Writes the provenance of real PAR values (dw.par_value_source) in the same transaction as the scores,
/// replacing the year the file covers.</summary>
internal static class ParValueSourceWriter
{
    private static readonly string[] Columns =
        ["year", "province_key", "criterion_code", "value_kind", "value", "source", "note", "file_id", "run_id"];

    public static void Replace(ILoadSession session, int year, IReadOnlyList<(int ProvinceKey, ParProvenanceEntry Entry)> rows)
    {
        session.Execute("DELETE FROM dw.par_value_source WHERE year = @year", new { year });
        using var writer = session.CreateBulkWriter("dw.par_value_source", Columns);
        foreach (var (provinceKey, e) in rows)
        {
            int y = year;
            int key = provinceKey;
            double value = e.Value;
            long file = session.FileId;
            long run = session.RunId;
            writer.WriteRow([y, key, e.CriterionCode, e.ValueKind, value, e.Source, e.Note, file, run]);
        }

        writer.Complete();
    }
}
