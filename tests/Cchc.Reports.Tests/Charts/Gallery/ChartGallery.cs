using Cchc.Reports.Charts;
using Cchc.TestSupport;

namespace Cchc.Reports.Tests.Charts.Gallery;

/// <summary>One recipe in the gallery: its class, its file name (the recipe's <c>Name</c>) and how it is drawn from <see cref="ChartSamples"/>.</summary>
internal sealed record GalleryEntry(Type Recipe, string Name, Func<ChartSamples, ChartImage> Render);

/// <summary>
/// The committed chart gallery, <c>docs/charts/</c>: for every recipe and report language a PNG and the approved data
/// snapshot beside it, and a README a person browses. Only <c>CCHC_APPROVE=1</c> writes there.
/// </summary>
internal static class ChartGallery
{
    public const string ApproveCommand = "CCHC_APPROVE=1 dotnet test tests/Cchc.Reports.Tests --filter Gallery";

    public static readonly string[] Languages = ["vi", "en"];

    public static readonly IReadOnlyList<GalleryEntry> Entries =
    [
        new(typeof(RankHistoryChart), RankHistoryChart.Name, s => RankHistoryChart.Render(s.RankHistory(), s.Context)),
        new(typeof(PointsLostChart), PointsLostChart.Name, s => PointsLostChart.Render(s.PointsLost(), s.Context)),
        new(typeof(WaterfallChart), WaterfallChart.Name, s => WaterfallChart.Render(s.Waterfall(), s.Context)),
        new(typeof(AttributionChart), AttributionChart.Name, s => AttributionChart.Render(s.Attribution(), s.Context)),
        new(typeof(DistributionChart), DistributionChart.Name, s => DistributionChart.Render(s.Distribution(), s.Context)),
        new(typeof(HeatmapChart), HeatmapChart.Name, s => HeatmapChart.Render(s.Heatmap(), s.Context)),
        new(typeof(ImportanceChart), ImportanceChart.Name, s => ImportanceChart.Render(s.Importance(), s.Context)),
        new(typeof(WhatIfCurveChart), WhatIfCurveChart.Name, s => WhatIfCurveChart.Render(s.WhatIf(), s.Context)),
        new(typeof(OnTimeChart), OnTimeChart.Name, s => OnTimeChart.Render(s.OnTime(), s.Context)),
        new(typeof(ScatterChart), ScatterChart.Name, s => ScatterChart.Render(s.Scatter(), s.Context)),
    ];

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "docs", "charts");

    public static string Readme => Path.Combine(Folder, "README.md");

    /// <summary>Where a test writes what it received when it differs from the approved file: the build output, never the repository.</summary>
    public static string ReceivedFolder => Path.Combine(AppContext.BaseDirectory, "chart-gallery-received");

    public static bool Approving => Environment.GetEnvironmentVariable("CCHC_APPROVE") == "1";

    public static GalleryEntry Entry(string name) => Entries.Single(e => e.Name == name);

    public static string ImageFile(GalleryEntry entry, string language) => $"{entry.Name}.{language}.png";

    public static string ApprovedFile(GalleryEntry entry, string language) => $"{entry.Name}.{language}.approved.txt";
}
