using Cchc.Etl.Loading;
using Cchc.Etl.Provinces;
using Cchc.Warehouse;

namespace Cchc.Etl.OneStop;

/// <summary>How the province of a dossier log's rows is decided, and the words the load summary prints for it.</summary>
/// <param name="FileCode">The GSO code for rows that name none (no province column, or a blank cell); null = such rows are quarantined.</param>
/// <param name="RequiredCode">The <c>--province</c> every row must belong to (on its received date); null = not checked.</param>
/// <param name="Decision">How it was decided, e.g. "68 (Lâm Đồng) from the title row 1 'UBND TỈNH LÂM ĐỒNG'".</param>
internal sealed record ProvinceChoice(string? FileCode, string? RequiredCode, string Decision);

/// <summary>
/// Decides the province of a one-stop export. A province column names it per row. Otherwise what the file carries, in
/// order of strength: a title row above the header ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), the agency names of its first
/// rows ("Sở Tư pháp tỉnh Lâm Đồng", all that name one agreeing), the level-1 agency code its dossier numbers start
/// with ("H36.22-240115-0001"). Then <c>--province</c>, then the deployment default; else the file is refused with the
/// option to pass. <c>--province</c> never overrides the file: every row must belong to the same province on its
/// received date (so an export titled Đắk Nông agrees with --province 68 only for dossiers after the 2025 merger).
/// </summary>
internal static class ExportProvince
{
    /// <summary>Rows of the log sampled for agency names and dossier numbers when nothing else names the province.</summary>
    public const int SampleRows = 200;

    public static ProvinceChoice Decide(
        SourceLocation file, DossierHeader header, IReadOnlyList<(int Row, string Text)> titleRows, Func<IReadOnlyList<(string? Agency, string Code)>> sample, ProvinceSetting setting)
    {
        if (header.Has(DossierColumn.Province))
        {
            var column = header.Names[header[DossierColumn.Province]];
            var forBlankCells = setting.Given ?? setting.DeploymentDefault;
            var decision = $"per row, from the '{column}' column" +
                           (setting.Given is { } g ? $" (each checked against {ProvinceSetting.Describe(g, true)})" : string.Empty) +
                           (forBlankCells is null ? string.Empty : $"; blank cells: {ProvinceSetting.Describe(forBlankCells, setting.Given is not null)}");
            return new ProvinceChoice(forBlankCells, setting.Given, decision);
        }

        var evidence = FromTitle(titleRows) ?? FromRows(sample());
        if (evidence is { } found)
        {
            CheckAgrees(file, found, setting.Given);
            var agreement = setting.Given is { } given ? $"; {ProvinceSetting.Describe(given, true)} agrees" : string.Empty;
            return new ProvinceChoice(found.Code, setting.Given, $"{found.Code} ({ProvinceSetting.Name(found.Code)}) {found.How}{agreement}");
        }

        if (setting.Given is { } option)
        {
            return new ProvinceChoice(option, option, $"{option} ({ProvinceSetting.Name(option)}) from --province (the file names none)");
        }

        if (setting.DeploymentDefault is { } deployment)
        {
            return new ProvinceChoice(deployment, null, $"{deployment} ({ProvinceSetting.Name(deployment)}) from the deployment default {ProvinceSetting.EnvironmentVariable} (the file names none)");
        }

        throw new FileRefusedException(file,
            "the export names no province: it has no province column (Tỉnh, Mã tỉnh), no 'UBND tỉnh …' title above its header, and no agency " +
            "name or dossier number that names one. Pass --province P (a GSO code or a name, e.g. --province 68 or --province \"Lâm Đồng\"), " +
            $"or set {ProvinceSetting.EnvironmentVariable} for a deployment that loads one province's exports");
    }

    private static (string Code, string How)? FromTitle(IReadOnlyList<(int Row, string Text)> titleRows)
    {
        var named = titleRows.Select(t => (t.Row, t.Text, Code: ProvinceMention.Find(t.Text))).Where(t => t.Code is not null).ToList();
        if (named.Count == 0 || named.Any(n => n.Code != named[0].Code))
        {
            return null;
        }

        var text = named[0].Text.Length > 80 ? named[0].Text[..80] + "…" : named[0].Text;
        return (named[0].Code!, $"from the title row {named[0].Row} '{text}'");
    }

    private static (string Code, string How)? FromRows(IReadOnlyList<(string? Agency, string Code)> rows)
    {
        var agencies = rows.Where(r => r.Agency is not null).Select(r => (r.Agency!, Code: ProvinceMention.Find(r.Agency))).Where(a => a.Code is not null).ToList();
        if (agencies.Count > 0 && agencies.All(a => a.Code == agencies[0].Code))
        {
            return (agencies[0].Code!, $"inferred from the agency names ({agencies.Count} of the first {rows.Count} rows name it, e.g. '{agencies[0].Item1}')");
        }

        var prefixes = rows.Select(r => AgencyCodePrefix.Level1Code(r.Code)).Where(c => c is not null).ToList();
        if (prefixes.Count * 2 >= rows.Count && prefixes.Count > 0 && prefixes.All(p => p == prefixes[0]) && AgencyCodePrefix.GsoCode(prefixes[0]!) is { } code)
        {
            return (code, $"inferred from the dossier numbers (agency code {prefixes[0]} of QCVN 102:2016 in {prefixes.Count} of the first {rows.Count} rows)");
        }

        return null;
    }

    /// <summary>A file that names a province unrelated to --province fails at once; one related by the 2025 merger is
    /// checked row by row on the received dates.</summary>
    private static void CheckAgrees(SourceLocation file, (string Code, string How) found, string? given)
    {
        if (given is null || given == found.Code)
        {
            return;
        }

        var catalog = Warehouse.Reference.ProvinceCatalog.Default;
        var code2025 = catalog.All.Where(p => p.GsoCode == found.Code).Select(p => p.Code2025).ToHashSet(StringComparer.Ordinal);
        if (!catalog.All.Any(p => p.GsoCode == given && code2025.Contains(p.Code2025)))
        {
            throw new FileRefusedException(file,
                $"--province {given} ({ProvinceSetting.Name(given)}) contradicts the file, which names {found.Code} ({ProvinceSetting.Name(found.Code)}) {found.How}; " +
                "pass the file's province or leave --province out");
        }
    }
}
