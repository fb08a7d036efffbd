using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc demo --out DIR</c>: writes the deterministic synthetic sample in the real layouts, loads it through the real
/// loaders into a fresh warehouse (<c>DIR/cchc.duckdb</c> unless --warehouse is given), prints what it loaded and why the
/// demo province's PAR rank moved, and writes its report (<c>DIR/report/index.html</c>).
/// </summary>
public sealed class DemoCommand : ICommand
{
    /// <summary>Lâm Đồng, the province of the seed plan.</summary>
    public const string DemoProvince = "68";

    public string Name => "demo";

    public string Usage => "demo --out DIR [--warehouse W] [--json]";

    public string Summary => "Generate the synthetic sample, load it, analyse it, write the report";

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
        foreach (var note in files.SelectMany(f => f.Notes ?? []))
        {
            context.Out.WriteLine($"  note: {note}");
        }

        using var session = context.OpenForWriting("cchc demo", target);
        var warehouse = session.Warehouse;
        var failed = 0;
        foreach (var group in files.GroupBy(f => f.Kind))
        {
            var loader = LoaderRegistry.ForKind(group.Key)
                ?? throw new InvalidOperationException($"No loader for sample kind '{group.Key}'.");
            var results = LoadCommand.Load(context, warehouse, loader, group.Select(f => f.Path).ToList(), $"demo load {group.Key}");
            failed += results.Count(r => !r.Succeeded);
        }

        PublishCommand.AfterLoad(context, warehouse);
        context.Out.WriteLine();
        context.Out.WriteLine($"Demo warehouse: {target}");
        var status = WarehouseStatus.Read(warehouse, 3);
        foreach (var i in status.Indices.Where(i => i.Rows > 0))
        {
            context.Out.WriteLine($"  {i.IndexCode}: {i.Years} years ({i.FirstYear}–{i.LastYear}), {i.Provinces} provinces, {i.Rows} rows ({i.SyntheticRows} synthetic)");
        }

        if (DemoAnalysis.ChooseYear(warehouse, DemoProvince) is { } year)
        {
            DemoAnalysis.PrintSummary(context.Out, warehouse, DemoProvince, year);
            context.Progress("Writing the report (trains the cross-index model once) …");
            context.Out.WriteLine($"Report: {DemoAnalysis.WriteReport(warehouse, DemoProvince, year, Path.Combine(outDir, "report"))}");
        }
        else
        {
            context.Progress($"No report: the warehouse has no PAR scores for province {DemoProvince}.");
        }

        return failed == 0 ? CliApp.Ok : CliApp.Failed;
    }
}
