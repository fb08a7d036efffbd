using System.Globalization;
using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>Places gained (positive) or lost (negative) that one field accounts for.</summary>
public sealed record AttributionItem(string Code, string Name, double PlacesGained);

/// <summary>
/// Input of chart 4: an attribution of the observed rank change (e.g. exact Shapley values over fields) plus the part due
/// to other provinces moving. The parts must add up to <see cref="ObservedChange"/>; the recipe refuses them otherwise.
/// </summary>
public sealed record AttributionInput(
    string ProvinceName, string IndexName, int PreviousYear, int Year, int PreviousRank, int Rank, int Provinces,
    IReadOnlyList<AttributionItem> Fields, double PeerEffect)
{
    /// <summary>Places gained: last year's rank minus this year's (positive = climbed).</summary>
    public int ObservedChange => PreviousRank - Rank;
}

/// <summary>
/// Chart 4: rank-change attribution, one bar per field plus the peer effect, and the observed change they add up to.
/// 1200 × 700 px.
/// </summary>
public static class AttributionChart
{
    public const string Name = "04-rank-attribution";
    public const int Width = 1200;
    public const int Height = 700;
    public const double Tolerance = 1e-6;

    public static ChartImage Render(AttributionInput input, ChartContext context)
    {
        var t = context.Text;
        var sum = input.Fields.Sum(f => f.PlacesGained) + input.PeerEffect;
        if (Math.Abs(sum - input.ObservedChange) > Tolerance)
        {
            throw new ArgumentException(
                $"The attributions add up to {sum.ToString("0.######", CultureInfo.InvariantCulture)} places, " +
                $"but the observed change is {input.ObservedChange}; a chart of them would be wrong.", nameof(input));
        }

        var fields = input.Fields.OrderByDescending(f => f.PlacesGained).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        var strongest = input.Fields.Count == 0 ? null : input.Fields.MaxBy(f => Math.Abs(f.PlacesGained));
        var title = t.AttributionTitle(input.ProvinceName, input.PreviousRank, input.Rank, input.Provinces, strongest, input.PeerEffect);
        var reading = t.AttributionReading(fields.Where(f => f.PlacesGained > 0).ToList(), fields.Where(f => f.PlacesGained < 0).ToList(),
            input.PeerEffect, input.ObservedChange, input.PreviousYear, input.Year);

        var plot = ChartStyle.NewPlot(t);
        var rows = new List<(string Label, double Value, Color Color)>();
        rows.AddRange(fields.Select(f => (TextWrap.Shorten(f.Code.Length > 0 ? $"{f.Code} {f.Name}" : f.Name, 34), f.PlacesGained, f.PlacesGained >= 0 ? ChartPalette.Gain : ChartPalette.Loss)));
        rows.Add((t.PeerEffect, input.PeerEffect, ChartPalette.Peers));
        rows.Add((t.ObservedRankChange(input.PreviousYear, input.Year), input.ObservedChange, ChartPalette.Total));
        var n = rows.Count;
        var bars = rows.Select((r, i) => new Bar
        {
            Position = n - 1 - i, Value = r.Value, FillColor = r.Color, LineWidth = 0, Size = 0.65,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        var extent = Math.Max(1, rows.Max(r => Math.Abs(r.Value)));
        for (var i = 0; i < n; i++)
        {
            var (_, value, color) = rows[i];
            ChartStyle.Label(plot, t.WithSign(value, 1), value, n - 1 - i, value >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight, color, bold: true)
                .OffsetX = value >= 0 ? 4 : -4;
        }

        plot.Add.VerticalLine(0, 1.5f, ChartPalette.Text);
        plot.Add.HorizontalLine(1.5, 1, ChartPalette.Peers, LinePattern.Dotted);
        ChartStyle.ManualTicks(plot.Axes.Left, rows.Select((r, i) => ((double)(n - 1 - i), r.Label)));
        plot.Axes.SetLimitsX(-extent * 1.3, extent * 1.3);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel(t.PlacesAxis);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }
}
