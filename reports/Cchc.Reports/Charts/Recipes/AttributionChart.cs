using System.Globalization;
using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>Places gained (positive) or lost (negative) that one part accounts for, with its 90 % interval when known.</summary>
/// <param name="Low">Lower end of the 90 % interval, in places gained (null: no interval).</param>
/// <param name="High">Upper end of the 90 % interval, in places gained.</param>
public sealed record AttributionItem(string Code, string Name, double PlacesGained, double? Low = null, double? High = null);

/// <summary>
/// Input of chart 4: an attribution of the observed rank change — the province's own fields, the methodology's part
/// (changed maxima), the other provinces' moves, and the publication adjustment, each its own bar. The parts must add
/// up to <see cref="ObservedChange"/>; the recipe refuses them otherwise.
/// </summary>
/// <param name="Methodology">The methodology's own part when the two years use different versions; null otherwise.</param>
/// <param name="PublicationAdjustment">Published ranks against ranks recomputed from the totals (0 = no bar).</param>
/// <param name="ProbabilityRankChanged">Share of simulated re-measurements of the survey points in which the rank moved in
/// the observed direction; null when no sampling model was simulated.</param>
/// <param name="Distinguishable">Whether the change can be told apart from sampling noise (the observed direction holds
/// in at least 95 % of the re-measurements).</param>
public sealed record AttributionInput(
    string ProvinceName, string IndexName, int PreviousYear, int Year, int PreviousRank, int Rank, int Provinces,
    IReadOnlyList<AttributionItem> Fields, AttributionItem Peers, AttributionItem? Methodology = null, double PublicationAdjustment = 0,
    double? ProbabilityRankChanged = null, bool? Distinguishable = null)
{
    /// <summary>Places gained: last year's rank minus this year's (positive = climbed).</summary>
    public int ObservedChange => PreviousRank - Rank;
}

/// <summary>
/// Chart 4: rank-change attribution, one bar per field, the methodology's part, the other provinces' moves, the
/// publication adjustment and the observed change they add up to; whiskers show each part's 90 % interval under
/// re-measurement of the survey-based points. 1200 × 700 px.
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
        var sum = input.Fields.Sum(f => f.PlacesGained) + input.Peers.PlacesGained + (input.Methodology?.PlacesGained ?? 0) + input.PublicationAdjustment;
        if (Math.Abs(sum - input.ObservedChange) > Tolerance)
        {
            throw new ArgumentException(
                $"The attributions add up to {sum.ToString("0.######", CultureInfo.InvariantCulture)} places, " +
                $"but the observed change is {input.ObservedChange}; a chart of them would be wrong.", nameof(input));
        }

        var fields = input.Fields.OrderByDescending(f => f.PlacesGained).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        var strongest = input.Fields.Count == 0 ? null : input.Fields.MaxBy(f => Math.Abs(f.PlacesGained));
        var title = t.AttributionTitle(input.ProvinceName, input.PreviousRank, input.Rank, input.Provinces, strongest, input.Peers.PlacesGained, input.Distinguishable);
        var reading = t.AttributionReading(input);

        var plot = ChartStyle.NewPlot(t);
        var rows = new List<(string Label, AttributionItem Item, Color Color)>();
        rows.AddRange(fields.Select(f => (TextWrap.Shorten(f.Code.Length > 0 ? $"{f.Code} {f.Name}" : f.Name, 34), f, f.PlacesGained >= 0 ? ChartPalette.Gain : ChartPalette.Loss)));
        if (input.Methodology is { } methodology)
        {
            rows.Add((TextWrap.Shorten(methodology.Name, 34), methodology, ChartPalette.Baseline));
        }

        rows.Add((t.PeerEffect, input.Peers, ChartPalette.Peers));
        if (input.PublicationAdjustment != 0)
        {
            rows.Add((t.PublicationAdjustment, new AttributionItem("", t.PublicationAdjustment, input.PublicationAdjustment), ChartPalette.Baseline));
        }

        rows.Add((t.ObservedRankChange(input.PreviousYear, input.Year), new AttributionItem("", "", input.ObservedChange), ChartPalette.Total));
        var n = rows.Count;
        var bars = rows.Select((r, i) => new Bar
        {
            Position = n - 1 - i, Value = r.Item.PlacesGained, FillColor = r.Color, LineWidth = 0, Size = 0.65,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        var withInterval = rows.Select((r, i) => (r.Item, Y: (double)(n - 1 - i))).Where(x => x.Item.Low is not null && x.Item.High is not null).ToList();
        if (withInterval.Count > 0)
        {
            var whiskers = plot.Add.ErrorBar(
                withInterval.Select(x => x.Item.PlacesGained).ToArray(), withInterval.Select(x => x.Y).ToArray(), new double[withInterval.Count]);
            whiskers.XErrorPositive = withInterval.Select(x => Math.Max(0, x.Item.High!.Value - x.Item.PlacesGained)).ToArray();
            whiskers.XErrorNegative = withInterval.Select(x => Math.Max(0, x.Item.PlacesGained - x.Item.Low!.Value)).ToArray();
            whiskers.YErrorPositive = new double[withInterval.Count];
            whiskers.YErrorNegative = new double[withInterval.Count];
            whiskers.LineColor = ChartPalette.Text;
            whiskers.LineWidth = 1.5f;
            whiskers.CapSize = 8;
        }

        var extent = Math.Max(1, rows.Max(r => Math.Max(Math.Abs(r.Item.PlacesGained), Math.Max(Math.Abs(r.Item.Low ?? 0), Math.Abs(r.Item.High ?? 0)))));
        for (var i = 0; i < n; i++)
        {
            var (_, item, color) = rows[i];
            var value = item.PlacesGained;
            var edge = value >= 0 ? Math.Max(value, item.High ?? value) : Math.Min(value, item.Low ?? value);
            ChartStyle.Label(plot, t.WithSign(value, 1), edge, n - 1 - i, value >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight, color, bold: true)
                .OffsetX = value >= 0 ? 4 : -4;
        }

        plot.Add.VerticalLine(0, 1.5f, ChartPalette.Text);
        plot.Add.HorizontalLine(0.5, 1, ChartPalette.Peers, LinePattern.Dotted);
        ChartStyle.ManualTicks(plot.Axes.Left, rows.Select((r, i) => ((double)(n - 1 - i), r.Label)));
        plot.Axes.SetLimitsX(-extent * 1.35, extent * 1.35);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel(withInterval.Count > 0 ? t.PlacesAxisWithInterval : t.PlacesAxis);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }
}
