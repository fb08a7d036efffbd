using System.Diagnostics;
using Cchc.Etl.OneStop;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads the catalogue of procedures (TTHC) and agencies behind the dossier logs (kind "onestop-catalog"). It fixes up
/// the members the logs inferred — same keys, now with their official names, fields, deadlines and levels — and adds
/// members no log has used yet. Catalogues are small: read whole with <see cref="Workbook"/>.
/// </summary>
public sealed class OneStopCatalogLoader : IFileLoader
{
    public const string KindName = "onestop-catalog";

    private static readonly ColumnLimits Limits = ColumnLimits.Default;

    public string Kind => KindName;

    public bool Recognises(string path)
    {
        try
        {
            return Sheets(Workbook.Open(path)).Any();
        }
        catch (SpreadsheetException)
        {
            return false;
        }
    }

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path)
    {
        var clock = Stopwatch.StartNew();
        var exists = File.Exists(path);
        var info = new SourceFileInfo(Path.GetFullPath(path), Kind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0);
        List<(Sheet Sheet, int HeaderRow, CatalogHeader Header)> sheets;
        try
        {
            sheets = Sheets(Workbook.Open(path)).ToList();
        }
        catch (SpreadsheetException e)
        {
            warehouse.RecordFailedFile(runId, info, e.Message, [new QuarantineRecord(e.Location, e.Problem)]);
            return new FileLoadResult(path, Kind, false, 0, 1, clock.Elapsed, e.Message);
        }

        if (sheets.Count == 0)
        {
            var message = $"{new SourceLocation(path)}: not a one-stop catalogue: no sheet with Mã TTHC + Tên TTHC or Mã cơ quan + Tên cơ quan + Tỉnh";
            warehouse.RecordFailedFile(runId, info, message, [new QuarantineRecord(new SourceLocation(path), message)]);
            return new FileLoadResult(path, Kind, false, 0, 1, clock.Elapsed, message);
        }

        using var session = warehouse.BeginFile(runId, info);
        var rejected = new List<QuarantineRecord>();
        var loaded = 0;
        foreach (var (sheet, headerRow, header) in sheets)
        {
            for (var r = headerRow + 1; r < sheet.RowCount; r++)
            {
                if (sheet.IsBlankRow(r))
                {
                    continue;
                }

                var problem = header.Kind == CatalogKind.Procedures ? UpsertProcedure(session, sheet, r, header) : UpsertAgency(session, sheet, r, header);
                if (problem is null)
                {
                    loaded++;
                }
                else
                {
                    rejected.Add(new QuarantineRecord(sheet.Where(r), problem, string.Join(';', Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)))));
                }
            }
        }

        session.Quarantine(rejected);
        session.Commit(new FileLoadOutcome(loaded, rejected.Count, "loaded"));
        return new FileLoadResult(path, Kind, true, loaded, rejected.Count, clock.Elapsed);
    }

    private static IEnumerable<(Sheet, int, CatalogHeader)> Sheets(Workbook workbook)
    {
        foreach (var sheet in workbook.Sheets.Where(s => !s.IsHidden))
        {
            for (var r = 0; r < Math.Min(sheet.RowCount, 20); r++)
            {
                if (CatalogHeader.TryMatch(Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).ToList()) is { } header)
                {
                    yield return (sheet, r, header);
                    break;
                }
            }
        }
    }

    private static string? UpsertProcedure(ILoadSession session, Sheet sheet, int r, CatalogHeader h)
    {
        var code = Cell(sheet, r, h["procedure_code"]);
        var name = Cell(sheet, r, h["procedure_name"]);
        if (code is null || name is null)
        {
            return "a procedure needs its code (Mã TTHC) and name (Tên TTHC)";
        }

        var field = Cell(sheet, r, h["field"]);
        if ((Limits.TooLong("dw.dim_procedure", "procedure_code", code, "the procedure code (Mã TTHC)")
             ?? Limits.TooLong("dw.dim_procedure", "procedure_name", name, "the procedure name (Tên TTHC)")
             ?? Limits.TooLong("dw.dim_procedure", "field_name", field, "the field (Lĩnh vực)")) is { } tooLong)
        {
            return tooLong;
        }

        var daysText = Cell(sheet, r, h["days"]);
        var days = daysText is null ? null : CellValues.ParseNumber(new string(daysText.TakeWhile(c => char.IsDigit(c) || c is ',' or '.').ToArray()));
        var values = new { code, name, field, days = days is null ? (int?)null : (int)days.Value, fileId = session.FileId, inferred = false };
        var updated = session.Execute(
            """
            UPDATE dw.dim_procedure SET procedure_name = @name, field_name = @field, statutory_days = @days, is_inferred = @inferred, updated_file_id = @fileId
            WHERE procedure_code = @code
            """, values);
        if (updated == 0)
        {
            var key = session.Query<int>("SELECT COALESCE(MAX(procedure_key), 0) + 1 FROM dw.dim_procedure").Single();
            session.Execute(
                """
                INSERT INTO dw.dim_procedure (procedure_key, procedure_code, procedure_name, field_name, statutory_days, is_inferred, first_seen_file_id, updated_file_id)
                VALUES (@key, @code, @name, @field, @days, @inferred, @fileId, @fileId)
                """, new { key, values.code, values.name, values.field, values.days, values.fileId, values.inferred });
        }

        return null;
    }

    /// <summary>Fixes up the agency in every province entity with that GSO code (it may appear before and after the
    /// 2025 merger); a new agency goes to the entity valid on its 'Hiệu lực từ' date, else the current one.</summary>
    private static string? UpsertAgency(ILoadSession session, Sheet sheet, int r, CatalogHeader h)
    {
        var code = Cell(sheet, r, h["agency_code"]);
        var name = Cell(sheet, r, h["agency_name"]);
        var provinceText = Cell(sheet, r, h["province"]);
        if (code is null || name is null || provinceText is null)
        {
            return "an agency needs its code (Mã cơ quan), name (Tên cơ quan) and province (Tỉnh)";
        }

        if ((Limits.TooLong("dw.dim_onestop_agency", "agency_code", code, "the agency code (Mã cơ quan)")
             ?? Limits.TooLong("dw.dim_onestop_agency", "agency_name", name, "the agency name (Tên cơ quan)")) is { } tooLong)
        {
            return tooLong;
        }

        if (ProvinceOnDay.Code(provinceText) is not { } gso)
        {
            return $"unknown province '{provinceText}'";
        }

        var levelText = Cell(sheet, r, h["level"]);
        var level = levelText is null ? DossierLevel.Unknown : DossierVocabulary.Level(levelText);
        var levelCode = level == DossierLevel.Unknown ? null : level.ToString().ToLowerInvariant();
        var folded = CellValues.Fold(name);
        var fixedUp = 0;
        foreach (var province in ProvinceCatalog.Default.All.Where(p => p.GsoCode == gso))
        {
            var values = new { code, name, folded, levelCode, provinceKey = province.Key, fileId = session.FileId, inferred = false };
            var n = session.Execute(
                """
                UPDATE dw.dim_onestop_agency SET agency_name = @name, name_folded = @folded, level_code = @levelCode, is_inferred = @inferred, updated_file_id = @fileId
                WHERE province_key = @provinceKey AND agency_code = @code
                """, values);
            if (n == 0)
            {
                n = session.Execute(
                    """
                    UPDATE dw.dim_onestop_agency SET agency_code = @code, agency_name = @name, level_code = @levelCode, is_inferred = @inferred, updated_file_id = @fileId
                    WHERE province_key = @provinceKey AND agency_code IS NULL AND name_folded = @folded
                    """, values);
            }

            fixedUp += n;
        }

        if (fixedUp == 0)
        {
            var validFromText = Cell(sheet, r, h["valid_from"]);
            var day = validFromText is not null && DossierDates.TryParse(validFromText, out var d) ? d : (DateOnly?)null;
            var target = ProvinceCatalog.Default.All.Where(p => p.GsoCode == gso).FirstOrDefault(p => day is null ? p.ValidTo is null : p.IsValidOn(day.Value));
            if (target is null)
            {
                return $"no province with code {gso} on {validFromText}";
            }

            var key = session.Query<int>("SELECT COALESCE(MAX(agency_key), 0) + 1 FROM dw.dim_onestop_agency").Single();
            session.Execute(
                """
                INSERT INTO dw.dim_onestop_agency (agency_key, province_key, agency_code, agency_name, name_folded, level_code, is_inferred, first_seen_file_id, updated_file_id)
                VALUES (@key, @provinceKey, @code, @name, @folded, @levelCode, @inferred, @fileId, @fileId)
                """, new { key, provinceKey = target.Key, code, name, folded, levelCode, fileId = session.FileId, inferred = false });
        }

        return null;
    }

    private static string? Cell(Sheet sheet, int row, int column) => column < 0 ? null : sheet.Text(row, column);
}
