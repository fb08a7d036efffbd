using System.Globalization;
using Cchc.Cli.Parsing;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc publish [--to FILE]</c>: writes the read-only copy of the embedded warehouse that Power BI opens
/// (<c>cchc.published.duckdb</c> beside <c>cchc.duckdb</c>). <c>load</c> and <c>demo</c> publish by themselves after
/// loading; SQL Server needs no copy (readers query it directly under READ_COMMITTED_SNAPSHOT).
/// </summary>
internal sealed class PublishCommand : ICommand
{
    public string Name => "publish";

    public string Summary => "Write the read-only copy of the DuckDB warehouse that Power BI opens";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("to", "FILE", "write the copy here (default: <warehouse>.published.duckdb beside it)")
        .Warehouse()
        .Json("where the copy went and its size")
        .Example("cchc publish", "refresh cchc.published.duckdb beside cchc.duckdb")
        .Example("cchc publish --to /srv/powerbi/cchc.duckdb", "a copy where the Power BI gateway reads");

    public int Run(CommandContext context)
    {
        using var warehouse = context.OpenWarehouse();
        if (warehouse.Publish(context.Line.Option("to")) is not { } copy)
        {
            context.Out.WriteLine($"Nothing to publish: {warehouse.Target.Engine} serves readers directly (READ_COMMITTED_SNAPSHOT; see warehouse/README.md).");
            return CliApp.Ok;
        }

        if (context.Json)
        {
            context.WriteJson(new { copy.Path, copy.SizeBytes, Seconds = Math.Round(copy.Elapsed.TotalSeconds, 3) });
        }
        else
        {
            context.Out.WriteLine($"Published {copy.Path} ({Describe(copy)})");
        }

        return CliApp.Ok;
    }

    /// <summary>
    /// Refreshes the published copy after a load. The load has committed by then, so a copy that cannot be replaced
    /// (a reader blocking the rename on Windows) is a warning, never a failed load.
    /// </summary>
    internal static void AfterLoad(CommandContext context, IWarehouse warehouse)
    {
        try
        {
            if (warehouse.Publish() is not { } copy)
            {
                return;
            }

            context.Progress($"Published the read-only copy {copy.Path} ({Describe(copy)})");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Err.WriteLine($"warning: the load committed, but the read-only copy was not refreshed: {e.Message}");
        }
    }

    private static string Describe(PublishedCopy copy) =>
        string.Create(CultureInfo.InvariantCulture, $"{copy.SizeBytes / 1048576.0:0.0} MB in {copy.Elapsed.TotalSeconds:0.0} s");
}
