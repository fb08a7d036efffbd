using Cchc.Etl.OneStop;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads the catalogue of procedures (TTHC) and agencies behind the dossier logs (kind "onestop-catalog"). It fixes up
/// the members the logs inferred — same keys, now with their official names, fields, deadlines and levels — and adds
/// members no log has used yet. Catalogues are small: read whole with <see cref="Workbook"/>. A catalogue upserts, so it
/// never retires an earlier file.
/// </summary>
internal sealed class OneStopCatalogLoader : FileLoader, IProvinceScopedLoader
{
    public const string KindName = "onestop-catalog";

    private static readonly ColumnLimits Limits = ColumnLimits.Default;

    /// <summary>The province of agency rows that name none (<c>--province</c>, <c>CCHC_PROVINCE</c>).</summary>
    public ProvinceSetting Province { get; init; } = ProvinceSetting.None;

    public override string Kind => KindName;

    public IFileLoader WithProvince(ProvinceSetting province) => new OneStopCatalogLoader { Province = province };

    protected override bool RecognisesContent(string path) => Sheets(Workbook.Open(path)).Any();

    protected override FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file)
    {
        var sheets = Sheets(Workbook.Open(file.Path)).ToList();
        if (sheets.Count == 0)
        {
            var message = $"{file.Where}: not a one-stop catalogue: no sheet with Mã TTHC + Tên TTHC or Mã cơ quan + Tên cơ quan (+ Tỉnh, Cấp or Hiệu lực từ)";
            return file.Fail(warehouse, runId, message, [new QuarantineRecord(file.Where, message)]);
        }

        var provinces = sheets.ToDictionary(s => s.Sheet, s => AgencyProvince(file, s.Sheet, s.HeaderRow, s.Header));
        using var session = warehouse.BeginFile(runId, file.Info);
        var rejected = new List<QuarantineRecord>();
        var loaded = 0;
        var read = 0;
        var skipped = 0;
        foreach (var (sheet, headerRow, header) in sheets)
        {
            var last = sheet.RowCount - 1;
            while (last > headerRow && sheet.IsBlankRow(last))
            {
                last--;
            }

            for (var r = headerRow + 1; r <= last; r++)
            {
                read++;
                if (sheet.IsBlankRow(r))
                {
                    skipped++;
                    continue;
                }

                var problem = header.Kind == CatalogKind.Procedures
                    ? UpsertProcedure(session, sheet, r, header)
                    : UpsertAgency(session, sheet, r, header, provinces[sheet]);
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
        var decisions = provinces.Values.Where(p => p is not null).Select(p => p!.Decision).Distinct().ToList();
        return file.Commit(session, new RowCounts(read, loaded, rejected.Count, skipped)) with
        {
            ProvinceDecision = decisions.Count == 0 ? null : string.Join("; ", decisions),
        };
    }

    /// <summary>
    /// Whose agencies an agency sheet lists: per row from its Tỉnh column (each checked against --province), else the
    /// province its title rows name, else --province, else the deployment default; a sheet that gives none is refused
    /// with the option to pass. Procedure sheets are national (Mã TTHC) and need none.
    /// </summary>
    private ProvinceChoice? AgencyProvince(LoadingFile file, Sheet sheet, int headerRow, CatalogHeader header)
    {
        if (header.Kind != CatalogKind.Agencies)
        {
            return null;
        }

        if (header["province"] >= 0)
        {
            return new ProvinceChoice(Province.Given ?? Province.DeploymentDefault, Province.Given,
                "per row, from the Tỉnh column" + (Province.Given is { } g ? $" (each checked against {ProvinceSetting.Describe(g, true)})" : string.Empty));
        }

        var titled = Enumerable.Range(0, headerRow)
            .Select(r => (Row: r + 1, Text: string.Join(' ', Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).Where(t => t is not null))))
            .Select(t => (t.Row, t.Text, Code: ProvinceMention.Find(t.Text)))
            .FirstOrDefault(t => t.Code is not null);
        if (titled.Code is { } fromTitle)
        {
            if (Province.Given is { } given && !SameProvince(given, fromTitle))
            {
                throw new FileRefusedException(sheet.Where(titled.Row - 1),
                    $"--province {given} ({ProvinceSetting.Name(given)}) contradicts the catalogue, whose title names {fromTitle} ({ProvinceSetting.Name(fromTitle)}): '{titled.Text}'");
            }

            return new ProvinceChoice(fromTitle, Province.Given, $"{fromTitle} ({ProvinceSetting.Name(fromTitle)}) from the title row {titled.Row} of sheet '{sheet.Name}'");
        }

        if ((Province.Given ?? Province.DeploymentDefault) is null)
        {
            throw new FileRefusedException(sheet.Where(headerRow),
                $"the agency catalogue names no province (no Tỉnh column, no 'UBND tỉnh …' title): pass --province P or set {ProvinceSetting.EnvironmentVariable}");
        }

        var code = Province.Given ?? Province.DeploymentDefault!;
        return new ProvinceChoice(code, Province.Given, $"{ProvinceSetting.Describe(code, Province.Given is not null)} (the catalogue names none)");
    }

    /// <summary>The same province, or one of the 2025 merger's predecessors and its successor.</summary>
    private static bool SameProvince(string a, string b) =>
        a == b || ProvinceCatalog.Default.All.Where(p => p.GsoCode == a).Select(p => p.Code2025)
            .Intersect(ProvinceCatalog.Default.All.Where(p => p.GsoCode == b).Select(p => p.Code2025)).Any();

    private static IEnumerable<(Sheet Sheet, int HeaderRow, CatalogHeader Header)> Sheets(Workbook workbook)
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
    private static string? UpsertAgency(ILoadSession session, Sheet sheet, int r, CatalogHeader h, ProvinceChoice? sheetProvince)
    {
        var code = Cell(sheet, r, h["agency_code"]);
        var name = Cell(sheet, r, h["agency_name"]);
        var provinceText = Cell(sheet, r, h["province"]) ?? sheetProvince?.FileCode;
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

        if (sheetProvince?.RequiredCode is { } required && !SameProvince(required, gso))
        {
            throw new FileRefusedException(sheet.Where(r, h["province"]),
                $"the agency's province '{provinceText}' is not {ProvinceSetting.Name(required)} as --province {required} says; pass the catalogue's province or leave --province out");
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
