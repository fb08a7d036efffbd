using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Dacpac;
using Microsoft.SqlServer.Dac.Model;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// warehouse/README.md documents every rpt view — the reporting contract Power BI and the reports read — in one
/// format: a "### `rpt.view`" section with one <c>| column | type | meaning |</c> table. This holds it to both
/// engines, both ways: to the views of a migrated DuckDB warehouse (names, order and types) and to the DacFx model of
/// the SQL Server scripts (names and order; types where a real SQL Server is at hand).
/// </summary>
public sealed class ViewDocumentationTests
{
    [Fact]
    public void Every_view_section_has_one_column_table_in_the_one_format()
    {
        var doc = ViewDocumentation.ReadReadme();
        Assert.True(doc.Views.Count >= 26, $"only {doc.Views.Count} view sections in {doc.Origin}");
        Assert.Equal(["bigint", "boolean", "date", "double", "integer", "text", "timestamp"], doc.Types.Keys.Order(StringComparer.Ordinal));
        Assert.True(doc.Problems.Count == 0, string.Join("\n", doc.Problems));
    }

    [Fact]
    public void The_documented_columns_and_types_are_those_of_the_DuckDB_views()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        var columns = temp.Warehouse.Query<(string View, string Column, string Type)>(
                """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_catalog = current_database() AND table_schema = 'rpt'
                ORDER BY table_name, ordinal_position
                """)
            .Select(c => new ViewDocumentation.EngineColumn(c.View, c.Column, c.Type))
            .ToList();
        Assert.Contains(columns, c => c.View == "index_score");
        var problems = ViewDocumentation.ReadReadme().Compare(columns, "DuckDB", t => t.DuckDb);
        Assert.True(problems.Count == 0, $"{problems.Count} difference(s) between warehouse/README.md and the DuckDB views:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// DacFx models a view's columns without data types (<c>Column.DataType</c> is empty; only their expression
    /// dependencies are there), so the model checks names and order only; should it ever give a type, the type is
    /// checked too. The types on SQL Server are checked on a real server
    /// (<see cref="The_documented_types_are_those_of_the_SqlServer_views"/>).
    /// </summary>
    [Fact]
    public void The_documented_columns_are_those_of_the_SqlServer_views_in_the_schema_model()
    {
        using var model = SchemaModel.Build();
        var columns = model.Model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.View)
            .Where(v => string.Equals(v.Name.Parts[0], "rpt", StringComparison.OrdinalIgnoreCase))
            .SelectMany(v => v.GetReferenced(View.Columns).Select(c => new ViewDocumentation.EngineColumn(
                v.Name.Parts[1], c.Name.Parts[^1], c.GetReferenced(Column.DataType).Select(t => t.Name.Parts[^1]).FirstOrDefault())))
            .ToList();
        Assert.Contains(columns, c => c.View == "index_score");
        var problems = ViewDocumentation.ReadReadme().Compare(columns, "the SQL Server model", t => t.SqlServer);
        Assert.True(problems.Count == 0, $"{problems.Count} difference(s) between warehouse/README.md and the SQL Server model:\n" + string.Join("\n", problems));
    }

    [SkippableFact]
    [Trait("Category", "SqlServer")]
    public void The_documented_types_are_those_of_the_SqlServer_views()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        using var w = WarehouseFactory.Open(db.Target);
        var columns = w.Query<(string View, string Column, string Type)>(
                """
                SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS
                WHERE TABLE_SCHEMA = N'rpt' ORDER BY TABLE_NAME, ORDINAL_POSITION
                """)
            .Select(c => new ViewDocumentation.EngineColumn(c.View, c.Column, c.Type))
            .ToList();
        var problems = ViewDocumentation.ReadReadme().Compare(columns, "SQL Server", t => t.SqlServer);
        Assert.True(problems.Count == 0, $"{problems.Count} difference(s) between warehouse/README.md and the SQL Server views:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_names_the_view_and_column_of_every_difference()
    {
        var doc = ViewDocumentation.Parse(
            """
            | type | DuckDB | SQL Server | Power BI |
            |---|---|---|---|
            | integer | `INTEGER` | `INT` | Whole number |
            | text | `VARCHAR` | `NVARCHAR(n)`, `NVARCHAR(MAX)` | Text |

            ### `rpt.alpha` — one row per alpha

            | column | type | meaning |
            |---|---|---|
            | `alpha_key` | integer | key |
            | `label` | integer | the label |
            | `gone` | text | a column the view lost |

            ### `rpt.ghost`

            | column | type | meaning |
            |---|---|---|
            | `x` | text | a view that does not exist |

            ### `rpt.alpha`

            | column | meaning |
            |---|---|
            | alpha_key, label | the old format |
            """,
            "sample.md");
        Assert.Contains(doc.Problems, p => p.Contains("rpt.alpha is documented 2 times", StringComparison.Ordinal));
        Assert.Contains(doc.Problems, p => p.Contains("rpt.alpha has no '| column | type | meaning |' table", StringComparison.Ordinal));
        Assert.Contains(doc.Problems, p => p.Contains("in the section of rpt.alpha in another format", StringComparison.Ordinal));

        var problems = doc.Compare(
            [new("alpha", "alpha_key", "INTEGER"), new("alpha", "label", "VARCHAR"), new("alpha", "added", "INTEGER"), new("beta", "b", "INTEGER")],
            "DuckDB",
            t => t.DuckDb);
        Assert.Contains(problems, p => p.StartsWith("rpt.beta: a view on DuckDB without a", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rpt.ghost (sample.md line 14): documented, but DuckDB has no such view", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rpt.alpha.added: on DuckDB (INTEGER) but not in its table", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rpt.alpha.gone (sample.md line 12): documented, but DuckDB's view has no such column", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rpt.alpha.label (sample.md line 11): documented as integer, but DuckDB gives VARCHAR (document it as text)", StringComparison.Ordinal));

        var sql = doc.Compare([new("alpha", "alpha_key", "nvarchar"), new("alpha", "label", null), new("alpha", "gone", null)], "SQL Server", t => t.SqlServer);
        Assert.Equal(
            ["rpt.alpha.alpha_key (sample.md line 10): documented as integer, but SQL Server gives nvarchar (document it as text)", "rpt.ghost (sample.md line 14): documented, but SQL Server has no such view"],
            sql.Order(StringComparer.Ordinal));
    }
}
