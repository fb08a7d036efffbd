using System.Diagnostics;
using System.Globalization;
using Cchc.Etl.Plans;
using Cchc.Etl.Quality;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Plans;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// <c>cchc load plan</c>: a province's remediation plan (.xlsx, .xls, .csv or a .docx table) in one transaction. The
/// plan replaces the earlier plan of the same province and plan year; the rules run before (errors block the file)
/// and after the write.
/// </summary>
public sealed class RemediationPlanLoader(PlanLoadOptions options) : IConfigurableFileLoader
{
    public const string PlanKind = "plan";

    public RemediationPlanLoader()
        : this(PlanLoadOptions.None)
    {
    }

    public string Kind => PlanKind;

    public IReadOnlyList<string> OptionNames => ["province", "year", "result-year"];

    public IFileLoader WithOptions(Func<string, string?> optionValue)
    {
        ArgumentNullException.ThrowIfNull(optionValue);
        return new RemediationPlanLoader(new PlanLoadOptions(optionValue("province"), Year(optionValue, "year"), Year(optionValue, "result-year")));
    }

    public bool Recognises(string path)
    {
        try
        {
            return RemediationPlanParser.LooksLikePlan(PlanDocument.Open(path));
        }
        catch (SpreadsheetException)
        {
            return false;
        }
    }

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var clock = Stopwatch.StartNew();
        var exists = File.Exists(path);
        var info = new SourceFileInfo(Path.GetFullPath(path), PlanKind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0);
        ParsedPlan parsed;
        try
        {
            parsed = RemediationPlanParser.Default.Parse(PlanDocument.Open(path), options);
        }
        catch (SpreadsheetException e)
        {
            return Fail(warehouse, runId, info, e.Message, [new QuarantineRecord(e.Location, e.Problem)], clock);
        }
        catch (PlanFormatException e)
        {
            return Fail(warehouse, runId, info, e.Message, [new QuarantineRecord(e.Location, e.Problem)], clock);
        }

        var (plan, tooLong) = WithoutOverlongRows(RemediationPlanBuilder.Default.Build(parsed));
        if (tooLong.Count > 0)
        {
            parsed = parsed with { Rejected = [.. parsed.Rejected, .. tooLong] };
        }

        var preLoad = QualityGate.BeforeLoad(warehouse, plan);
        if (QualityGate.Blocks(preLoad))
        {
            var message = QualityGate.BlockMessage(preLoad);
            QualityGate.RecordBlocked(warehouse, runId, info, message, parsed.Rejected, preLoad);
            return new FileLoadResult(path, PlanKind, false, 0, parsed.Rejected.Count, clock.Elapsed, message, [parsed.PlanYear]);
        }

        using var session = warehouse.BeginFile(runId, info);
        var written = RemediationPlanStore.Replace(session, plan);
        session.Quarantine(parsed.Rejected);
        QualityGate.AfterLoad(session, new QualityScope(IndexCodes.Par, [plan.ResultYear], plan.ProvinceKey), DqSubjects.RemediationPlan);
        session.Commit(new FileLoadOutcome(written, parsed.Rejected.Count, "loaded",
            $"plan {parsed.PlanNumber ?? "(no number)"} of {parsed.Province.ShortName} for {parsed.PlanYear} (PAR {parsed.ResultYear})"));
        return new FileLoadResult(path, PlanKind, true, written, parsed.Rejected.Count, clock.Elapsed, Years: [parsed.PlanYear]);
    }

    /// <summary>
    /// Plan rows with text longer than its warehouse column takes are quarantined with the reason before anything is
    /// written, so both engines load the same rows (SQL Server would refuse the file, DuckDB keep the value).
    /// </summary>
    private static (RemediationPlan Plan, IReadOnlyList<QuarantineRecord> Rejected) WithoutOverlongRows(RemediationPlan plan)
    {
        var limits = ColumnLimits.Default;
        var kept = new List<RemediationTask>();
        var rejected = new List<QuarantineRecord>();
        foreach (var task in plan.Tasks)
        {
            var problem = limits.TooLong("dw.fact_remediation_task", "criterion_code", task.CriterionCode, "the criterion code (STT)")
                ?? limits.TooLong("dw.fact_remediation_task", "deadline_text", task.Deadline.Text, "the deadline (Thời gian thực hiện)")
                ?? task.Agencies.Select(a => limits.TooLong("dw.bridge_remediation_task_agency", "as_written", a.AsWritten, "an agency as written")
                        ?? limits.TooLong("dw.dim_agency", "agency_name", a.Agency.Name, "an agency name")
                        ?? limits.TooLong("dw.dim_agency", "abbreviation", a.Agency.Abbreviation, "an agency abbreviation"))
                    .FirstOrDefault(p => p is not null);
            if (problem is null)
            {
                kept.Add(task);
            }
            else
            {
                rejected.Add(new QuarantineRecord(task.Source, problem, $"{task.CriterionCode};{task.CriterionName}"));
            }
        }

        return (plan with { Tasks = kept }, rejected);
    }

    private static int? Year(Func<string, string?> optionValue, string name) =>
        optionValue(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100 ? year
        : throw new ArgumentException($"--{name} must be a year, not '{text}'");

    private static FileLoadResult Fail(IWarehouse warehouse, long runId, SourceFileInfo info, string message, IReadOnlyList<QuarantineRecord> rejected, Stopwatch clock)
    {
        warehouse.RecordFailedFile(runId, info, message, rejected);
        return new FileLoadResult(info.Path, info.Kind, false, 0, rejected.Count, clock.Elapsed, message);
    }
}
