using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// The report reader role, read from the migrations with ScriptDom: it is created, granted SELECT on schema rpt and
/// nothing else, and denied every read and write on dw and etl and every write on rpt.
/// </summary>
public sealed class ReportReaderRoleTests
{
    private const string Role = "cchc_report_reader";

    [Fact]
    public void Migrations_create_the_report_reader_role_with_select_on_rpt_only()
    {
        var statements = MigrationScript.For(WarehouseTarget.SqlServer)
            .SelectMany(s => s.Statements())
            .SelectMany(sql => ((TSqlScript)TSql.Parse(sql, "migration")).Batches.SelectMany(b => b.Statements))
            .SelectMany(Flatten)
            .ToList();

        Assert.Contains(statements.OfType<CreateRoleStatement>(), r => r.Name.Value == Role);
        var grants = statements.OfType<GrantStatement>().Where(g => ToRole(g.Principals)).ToList();
        var granted = Assert.Single(grants);
        Assert.Equal(["SELECT"], Permissions(granted.Permissions));
        Assert.Equal("SCHEMA", granted.SecurityTargetObject.ObjectKind.ToString().ToUpperInvariant());
        Assert.Equal("rpt", Target(granted.SecurityTargetObject));

        var denied = statements.OfType<DenyStatement>().Where(d => ToRole(d.Principals))
            .ToDictionary(d => Target(d.SecurityTargetObject), d => Permissions(d.Permissions));
        foreach (var schema in new[] { "dw", "etl" })
        {
            Assert.True(denied.ContainsKey(schema), $"no DENY on schema {schema}");
            Assert.Superset(new HashSet<string> { "SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE" }, denied[schema].ToHashSet());
        }

        Assert.Superset(new HashSet<string> { "INSERT", "UPDATE", "DELETE", "ALTER" }, denied["rpt"].ToHashSet());
        Assert.DoesNotContain("SELECT", denied["rpt"]);
        Assert.DoesNotContain(statements.OfType<AlterRoleStatement>(), a => a.Name.Value == Role && a.Action is AddMemberAlterRoleAction);
    }

    [Fact]
    public void Schemas_are_owned_by_dbo_so_rpt_views_reach_dw_and_etl_by_ownership_chaining()
    {
        var sql = string.Join("\n", MigrationScript.For(WarehouseTarget.SqlServer).Select(s => s.Sql)) + Engines.SqlServer.SqlServerStatements.Bootstrap;
        foreach (var schema in new[] { "dw", "etl", "rpt" })
        {
            Assert.Contains($"CREATE SCHEMA {schema} AUTHORIZATION dbo", sql, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement) => statement switch
    {
        IfStatement i => Flatten(i.ThenStatement).Concat(i.ElseStatement is null ? [] : Flatten(i.ElseStatement)),
        BeginEndBlockStatement b => b.StatementList.Statements.SelectMany(Flatten),
        _ => [statement],
    };

    private static bool ToRole(IList<SecurityPrincipal> principals) => principals.Any(p => p.Identifier?.Value == Role);

    private static List<string> Permissions(IList<Permission> permissions) =>
        permissions.Select(p => string.Join(' ', p.Identifiers.Select(i => i.Value.ToUpperInvariant()))).ToList();

    private static string Target(SecurityTargetObject target) =>
        target.ObjectName.MultiPartIdentifier.Identifiers[^1].Value;
}
