using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc demo --out DIR</c>: writes the deterministic synthetic sample in the real layouts, loads it through the real
/// loaders into a fresh warehouse (<c>DIR/cchc.duckdb</c> unless --warehouse is given), prints what it loaded and why the
/// demo province's PAR rank moved, and writes its report (<c>DIR/report/index.html</c>).
/// </summary>
internal sealed class DemoCommand : ICommand
{
    /// <summary>Lâm Đồng, the province of the seed plan.</summary>
    public const string DemoProvince = "68";

    public string Name => "demo";

    public string Summary => "Generate the synthetic sample, load it, explain Lâm Đồng's PAR rank and write its report";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("out", "DIR", "the folder for the sample, the warehouse (DIR/cchc.duckdb, rebuilt each time) and the report (default out/demo)")
        .Writer()
        .Json("what was loaded and written")
        .Example("cchc demo --out out/demo", "sample → warehouse → analysis → out/demo/report/index.html")
        .Example("cchc demo --out out/demo --json --quiet", "the same, with a JSON summary and no progress");

    public int Run(CommandContext context)
    {
        var outDir = Path.GetFullPath(context.Line.Option("out") ?? "out/demo");
        Directory.CreateDirectory(outDir);
        var target = context.Line.Option("warehouse") is { } w
            ? WarehouseTarget.Parse(w)
            : new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(outDir, "cchc.duckdb"));
        if (context.Line.Option("warehouse") is null)
        {
            // The demo warehouse is rebuilt from scratch so that the demo is the same every time.
            File.Delete(target.Location);
            File.Delete(target.Location + ".wal");
        }

        var sampleDir = Path.Combine(outDir, "sample");
        context.Progress($"Writing the synthetic sample to {sampleDir}");
        var files = SampleGenerator.WriteAll(sampleDir);
        var notes = files.SelectMany(f => f.Notes ?? []).ToList();
        if (!context.Json)
        {
            foreach (var note in notes)
            {
                context.Out.WriteLine($"  note: {note}");
            }
        }

        using var session = context.OpenForWriting("cchc demo", target);
        var warehouse = session.Warehouse;
        var runs = new List<LoadRun>();
        foreach (var group in files.GroupBy(f => f.Kind))
        {
            var loader = LoaderRegistry.ForKind(group.Key)
                ?? throw new InvalidOperationException($"No loader for sample kind '{group.Key}'.");
            runs.Add(LoadCommand.Load(context, warehouse, loader, group.Select(f => f.Path).ToList(), $"demo load {group.Key}"));
        }

        PublishCommand.AfterLoad(context, warehouse);
        var status = WarehouseStatus.Read(warehouse, 3);
        if (!context.Json)
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"Demo warehouse: {target}");
            foreach (var i in status.Indices.Where(i => i.Rows > 0))
            {
                context.Out.WriteLine($"  {i.IndexCode}: {i.Years} years ({i.FirstYear}–{i.LastYear}), {i.Provinces} provinces, {i.Rows} rows ({i.SyntheticRows} synthetic)");
            }
        }

        string? report = null;
        var year = DemoAnalysis.ChooseYear(warehouse, DemoProvince);
        if (year is { } y)
        {
            if (!context.Json)
            {
                DemoAnalysis.PrintSummary(context.Out, warehouse, DemoProvince, y);
            }

            context.Progress("Writing the report (trains the cross-index model once) …");
            report = DemoAnalysis.WriteReport(warehouse, DemoProvince, y, Path.Combine(outDir, "report"));
            if (!context.Json)
            {
                context.Out.WriteLine($"Report: {report}");
            }
        }
        else
        {
            context.Progress($"No report: the warehouse has no PAR scores for province {DemoProvince}.");
        }

        if (context.Json)
        {
            context.WriteJson(new
            {
                Warehouse = target.ToString(),
                Notes = notes,
                Loads = runs.Select(LoadCommand.JsonOf),
                Indices = status.Indices.Where(i => i.Rows > 0),
                Province = DemoProvince,
                AnalysisYear = year,
                Report = report,
            });
        }

        return runs.All(r => r.Files.All(f => f.Succeeded)) ? CliApp.Ok : CliApp.Failed;
    }
}
