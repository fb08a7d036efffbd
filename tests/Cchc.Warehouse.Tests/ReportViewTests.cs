using System.Data.Common;
using Cchc.Warehouse.Engines;

namespace Cchc.Warehouse.Tests;

/// <summary>Every rpt view answers on the embedded engine once scores are loaded, and the Power BI dimensions hold what they promise.</summary>
[Collection(LoadedWarehouseGroup.Name)]
public sealed class ReportViewTests(LoadedWarehouse loaded)
{
    /// <summary>Views that PCI/PAPI-like scores (and the seeds) fill; views other issues add must at least answer.</summary>
    private static readonly string[] FilledByScores =
        ["calendar", "criterion", "governance_index", "index_score", "load_history", "province", "year"];

    [Fact]
    public void Every_rpt_view_is_queryable_with_score_data()
    {
        var w = loaded.Warehouse;
        var views = w.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' AND table_type = 'VIEW' ORDER BY table_name");
        Assert.Superset(FilledByScores.ToHashSet(), views.ToHashSet());
        var connection = ((WarehouseBase)w).Connection;
        var empty = new List<string>();
        foreach (var view in views)
        {
            var declared = w.Query<string>(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'rpt' AND table_name = @view ORDER BY ordinal_position", new { view });
            var (columns, rows) = ReadAll(connection, $"SELECT * FROM rpt.{view}");
            Assert.Equal(declared, columns);
            if (rows == 0 && FilledByScores.Contains(view))
            {
                empty.Add(view);
            }
        }

        Assert.True(empty.Count == 0, "views without rows: " + string.Join(", ", empty));
    }

    [Fact]
    public void Index_score_ranks_published_and_computed_scores()
    {
        var w = loaded.Warehouse;
        var best = w.Query<(string Index, double Score, int Rank, string Source, int Ranked, bool Synthetic)>(
            """
            SELECT index_code, score, rank, rank_source, provinces_ranked, is_synthetic
            FROM rpt.index_score WHERE rank = 1 AND year = 2017 ORDER BY index_code
            """);
        Assert.Equal(2, best.Count);
        Assert.Equal(("PAPI", "computed", 63, true), (best[0].Index, best[0].Source, best[0].Ranked, best[0].Synthetic));
        Assert.Equal(("PCI", "published", 63, true), (best[1].Index, best[1].Source, best[1].Ranked, best[1].Synthetic));
        var top = w.Query<double>("SELECT MAX(score) FROM rpt.index_score WHERE index_code = 'PAPI' AND year = 2017").Single();
        Assert.Equal(top, best[0].Score);
        Assert.Equal(100 - best[1].Score, w.Query<double>("SELECT points_lost FROM rpt.index_score WHERE index_code = 'PCI' AND year = 2017 AND rank = 1").Single(), 9);
    }

    [Fact]
    public void Calendar_is_contiguous_with_iso_weekdays_and_bilingual_month_names()
    {
        var w = loaded.Warehouse;
        var (first, last, days, distinct) = w.Query<(DateOnly, DateOnly, long, long)>(
            "SELECT MIN(date), MAX(date), COUNT(*), COUNT(DISTINCT date) FROM rpt.calendar").Single();
        Assert.Equal((new DateOnly(2000, 1, 1), new DateOnly(2040, 12, 31)), (first, last));
        Assert.Equal(last.DayNumber - first.DayNumber + 1, days);
        Assert.Equal(days, distinct);

        var monday = w.Query<(int Year, int Quarter, int Month, int Day, DateOnly MonthStart, string Name, string NameVi, string YearMonth, string YearQuarter, int Weekday, bool Weekend)>(
            """
            SELECT year, quarter, month, day_of_month, month_start, month_name, month_name_vi, year_month, year_quarter, day_of_week, is_weekend
            FROM rpt.calendar WHERE date = DATE '2024-11-18'
            """).Single();
        Assert.Equal((2024, 4, 11, 18, new DateOnly(2024, 11, 1), "November", "Tháng 11", "2024-11", "2024 Q4", 1, false), monday);
        Assert.Equal((7, true), w.Query<(int, bool)>("SELECT day_of_week, is_weekend FROM rpt.calendar WHERE date = DATE '2024-11-24'").Single());
        Assert.Equal(366L, w.Query<long>("SELECT COUNT(*) FROM rpt.calendar WHERE year = 2024").Single());
    }

    [Fact]
    public void Year_dimension_covers_every_calendar_year_once()
    {
        var w = loaded.Warehouse;
        var years = w.Query<(int Year, DateOnly Start, DateOnly End, string Label)>("SELECT year, year_start, year_end, year_label FROM rpt.year ORDER BY year");
        Assert.Equal(Enumerable.Range(2000, 41), years.Select(y => y.Year));
        Assert.All(years, y => Assert.Equal((new DateOnly(y.Year, 1, 1), new DateOnly(y.Year, 12, 31), y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), (y.Start, y.End, y.Label)));
        Assert.Empty(w.Query<int>("SELECT DISTINCT c.year FROM rpt.calendar c LEFT JOIN rpt.year y ON y.year = c.year WHERE y.year IS NULL"));
    }

    private static (List<string> Columns, int Rows) ReadAll(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return (columns, rows);
    }
}
