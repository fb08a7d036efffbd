using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <param name="SqlType">The type as sys.types names it (nvarchar, int, datetime2…).</param>
internal sealed record TSqlColumn(string Name, string TypeName, string SqlType, string Family, bool Nullable);

internal sealed class TSqlTable(string name)
{
    public string Name { get; } = name;

    public List<TSqlColumn> Columns { get; } = [];

    public List<string> PrimaryKey { get; } = [];

    public bool HasClusteredColumnstore { get; set; }
}

/// <summary>
/// What the T-SQL scripts declare once all of them have run, read with ScriptDom: tables (columns, types,
/// nullability, primary key, clustered columnstore) and views (column names). Names are lower-case "schema.name".
/// </summary>
internal sealed class TSqlSchema
{
    public Dictionary<string, TSqlTable> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, List<string>> Views { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The bootstrap, then every versioned script in order, then the repeatable views — as the engine applies them.</summary>
    public static TSqlSchema FromEngineScripts()
    {
        var schema = new TSqlSchema();
        schema.Apply("bootstrap", SqlServerStatements.Bootstrap);
        foreach (var script in MigrationScript.For(WarehouseTarget.SqlServer))
        {
            schema.Apply(script.Name, script.Sql);
        }

        return schema;
    }

    public void Apply(string scriptName, string sql) => TSql.Parse(sql, scriptName).Accept(new Collector(this, scriptName));

    public static string Name(SchemaObjectName name) =>
        $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}".ToLowerInvariant();

    /// <summary>A type family shared with DuckDB's names, so that "compatible" has one meaning in both directions.</summary>
    public static string Family(DataTypeReference type)
    {
        if (type is not SqlDataTypeReference sql)
        {
            return "user type " + string.Join('.', ((DataTypeReference)type).Name.Identifiers.Select(i => i.Value));
        }

        var parameters = sql.Parameters.Select(p => p.Value).ToList();
        return sql.SqlDataTypeOption switch
        {
            SqlDataTypeOption.Char or SqlDataTypeOption.VarChar or SqlDataTypeOption.NChar or SqlDataTypeOption.NVarChar
                or SqlDataTypeOption.Text or SqlDataTypeOption.NText => "text",
            SqlDataTypeOption.Bit => "boolean",
            SqlDataTypeOption.TinyInt => "tinyint",
            SqlDataTypeOption.SmallInt => "smallint",
            SqlDataTypeOption.Int => "integer",
            SqlDataTypeOption.BigInt => "bigint",
            SqlDataTypeOption.Real => "float32",
            SqlDataTypeOption.Float => parameters.Count == 1 && int.Parse(parameters[0], System.Globalization.CultureInfo.InvariantCulture) <= 24 ? "float32" : "float64",
            SqlDataTypeOption.Decimal or SqlDataTypeOption.Numeric =>
                $"decimal({(parameters.Count > 0 ? parameters[0] : "18")},{(parameters.Count > 1 ? parameters[1] : "0")})",
            SqlDataTypeOption.Date => "date",
            SqlDataTypeOption.DateTime or SqlDataTypeOption.DateTime2 or SqlDataTypeOption.SmallDateTime => "timestamp",
            SqlDataTypeOption.DateTimeOffset => "timestamptz",
            SqlDataTypeOption.Time => "time",
            SqlDataTypeOption.UniqueIdentifier => "uuid",
            SqlDataTypeOption.Binary or SqlDataTypeOption.VarBinary or SqlDataTypeOption.Image => "blob",
            _ => "unmapped " + sql.SqlDataTypeOption,
        };
    }

    public static string SqlType(DataTypeReference type) =>
        type is SqlDataTypeReference sql ? sql.SqlDataTypeOption.ToString().ToLowerInvariant() : type.Name.BaseIdentifier.Value.ToLowerInvariant();

    public static string TypeText(DataTypeReference type) =>
        type is SqlDataTypeReference sql
            ? sql.SqlDataTypeOption.ToString().ToUpperInvariant() + (sql.Parameters.Count > 0 ? "(" + string.Join(",", sql.Parameters.Select(p => p.Value)) + ")" : "")
            : string.Join('.', type.Name.Identifiers.Select(i => i.Value));

    private sealed class Collector(TSqlSchema schema, string scriptName) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            var name = Name(node.SchemaObjectName);
            if (name.Split('.')[1].StartsWith('#'))
            {
                return;
            }

            var table = new TSqlTable(name);
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                table.Columns.Add(Column(column));
                if (column.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey))
                {
                    table.PrimaryKey.Add(column.ColumnIdentifier.Value);
                }
            }

            foreach (var key in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(u => u.IsPrimaryKey))
            {
                table.PrimaryKey.AddRange(key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
            }

            table.HasClusteredColumnstore = node.Definition.Indexes.Any(i => i.IndexType?.IndexTypeKind == IndexTypeKind.ClusteredColumnStore);
            schema.Tables[name] = table;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.PrimaryKey.Contains(table.Columns[i].Name, StringComparer.OrdinalIgnoreCase))
                {
                    table.Columns[i] = table.Columns[i] with { Nullable = false };
                }
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = Table(node.SchemaObjectName);
            table.Columns.AddRange(node.Definition.ColumnDefinitions.Select(Column));
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            var table = Table(node.SchemaObjectName);
            foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
            {
                table.Columns.RemoveAll(c => string.Equals(c.Name, element.Name.Value, StringComparison.OrdinalIgnoreCase));
            }
        }

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            var table = Table(node.SchemaObjectName);
            var index = table.Columns.FindIndex(c => string.Equals(c.Name, node.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && node.DataType is not null)
            {
                table.Columns[index] = table.Columns[index] with
                {
                    TypeName = TypeText(node.DataType),
                    SqlType = SqlType(node.DataType),
                    Family = Family(node.DataType),
                    Nullable = node.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NoOptionDefined
                        ? table.Columns[index].Nullable
                        : true,
                };
            }
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var name in node.Objects)
            {
                schema.Tables.Remove(Name(name));
            }
        }

        public override void Visit(DropViewStatement node)
        {
            foreach (var name in node.Objects)
            {
                schema.Views.Remove(Name(name));
            }
        }

        public override void Visit(CreateColumnStoreIndexStatement node)
        {
            if (node.Clustered == true)
            {
                Table(node.OnName).HasClusteredColumnstore = true;
            }
        }

        public override void Visit(ViewStatementBody node)
        {
            var name = Name(node.SchemaObjectName);
            schema.Views[name] = node.Columns.Count > 0
                ? node.Columns.Select(c => c.Value).ToList()
                : OutputColumns(name, node.SelectStatement.QueryExpression);
        }

        private List<string> OutputColumns(string view, QueryExpression query) => query switch
        {
            QuerySpecification spec => spec.SelectElements.Select(e => e switch
            {
                SelectScalarExpression { ColumnName: { } alias } => alias.Value,
                SelectScalarExpression { Expression: ColumnReferenceExpression column } => column.MultiPartIdentifier.Identifiers[^1].Value,
                _ => throw new InvalidOperationException(
                    $"{scriptName}: view {view} has an output column without a name (or SELECT *): name every column so that both engines agree on them."),
            }).ToList(),
            BinaryQueryExpression union => OutputColumns(view, union.FirstQueryExpression),
            QueryParenthesisExpression inner => OutputColumns(view, inner.QueryExpression),
            _ => throw new InvalidOperationException($"{scriptName}: cannot read the columns of view {view}."),
        };

        private TSqlTable Table(SchemaObjectName name) =>
            schema.Tables.TryGetValue(Name(name), out var table)
                ? table
                : throw new InvalidOperationException($"{scriptName} alters table {Name(name)}, which no earlier script creates.");

        private static TSqlColumn Column(ColumnDefinition column)
        {
            var notNull = column.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable)
                || column.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey);
            if (column.DataType is null)
            {
                throw new InvalidOperationException($"Computed column {column.ColumnIdentifier.Value} has no declared type; declare it so the parity test can compare it.");
            }

            return new TSqlColumn(column.ColumnIdentifier.Value, TypeText(column.DataType), SqlType(column.DataType), Family(column.DataType), !notNull);
        }
    }
}
