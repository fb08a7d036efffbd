using Cchc.Etl.Sources.Par;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Par;

public sealed class ParMappingTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Rows = SeedData.ReadCsv("par-criterion-mapping.csv");

    [Fact]
    public void Every_criterion_of_a_version_is_mapped_to_the_next_version_and_every_new_one_is_accounted_for()
    {
        var versions = ParCatalogue.Default.Versions;
        for (var i = 0; i + 1 < versions.Count; i++)
        {
            var (from, to) = (versions[i], versions[i + 1]);
            var pair = Rows.Where(r => r["from_version"] == from.Version && r["to_version"] == to.Version).ToList();
            Assert.Equal(from.Criteria.Select(c => c.Code).Order(), pair.Select(r => r["from_code"]).Where(c => c.Length > 0).Distinct().Order());
            Assert.Equal(to.Criteria.Select(c => c.Code).Order(), pair.Select(r => r["to_code"]).Where(c => c.Length > 0).Distinct().Order());
            foreach (var r in pair)
            {
                Assert.Contains(r["change_type"], new[] { "same", "renamed", "renumbered", "moved", "merged", "new", "removed" });
                Assert.Equal(r["change_type"] == "new", r["from_code"].Length == 0);
                Assert.Equal(r["change_type"] == "removed", r["to_code"].Length == 0);
                if (r["change_type"] is "same")
                {
                    Assert.Equal(from.Get(r["from_code"]).NameVi, to.Get(r["to_code"]).NameVi);
                    Assert.Equal(r["from_code"], r["to_code"]);
                }

                if (r["change_type"] is "renamed")
                {
                    Assert.NotEqual(from.Get(r["from_code"]).NameVi, to.Get(r["to_code"]).NameVi);
                }
            }
        }
    }

    [Fact]
    public void A_mapping_is_official_only_where_both_criteria_are()
    {
        foreach (var r in Rows)
        {
            var official = r["from_code"].Length > 0 && r["to_code"].Length > 0
                && !ParCatalogue.Default.Version(r["from_version"]).Get(r["from_code"]).IsIllustrative
                && !ParCatalogue.Default.Version(r["to_version"]).Get(r["to_code"]).IsIllustrative;
            Assert.Equal(!official, r["is_illustrative"] == "true");
        }
    }

    [Fact]
    public void The_warehouse_view_shows_renumbered_criteria_with_names_and_max_points_on_both_sides()
    {
        using var temp = new TempWarehouse();
        var rows = temp.Warehouse.Query<(string FromName, double FromMax, string ToName, double ToMax, double Change, bool Illustrative)>(
            """
            SELECT from_name, from_max_points, to_name, to_max_points, max_points_change, is_illustrative
            FROM rpt.par_criterion_mapping
            WHERE from_version = 'PAR-1149' AND from_code = '5.9' AND to_code = '5.8' AND change_type = 'renumbered'
            """);
        var row = Assert.Single(rows);
        Assert.Equal("Tác động đến đội ngũ công chức giải quyết thủ tục hành chính", row.FromName);
        Assert.Equal(row.FromName, row.ToName);
        Assert.Equal((4.5, 4.5, 0.0), (row.FromMax, row.ToMax, row.Change));
        Assert.True(row.Illustrative);
        Assert.Equal(Rows.Count, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM rpt.par_criterion_mapping").Single());
        Assert.Equal(0L, temp.Warehouse.Query<long>(
            "SELECT COUNT(*) FROM rpt.par_criterion_mapping WHERE (from_code IS NOT NULL AND from_name IS NULL) OR (to_code IS NOT NULL AND to_name IS NULL)").Single());
    }

    [Fact]
    public void The_catalogue_reaches_the_warehouse_with_its_versions_and_illustrative_flags()
    {
        using var temp = new TempWarehouse();
        var rows = temp.Warehouse.Query<(string Version, long Rows, long Official)>(
            """
            SELECT methodology_version, COUNT(*), SUM(CASE WHEN is_illustrative THEN 0 ELSE 1 END)
            FROM rpt.criterion WHERE index_code = 'PAR' GROUP BY methodology_version ORDER BY MIN(valid_from_year)
            """);
        Assert.Equal(ParCatalogue.Default.Versions.Select(v => (v.Version, (long)v.Criteria.Count, (long)v.Criteria.Count(c => !c.IsIllustrative))), rows);
    }
}
