using Cchc.Warehouse.Reference;

namespace Cchc.Warehouse.Plans;

/// <summary>
/// Writes a remediation plan inside one file's load session. A plan is owned by (province, plan year), its scope: its
/// previous rows and agency links are replaced, the file that held them is retired with them (<see cref="ILoadSession.ClaimScope"/>),
/// and agencies are added to the conformed dimension once per province. Each agency link carries its file id.
/// </summary>
public static class RemediationPlanStore
{
    private static readonly string[] TaskColumns =
    [
        "task_key", "province_key", "plan_year", "result_year", "index_code", "plan_number", "plan_date", "task_sequence",
        "criterion_code", "parent_criterion_code", "criterion_level", "criterion_key", "criterion_name", "max_points",
        "appraised_points", "points_lost_stated", "points_lost_computed", "remedy", "lead_agencies_text",
        "coordinating_agencies_text", "deadline_text", "deadline_date", "deadline_kind", "deadline_is_ongoing", "note",
        "is_synthetic", "file_id", "run_id", "source_sheet", "source_row",
    ];

    private static readonly string[] BridgeColumns = ["task_key", "agency_key", "agency_role", "ordinal", "as_written", "file_id"];

    /// <returns>The number of plan rows written.</returns>
    public static int Replace(ILoadSession session, RemediationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        if (ProvinceCatalog.Default.All.All(p => p.Key != plan.ProvinceKey))
        {
            throw new ArgumentException($"No province with key {plan.ProvinceKey}.", nameof(plan));
        }

        // The plan owns its province and plan year: the earlier plan's rows and links go, and on commit the file that
        // held them is retired (it covered nothing else).
        session.ClaimScope(FileScope.RemediationPlan(plan.ProvinceKey, plan.PlanYear));
        var scope = new { province = plan.ProvinceKey, planYear = plan.PlanYear };
        session.Execute(
            """
            DELETE FROM dw.bridge_remediation_task_agency WHERE task_key IN
                (SELECT task_key FROM dw.fact_remediation_task WHERE province_key = @province AND plan_year = @planYear)
            """,
            scope);
        session.Execute("DELETE FROM dw.fact_remediation_task WHERE province_key = @province AND plan_year = @planYear", scope);

        var agencyKeys = EnsureAgencies(session, plan);
        var criteria = session.Query<(int Key, string Code)>(
                """
                SELECT criterion_key, criterion_code FROM dw.dim_criterion
                WHERE index_code = @index AND valid_from_year <= @year AND (valid_to_year IS NULL OR valid_to_year >= @year)
                """,
                new { index = IndexCodes.Par, year = plan.ResultYear })
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);

        var nextKey = session.Query<long>("SELECT COALESCE(MAX(task_key), 0) + 1 FROM dw.fact_remediation_task").Single();
        var bridge = new List<object?[]>();
        long fileId = session.FileId;
        using (var writer = session.CreateBulkWriter("dw.fact_remediation_task", TaskColumns))
        {
            foreach (var task in plan.Tasks)
            {
                long taskKey = nextKey++;
                int? criterionKey = criteria.TryGetValue(task.CriterionCode, out var k) ? k : null;
                writer.WriteRow(
                [
                    taskKey, plan.ProvinceKey, plan.PlanYear, plan.ResultYear, IndexCodes.Par, plan.PlanNumber, plan.PlanDate,
                    task.Sequence, task.CriterionCode, task.ParentCriterionCode, task.Level, criterionKey, task.CriterionName,
                    task.MaxPoints, task.AppraisedPoints, task.PointsLostStated, task.PointsLostComputed, task.Remedy,
                    task.LeadAgenciesText, task.CoordinatingAgenciesText, task.Deadline.Text, task.Deadline.Date,
                    task.Deadline.Kind, task.Deadline.IsOngoing, task.Note, plan.IsSynthetic, session.FileId, session.RunId,
                    task.Source.Sheet, task.Source.Row,
                ]);
                foreach (var a in task.Agencies)
                {
                    int agencyKey = agencyKeys[KeyOf(plan, a.Agency)];
                    int ordinal = a.Ordinal;
                    bridge.Add([taskKey, agencyKey, a.Role, ordinal, a.AsWritten, fileId]);
                }
            }

            writer.Complete();
        }

        using (var writer = session.CreateBulkWriter("dw.bridge_remediation_task_agency", BridgeColumns))
        {
            foreach (var row in bridge)
            {
                writer.WriteRow(row);
            }

            writer.Complete();
        }

        return plan.Tasks.Count;
    }

    /// <summary>Finds or adds every agency the plan names; catalogue attributes of known agencies are refreshed.</summary>
    private static Dictionary<(int? Province, string Name), int> EnsureAgencies(ILoadSession session, RemediationPlan plan)
    {
        var keys = new Dictionary<(int?, string), int>();
        var agencies = plan.Tasks.SelectMany(t => t.Agencies).Select(a => a.Agency)
            .DistinctBy(a => KeyOf(plan, a))
            .ToList();
        var nextKey = session.Query<int>("SELECT COALESCE(MAX(agency_key), 0) + 1 FROM dw.dim_agency").Single();
        foreach (var agency in agencies)
        {
            var key = KeyOf(plan, agency);
            var parameters = new
            {
                province = key.Province, name = agency.Name, normalized = agency.NormalizedName, abbreviation = agency.Abbreviation,
                nameEn = agency.NameEn, type = agency.AgencyType, collective = agency.IsCollective, catalogued = agency.IsCatalogued,
            };
            var existing = key.Province is null
                ? session.Query<int>(
                    "SELECT agency_key FROM dw.dim_agency WHERE province_key IS NULL AND normalized_name = @normalized",
                    new { parameters.normalized })
                : session.Query<int>(
                    "SELECT agency_key FROM dw.dim_agency WHERE province_key = @province AND normalized_name = @normalized",
                    new { parameters.province, parameters.normalized });
            if (existing.Count > 0)
            {
                keys[key] = existing[0];
                if (agency.IsCatalogued)
                {
                    session.Execute(
                        """
                        UPDATE dw.dim_agency SET agency_name = @name, abbreviation = @abbreviation, agency_name_en = @nameEn,
                            agency_type = @type, is_collective = @collective, is_catalogued = @catalogued
                        WHERE agency_key = @key
                        """,
                        new
                        {
                            key = existing[0], parameters.name, parameters.abbreviation, parameters.nameEn, parameters.type,
                            parameters.collective, parameters.catalogued,
                        });
                }

                continue;
            }

            var agencyKey = nextKey++;
            session.Execute(
                """
                INSERT INTO dw.dim_agency (agency_key, province_key, agency_name, normalized_name, abbreviation, agency_name_en,
                    agency_type, is_collective, is_catalogued)
                VALUES (@agencyKey, @province, @name, @normalized, @abbreviation, @nameEn, @type, @collective, @catalogued)
                """,
                new
                {
                    agencyKey, parameters.province, parameters.name, parameters.normalized, parameters.abbreviation,
                    parameters.nameEn, parameters.type, parameters.collective, parameters.catalogued,
                });
            keys[key] = agencyKey;
        }

        return keys;
    }

    private static (int? Province, string Name) KeyOf(RemediationPlan plan, AgencyRecord agency) =>
        (agency.IsNational ? null : plan.ProvinceKey, agency.NormalizedName);
}
