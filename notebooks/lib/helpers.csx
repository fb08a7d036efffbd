// What every notebook here shares once the project's libraries are referenced (lib/references.csx): opening the
// warehouse for reading, saying plainly when data is synthetic, and showing tables and charts inline.
using System.Globalization;
using System.IO;
using System.Text;
using Cchc.Reports.Charts;
using Cchc.Warehouse;
using Dapper;
using Microsoft.DotNet.Interactive;

/// <summary>
/// The warehouse named by the setting cell, opened for reading only. DuckDB allows one writer *or* many readers per
/// file, so a notebook never opens the live file: it opens a private copy of the published copy that `cchc load` /
/// `cchc demo` / `cchc publish` keep beside it (cchc.published.duckdb), and a load can run while the notebook is open.
/// A SQL Server warehouse is opened directly (its readers never block a load).
/// </summary>
static (IWarehouse Warehouse, string Description) OpenWarehouseForReading(string setting)
{
    var spec = setting.Trim();
    var target = spec.StartsWith(WarehouseTarget.DuckDb + ":", StringComparison.OrdinalIgnoreCase)
        || spec.StartsWith(WarehouseTarget.SqlServer + ":", StringComparison.OrdinalIgnoreCase)
        ? WarehouseTarget.Parse(spec)
        : new WarehouseTarget(WarehouseTarget.DuckDb, spec);
    if (target.Engine != WarehouseTarget.DuckDb)
    {
        return (WarehouseFactory.Open(target), target.ToString());
    }

    var path = Path.GetFullPath(target.Location);
    var published = path.EndsWith(".published.duckdb", StringComparison.OrdinalIgnoreCase)
        ? path
        : Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + ".published.duckdb");
    var source = File.Exists(published) ? published
        : File.Exists(path) ? path
        : throw new FileNotFoundException(
            $"No warehouse at {path}. Create the demo one from the repository root with " +
            "`dotnet run --project etl/Cchc.Cli -- demo --out out/demo`, or point the setting (or CCHC_WAREHOUSE) at yours.");
    var copy = Path.Combine(Path.GetTempPath(), $"cchc-notebook-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
    File.Copy(source, copy);
    if (source == path && File.Exists(path + ".wal"))
    {
        File.Copy(path + ".wal", copy + ".wal");
    }

    var warehouse = WarehouseFactory.Open(new WarehouseTarget(WarehouseTarget.DuckDb, copy));
    AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        warehouse.Dispose();
        File.Delete(copy);
        File.Delete(copy + ".wal");
    };
    var folder = Path.GetFileName(Path.GetDirectoryName(path));
    var what = source == published
        ? $"a private copy of {folder}/{Path.GetFileName(published)} (published {File.GetLastWriteTime(published):yyyy-MM-dd HH:mm})"
        : $"a private copy of {folder}/{Path.GetFileName(path)} — it has no published copy beside it, so a load running right now could " +
          "leave this copy inconsistent; `cchc publish` writes one";
    return (warehouse, what);
}

/// <summary>A province entity as `rpt.province` keys it (key = GSO code before 1 July 2025, 100 + code after).</summary>
/// <param name="Code2025">The 34-province code the entity belongs to from 1 July 2025 (its own code after the reform).</param>
public sealed record Province(int Key, string Code, string Name, string ShortName, string Code2025, string? FormedFromCodes)
{
    /// <summary>Formed by merging several provinces on 1 July 2025.</summary>
    public bool IsMerged => FormedFromCodes is { } codes && codes.Split(',', ' ', '[', ']').Count(c => c.Length > 0) > 1;
}

/// <summary>
/// The province entity a GSO code or a name (with or without diacritics, "Tỉnh"/"Thành phố" optional) denotes in a year:
/// the one valid on 31 December, which is how the PAR Index rates the year of the 2025 merger.
/// </summary>
static Province FindProvince(IWarehouse warehouse, string codeOrName, int year)
{
    var all = warehouse.Query<Province>(
        """
        SELECT province_key AS Key, province_code AS Code, province_name AS Name, province_short_name AS ShortName,
               province_code_2025 AS Code2025, CAST(formed_from_codes AS VARCHAR) AS FormedFromCodes
        FROM rpt.province
        WHERE valid_from <= @yearEnd AND (valid_to IS NULL OR valid_to >= @yearEnd)
        """,
        new { yearEnd = new DateTime(year, 12, 31) });
    var wanted = Fold(codeOrName);
    return all.FirstOrDefault(p => p.Code == codeOrName.Trim() || Fold(p.ShortName) == wanted || Fold(p.Name) == wanted)
        ?? throw new ArgumentException($"No province '{codeOrName}' existed on 31 December {year}; rpt.province lists them.");
}

/// <summary>Lower case, no diacritics, đ → d: "Lâm Đồng" and "lam dong" compare equal (the project's one folding helper).</summary>
static string Fold(string text) => TextFolding.Fold(text);

/// <summary>Markdown text as a cell output.</summary>
static void Say(string markdown) => markdown.DisplayAs("text/markdown");

/// <summary>A banner that cannot be missed when any of the figures shown are synthetic.</summary>
static void SayIfSynthetic(bool isSynthetic, string what)
{
    if (isSynthetic)
    {
        Say($"> **⚠ Synthetic data** — {what}: generated by the project's sample (`is_synthetic` in the warehouse), not " +
            "published results. It shows how the analysis works, not how any province performed.");
    }
}

/// <summary>An HTML table of the rows' public properties or fields (anonymous types, records, tuples); numbers are
/// formatted invariantly.</summary>
static void ShowTable<T>(IEnumerable<T> rows, string? caption = null, int maxRows = 40)
{
    var properties = typeof(T).GetProperties().Select(p => (p.Name, Get: (Func<object?, object?>)p.GetValue))
        .Concat(typeof(T).GetFields().Select(f => (f.Name, Get: (Func<object?, object?>)f.GetValue)))
        .ToList();
    var list = rows.ToList();
    var html = new StringBuilder("<table>");
    if (caption is not null)
    {
        html.Append("<caption>").Append(Escape(caption)).Append("</caption>");
    }

    html.Append("<thead><tr>");
    foreach (var p in properties)
    {
        html.Append("<th>").Append(Escape(p.Name.Replace('_', ' '))).Append("</th>");
    }

    html.Append("</tr></thead><tbody>");
    foreach (var row in list.Take(maxRows))
    {
        html.Append("<tr>");
        foreach (var p in properties)
        {
            html.Append("<td>").Append(Escape(FormatCell(p.Get(row)))).Append("</td>");
        }

        html.Append("</tr>");
    }

    html.Append("</tbody></table>");
    if (list.Count > maxRows)
    {
        html.Append($"<p>… {list.Count - maxRows} more rows not shown.</p>");
    }

    html.ToString().DisplayAs("text/html");
}

/// <summary>HTML-escapes markup characters only, so Vietnamese stays readable in the saved notebook.</summary>
static string Escape(string text) =>
    text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

static string FormatCell(object? value) => value switch
{
    null => "—",
    double d when double.IsNaN(d) => "—",
    double d => d.ToString("0.###", CultureInfo.InvariantCulture),
    float f => f.ToString("0.###", CultureInfo.InvariantCulture),
    decimal m => m.ToString(CultureInfo.InvariantCulture),
    bool b => b ? "yes" : "no",
    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
    _ => value.ToString() ?? "",
};

/// <summary>A PNG inline (image/png, so Jupyter, VS Code and GitHub all render it).</summary>
static void ShowPng(byte[] png) => Convert.ToBase64String(png).DisplayAs("image/png");

/// <summary>One of the report's chart recipes inline, with the one-sentence reading it generates from the same numbers.</summary>
static void ShowChart(ChartImage chart)
{
    ShowPng(chart.Png);
    Say("*" + chart.Reading + "*");
}

/// <summary>A ScottPlot plot of our own, drawn with the reports' embedded font (Vietnamese names render everywhere).</summary>
static void ShowPlot(ScottPlot.Plot plot, int width = 1000, int height = 560) =>
    ShowPng(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));

/// <summary>One tick per year on the bottom axis, written without a thousands separator.</summary>
static void YearTicks(ScottPlot.Plot plot, IEnumerable<int> years)
{
    var list = years.Distinct().Order().ToArray();
    plot.Axes.Bottom.SetTicks(list.Select(y => (double)y).ToArray(), list.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToArray());
}

/// <summary>Pearson's correlation over the pairs (NaN with fewer than three).</summary>
static double Pearson(IReadOnlyList<(double X, double Y)> pairs)
{
    if (pairs.Count < 3)
    {
        return double.NaN;
    }

    var mx = pairs.Average(p => p.X);
    var my = pairs.Average(p => p.Y);
    var sxy = pairs.Sum(p => (p.X - mx) * (p.Y - my));
    var sxx = pairs.Sum(p => (p.X - mx) * (p.X - mx));
    var syy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
    return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
}

ChartFont.EnsureRegistered();
