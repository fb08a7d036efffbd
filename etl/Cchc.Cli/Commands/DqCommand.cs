using System.Globalization;
using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Provinces;
using Cchc.Etl.Quality;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc dq [--index PAR] [--year Y] [--province P] [--json] [--all] [--no-run] [--rules]</c>: runs the
/// data-quality rules over the warehouse for the scope, stores their findings, and lists the current findings (with
/// <c>--all</c> also superseded ones). Exit code 1 when a current error remains.
/// </summary>
internal sealed class DqCommand : ICommand
{
    public string Name => "dq";

    public string Summary => "Run the data-quality rules over the warehouse and show their findings (exit 1 while an error remains)";

    public void Declare(CommandSyntax syntax) => syntax
        .OneOf("index", "only this index", "PAR", "PCI", "PAPI")
        .Year("year", "only this year")
        .Text("province", "P", "only this province: a GSO code (68) or a name, with or without diacritics")
        .Flag("all", "list superseded findings too")
        .Flag("no-run", "list the stored findings without running the rules again")
        .Flag("rules", "list the rules and what each checks, then stop")
        .Warehouse()
        .Json("the findings")
        .Example("cchc dq --index PAR --year 2017", "run the rules over PAR 2017 and list what they found")
        .Example("cchc dq --province \"Lâm Đồng\" --no-run", "the stored findings about one province")
        .Example("cchc dq --rules", "every rule, its severity and what it checks");

    public int Run(CommandContext context)
    {
        if (context.Line.Has("rules"))
        {
            return ListRules(context);
        }

        var index = context.Line.Option("index")?.ToUpperInvariant();
        var year = context.Line.IntOption("year");
        var province = ResolveProvince(context.Line.Option("province"), year);
        // Findings are written under the writer lock (their ids are taken as MAX + 1); --no-run only reads.
        using var writer = context.Line.Has("no-run") ? null : context.OpenForWriting("cchc dq");
        using var reader = writer is null ? context.OpenForReading() : null;
        var warehouse = writer?.Warehouse ?? reader!;
        long? runId = null;
        if (!context.Line.Has("no-run"))
        {
            runId = warehouse.StartRun(CommandText(index, year, province));
            IReadOnlyList<DqFinding> found;
            try
            {
                using var transaction = warehouse.BeginTransaction();
                // Superseding the earlier findings and saving the new ones commit together or not at all.
                found = WarehouseQuality.Evaluate(transaction, runId.Value, null, DqStages.Command,
                    new QualityScope(index, year is null ? null : [year.Value], province?.Key), loadedSubjects: []);
                transaction.Commit();
            }
            catch (Exception e)
            {
                warehouse.FinishRun(runId.Value, "failed", $"{e.GetType().Name}: {e.Message}");
                throw;
            }

            warehouse.FinishRun(runId.Value, "succeeded", $"{found.Count} finding(s)");
        }

        var findings = DqFindingStore.Read(warehouse, index, year, province?.Key, context.Line.Has("all"));
        var current = findings.Where(f => f.IsCurrent).ToList();
        var errors = current.Count(f => f.Severity == "error");
        var warnings = current.Count - errors;
        if (context.Json)
        {
            context.WriteJson(new { RunId = runId, Errors = errors, Warnings = warnings, Findings = findings });
        }
        else
        {
            Print(context, findings, errors, warnings);
        }

        return errors > 0 ? CliApp.Failed : CliApp.Ok;
    }

    private static void Print(CommandContext context, IReadOnlyList<DqFindingRow> findings, int errors, int warnings)
    {
        context.Out.WriteLine($"Data quality: {errors} error(s), {warnings} warning(s) current");
        if (findings.Count == 0)
        {
            return;
        }

        var byRule = new ConsoleTable("rule", "severity", "findings");
        foreach (var group in findings.Where(f => f.IsCurrent).GroupBy(f => (f.Rule, f.Severity)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            byRule.Add(group.Key.Rule, group.Key.Severity, group.Count().ToString(CultureInfo.InvariantCulture));
        }

        context.Out.WriteLine();
        byRule.Write(context.Out);
        context.Out.WriteLine();
        var table = new ConsoleTable("severity", "rule", "index", "year", "province", "criterion", "message", "values", "where", "stage");
        foreach (var f in findings)
        {
            table.Add(f.Severity + (f.IsCurrent ? string.Empty : " (superseded)"), f.Rule, f.IndexCode, f.Year?.ToString(CultureInfo.InvariantCulture),
                f.ProvinceName, f.CriterionCode, f.Message, f.OffendingValues, Where(f), f.Stage);
        }

        table.Write(context.Out);
    }

    private static string Where(DqFindingRow f) =>
        f.SourceFile is null ? string.Empty
        : string.Join(", ", new[] { f.SourceFile, f.SourceSheet, f.SourceRow is { } row ? $"row {row}" : null, f.SourceColumn is { } c ? $"column {c}" : null }
            .Where(p => p is not null));

    private static int ListRules(CommandContext context)
    {
        var rules = QualityRules.Described.Select(r => new { r.Name, Severity = r.Severity == DqSeverity.Error ? "error" : "warning", r.Description }).ToList();
        if (context.Json)
        {
            context.WriteJson(rules);
            return CliApp.Ok;
        }

        var table = new ConsoleTable("rule", "severity", "what it checks");
        foreach (var r in rules)
        {
            table.Add(r.Name, r.Severity, r.Description);
        }

        table.Write(context.Out);
        return CliApp.Ok;
    }

    private static Province? ResolveProvince(string? text, int? year)
    {
        if (text is null)
        {
            return null;
        }

        var when = year ?? 2024;
        return ProvinceResolver.Default.Resolve(text, when) ?? ProvinceCatalog.Default.ByCode(text, when)
            ?? throw new UsageException($"--province '{text}' is not a province{(year is null ? string.Empty : $" in {year}")}");
    }

    private static string CommandText(string? index, int? year, Province? province) =>
        "dq" + (index is null ? string.Empty : $" --index {index}") + (year is null ? string.Empty : $" --year {year}")
        + (province is null ? string.Empty : $" --province {province.GsoCode}");
}
