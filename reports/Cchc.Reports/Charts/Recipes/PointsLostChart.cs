using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>A field's (level 1) or criterion's maximum and earned points.</summary>
/// <param name="FieldOrdinal">0-based position of the field the item belongs to (its colour in every chart).</param>
public sealed record PointsItem(string Code, string Name, int FieldOrdinal, double MaxPoints, double Score)
{
    public double Lost => Math.Max(0, MaxPoints - Score);
}

/// <summary>Input of chart 2: every field, and the criteria beneath them.</summary>
public sealed record PointsLostInput(
    string ProvinceName, string IndexName, int Year, IReadOnlyList<PointsItem> Fields, IReadOnlyList<PointsItem> Criteria, int MaxCriteria = 12);

/// <summary>
/// Chart 2: points lost by field (left) and by criterion (right, the largest losses), each bar showing the maximum in
/// grey and the points earned in the field's colour, largest loss at the top. 1400 × 760 px.
/// </summary>
public static class PointsLostChart
{
    public const string Name = "02-points-lost";
    public const int Width = 1400;
    public const int Height = 760;

    public static ChartImage Render(PointsLostInput input, ChartContext context)
    {
        var t = context.Text;
        if (input.Fields.Count == 0)
        {
            throw new ArgumentException("Points lost needs the field scores.", nameof(input));
        }

        var fields = input.Fields.OrderByDescending(f => f.Lost).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
        var criteria = input.Criteria.Where(c => c.Lost > 0)
            .OrderByDescending(c => c.Lost).ThenBy(c => c.Code, StringComparer.Ordinal).Take(input.MaxCriteria).ToList();
        var totalLost = fields.Sum(f => f.Lost);
        var title = t.PointsLostTitle(input.ProvinceName, input.IndexName, input.Year, totalLost, fields[0]);
        var reading = t.PointsLostReading(criteria.Take(3).ToList(), input.Criteria.Sum(c => c.Lost), totalLost);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        if (criteria.Count == 0)
        {
            canvas.Draw(Panel(t, fields, t.ByField, 40));
        }
        else
        {
            var columns = canvas.Columns(0.42, 0.58);
            canvas.Draw(Panel(t, fields, t.ByField, 30), columns[0]);
            canvas.Draw(Panel(t, criteria, t.ByCriterion(criteria.Count), 44), columns[1]);
        }

        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

    private static Plot Panel(Localization.ReportText t, IReadOnlyList<PointsItem> items, string panelTitle, int labelChars)
    {
        var plot = ChartStyle.NewPlot(t);
        var n = items.Count;
        var maxBars = new List<Bar>();
        var scoreBars = new List<Bar>();
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            double y = n - 1 - i;
            maxBars.Add(new Bar { Position = y, Value = item.MaxPoints, FillColor = ChartPalette.MaxPoints, LineWidth = 0, Size = 0.7 });
            scoreBars.Add(new Bar { Position = y, Value = Math.Max(0, item.Score), FillColor = ChartPalette.ForField(item.FieldOrdinal), LineWidth = 0, Size = 0.7 });
        }

        plot.Add.Bars(maxBars).Horizontal = true;
        plot.Add.Bars(scoreBars).Horizontal = true;
        var maxValue = items.Max(i => i.MaxPoints);
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            ChartStyle.Label(plot, t.WithSign(-item.Lost), item.MaxPoints + (maxValue * 0.01), n - 1 - i, Alignment.MiddleLeft, ChartPalette.Loss, bold: true);
        }

        ChartStyle.ManualTicks(plot.Axes.Left, items.Select((item, i) => ((double)(n - 1 - i), TextWrap.Shorten($"{item.Code} {item.Name}", labelChars))));
        plot.Axes.SetLimitsX(0, maxValue * 1.18);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title(panelTitle);
        plot.XLabel(t.PointsAxis);
        return plot;
    }
}
