using System.Text;
using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Plans;

/// <summary>The seed appendix in its layout: committed .csv and .docx fixtures, the sample .xlsx written on demand,
/// and the appendix rows read straight from the seed text for comparison.</summary>
internal static class PlanFixtures
{
    public static string Csv => SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.csv");

    public static string Docx => SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.docx");

    public static string Seed => SharedData.Path("seed", "ke-hoach-3770-KH-UBND-lam-dong-2018.txt");

    /// <summary>Writes the sample workbook (the appendix as .xlsx) into <paramref name="directory"/>.</summary>
    public static string Xlsx(string directory)
    {
        var path = Path.Combine(directory, RemediationPlanSampleWriter.FileName);
        RemediationPlanSampleWriter.Build().Save(path);
        return path;
    }

    /// <summary>The appendix of the seed text: lines 143 onwards are tab-indented cells, ten per row, rows split by blank lines.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SeedTable()
    {
        var lines = File.ReadAllLines(Seed, Encoding.UTF8);
        var start = Array.FindIndex(lines, l => l.Trim() == "PHỤ LỤC");
        var rows = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in lines.Skip(start + 3))
        {
            if (line.StartsWith('\t'))
            {
                current.Add(line[1..].Replace('\u00A0', ' ').Trim());
            }
            else if (current.Count > 0)
            {
                rows.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }

    /// <summary>The three lines above the seed's table (heading, title, "Kèm theo …").</summary>
    public static IReadOnlyList<string> SeedTitles()
    {
        var lines = File.ReadAllLines(Seed, Encoding.UTF8);
        var start = Array.FindIndex(lines, l => l.Trim() == "PHỤ LỤC");
        return lines.Skip(start).Take(3).Select(l => l.Trim()).ToList();
    }

    public static FileLoadResult Load(IWarehouse warehouse, string path, Func<string, string?>? options = null)
    {
        var loader = options is null ? new RemediationPlanLoader() : new RemediationPlanLoader().WithOptions(options);
        var run = warehouse.StartRun("test load plan");
        var result = loader.Load(warehouse, run, path);
        warehouse.FinishRun(run, result.Succeeded ? "succeeded" : "failed");
        return result;
    }

    /// <summary>Every fact of the plan as text, without what only says where it came from (file, run, sheet, row).</summary>
    public static IReadOnlyList<string> Facts(IWarehouse warehouse)
    {
        string[] columns =
        [
            "province_code", "plan_year", "result_year", "plan_number", "plan_date", "task_sequence", "criterion_code", "parent_criterion_code",
            "criterion_level", "criterion_name", "max_points", "appraised_points", "points_lost_stated", "points_lost_computed", "remedy",
            "lead_agencies", "coordinating_agencies", "lead_agencies_as_written", "coordinating_agencies_as_written", "deadline_text",
            "deadline_date", "deadline_kind", "deadline_is_ongoing", "note", "is_synthetic",
        ];
        var select = string.Join(" || ' | ' || ", columns.Select(c => $"COALESCE(CAST({c} AS VARCHAR), '∅')"));
        return warehouse.Query<string>($"SELECT {select} FROM rpt.remediation_task ORDER BY task_sequence");
    }
}
