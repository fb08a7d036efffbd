using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cchc.Warehouse.Dacpac;

/// <summary>
/// What the T-SQL migrations leave behind once all of them have run, read with ScriptDom from the very scripts the
/// engine runs (one source of truth): the model objects as plain CREATE statements (<c>CREATE OR ALTER</c> read as
/// <c>CREATE</c>, existence guards unwrapped, later <c>ALTER TABLE</c>s folded into their table, dropped objects gone),
/// the data statements of each script (reference rows such as <c>dw.dim_level</c>), and the database options.
/// A statement that fits none of these fails the build of the model, naming its script: a new kind of migration
/// statement must be given a place here, never silently left out of the DAC package.
/// </summary>
internal sealed class SchemaScripts
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, TSqlStatement> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CreateTableStatement> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DataStatements> _data = [];

    private SchemaScripts()
    {
    }

    /// <summary>The scripts in the order the engine applies them (bootstrap, versioned, repeatable).</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; private set; } = [];

    /// <summary>Every model object as T-SQL text, one CREATE (or GRANT/DENY) statement each.</summary>
    public IReadOnlyList<(string Key, string Sql)> Objects =>
        _order.Select(key => (key, Script(_objects[key]))).ToList();

    /// <summary>Per versioned script, the statements that write rows rather than declare objects.</summary>
    public IReadOnlyList<DataStatements> Data => _data;

    /// <summary>Set by a migration that switches READ_COMMITTED_SNAPSHOT on.</summary>
    public bool ReadCommittedSnapshot { get; private set; }

    public static SchemaScripts Read() => Read(MigrationScript.For(WarehouseTarget.SqlServer));

    public static SchemaScripts Read(IReadOnlyList<MigrationScript> scripts)
    {
        var schema = new SchemaScripts { Scripts = scripts };
        schema.Apply(new MigrationScript(WarehouseTarget.SqlServer, "bootstrap", 0, SqlServerStatements.Bootstrap));
        foreach (var script in scripts)
        {
            schema.Apply(script);
        }

        return schema;
    }

    public static TSqlParser Parser() => new TSql150Parser(initialQuotedIdentifiers: true);

    public static string Script(TSqlFragment fragment)
    {
        new Sql150ScriptGenerator(new SqlScriptGeneratorOptions { SqlVersion = SqlVersion.Sql150 }).GenerateScript(fragment, out var text);
        return text;
    }

    private void Apply(MigrationScript script)
    {
        var data = new List<string>();
        foreach (var batch in script.Statements())
        {
            var parsed = (TSqlScript)Parser().Parse(new StringReader(batch), out var errors);
            if (errors.Count > 0)
            {
                throw new SchemaModelException(
                    $"Schema/sqlserver/{script.Name} does not parse: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
            }

            foreach (var statement in parsed.Batches.SelectMany(b => b.Statements))
            {
                Apply(script.Name, statement, batch, data);
            }
        }

        if (data.Count > 0)
        {
            _data.Add(new DataStatements(script, data));
        }
    }

    private void Apply(string origin, TSqlStatement statement, string batch, List<string> data)
    {
        switch (statement)
        {
            case PrintStatement or SetCommandStatement or PredicateSetStatement:
                return;
            case IfStatement when Contains<AlterDatabaseSetStatement>(statement):
                ApplyDatabaseOptions(origin, statement);
                return;
            case IfStatement { ElseStatement: null } guarded when Inner(guarded.ThenStatement).All(IsDeclaration):
                foreach (var inner in Inner(guarded.ThenStatement))
                {
                    Apply(origin, inner, batch, data);
                }

                return;
            case IfStatement when IsData(statement):
                data.Add(Text(statement, batch));
                return;
            case DeclareVariableStatement or SetVariableStatement:
                data.Add(Text(statement, batch));
                return;
            case ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList dynamic } when !dynamic.Strings.All(v => v is StringLiteral):
                // EXEC (N'ALTER SEQUENCE … RESTART WITH ' + @next): built at run time, so it runs with the data statements.
                data.Add(Text(statement, batch));
                return;
            case ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList literal }:
                var text = string.Concat(literal.Strings.OfType<StringLiteral>().Select(s => s.Value));
                var nested = (TSqlScript)Parser().Parse(new StringReader(text), out var errors);
                if (errors.Count > 0)
                {
                    throw new SchemaModelException($"{origin}: the string an EXEC runs does not parse: {text}");
                }

                foreach (var inner in nested.Batches.SelectMany(b => b.Statements))
                {
                    Apply(origin, inner, text, data);
                }

                return;
            case CreateTableStatement table when !table.SchemaObjectName.BaseIdentifier.Value.StartsWith('#'):
                _tables[Name(table.SchemaObjectName)] = table;
                Put("table " + Name(table.SchemaObjectName), table);
                return;
            case AlterTableAddTableElementStatement add:
                var target = Table(origin, add.SchemaObjectName);
                foreach (var column in add.Definition.ColumnDefinitions)
                {
                    target.Definition.ColumnDefinitions.Add(column);
                }

                foreach (var constraint in add.Definition.TableConstraints)
                {
                    target.Definition.TableConstraints.Add(constraint);
                }

                foreach (var index in add.Definition.Indexes)
                {
                    target.Definition.Indexes.Add(index);
                }

                return;
            case AlterTableDropTableElementStatement drop:
                var from = Table(origin, drop.SchemaObjectName);
                foreach (var element in drop.AlterTableDropTableElements)
                {
                    var name = element.Name.Value;
                    RemoveAll(from.Definition.ColumnDefinitions, c => Same(c.ColumnIdentifier.Value, name));
                    RemoveAll(from.Definition.TableConstraints, c => Same(c.ConstraintIdentifier?.Value, name));
                    foreach (var column in from.Definition.ColumnDefinitions)
                    {
                        RemoveAll(column.Constraints, c => Same(c.ConstraintIdentifier?.Value, name));
                    }
                }

                return;
            case AlterTableAlterColumnStatement alter when alter.DataType is not null:
                var owner = Table(origin, alter.SchemaObjectName);
                var existing = owner.Definition.ColumnDefinitions.FirstOrDefault(c => Same(c.ColumnIdentifier.Value, alter.ColumnIdentifier.Value))
                    ?? throw new SchemaModelException($"{origin}: ALTER COLUMN {alter.ColumnIdentifier.Value}: {Name(alter.SchemaObjectName)} has no such column");
                existing.DataType = alter.DataType;
                RemoveAll(existing.Constraints, c => c is NullableConstraintDefinition);

                // ALTER COLUMN without NOT NULL leaves the column nullable (SQL Server's rule).
                existing.Constraints.Add(new NullableConstraintDefinition { Nullable = alter.AlterTableAlterColumnOption != AlterTableAlterColumnOption.NotNull });
                return;
            case CreateOrAlterViewStatement view:
                Put("view " + Name(view.SchemaObjectName), new CreateViewStatement
                {
                    SchemaObjectName = view.SchemaObjectName,
                    SelectStatement = view.SelectStatement,
                    WithCheckOption = view.WithCheckOption,
                    IsMaterialized = view.IsMaterialized,
                }.WithColumnsAndOptions(view));
                return;
            case CreateViewStatement view:
                Put("view " + Name(view.SchemaObjectName), view);
                return;
            case CreateOrAlterProcedureStatement procedure:
                var created = new CreateProcedureStatement
                {
                    ProcedureReference = procedure.ProcedureReference,
                    StatementList = procedure.StatementList,
                    IsForReplication = procedure.IsForReplication,
                    MethodSpecifier = procedure.MethodSpecifier,
                };
                foreach (var p in procedure.Parameters)
                {
                    created.Parameters.Add(p);
                }

                foreach (var o in procedure.Options)
                {
                    created.Options.Add(o);
                }

                Put("procedure " + Name(procedure.ProcedureReference.Name), created);
                return;
            case CreateProcedureStatement procedure:
                Put("procedure " + Name(procedure.ProcedureReference.Name), procedure);
                return;
            case CreateIndexStatement index:
                Put($"index {Name(index.OnName)}.{index.Name.Value}", index);
                return;
            case CreateColumnStoreIndexStatement index:
                Put($"index {Name(index.OnName)}.{index.Name.Value}", index);
                return;
            case DropIndexStatement drop:
                foreach (var clause in drop.DropIndexClauses.OfType<DropIndexClause>())
                {
                    Remove($"index {Name(clause.Object)}.{clause.Index.Value}");
                }

                return;
            case DropTableStatement drop:
                foreach (var name in drop.Objects)
                {
                    _tables.Remove(Name(name));
                    Remove("table " + Name(name));
                    foreach (var index in _order.Where(k => k.StartsWith($"index {Name(name)}.", StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        Remove(index);
                    }
                }

                return;
            case DropViewStatement drop:
                foreach (var name in drop.Objects)
                {
                    Remove("view " + Name(name));
                }

                return;
            case DropProcedureStatement drop:
                foreach (var name in drop.Objects)
                {
                    Remove("procedure " + Name(name));
                }

                return;
            case CreateSequenceStatement sequence:
                Put("sequence " + Name(sequence.Name), sequence);
                return;
            case AlterSequenceStatement:
                // Restarting a sequence (e.g. past ids that existed before it) is data, not shape: the model keeps its
                // CREATE; on a database deployed from the package the restart runs with the other data statements.
                data.Add(Text(statement, batch));
                return;
            case CreateSchemaStatement schema:
                Put("schema " + schema.Name.Value, schema);
                return;
            case CreateRoleStatement role:
                Put("role " + role.Name.Value, role);
                return;
            case GrantStatement or DenyStatement or RevokeStatement:
                Put($"permission {_order.Count}", statement);
                return;
            case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement:
                data.Add(Text(statement, batch));
                return;
            default:
                throw new SchemaModelException(
                    $"{origin}: {statement.GetType().Name} is neither an object the model can hold nor a data statement: teach Cchc.Warehouse.Dacpac.SchemaScripts where it belongs.\n{Text(statement, batch)}");
        }
    }

    /// <summary>A migration may switch READ_COMMITTED_SNAPSHOT on (guarded, outside a transaction); in the package it is a database option.</summary>
    private void ApplyDatabaseOptions(string origin, TSqlStatement statement)
    {
        var finder = new Finder<AlterDatabaseSetStatement>();
        statement.Accept(finder);
        foreach (var option in finder.Found.SelectMany(a => a.Options))
        {
            if (option is OnOffDatabaseOption { OptionKind: DatabaseOptionKind.ReadCommittedSnapshot } onOff)
            {
                ReadCommittedSnapshot = onOff.OptionState == OptionState.On;
            }
            else
            {
                throw new SchemaModelException($"{origin}: database option {option.OptionKind} has no place in the model yet: set it in SchemaModel.Options.");
            }
        }
    }

    private static bool IsDeclaration(TSqlStatement statement) =>
        statement is CreateTableStatement or CreateSchemaStatement or CreateRoleStatement
            or CreateIndexStatement or CreateColumnStoreIndexStatement or CreateSequenceStatement or CreateViewStatement or CreateProcedureStatement
            or AlterTableAddTableElementStatement or AlterTableAlterColumnStatement or AlterTableDropTableElementStatement
            or DropIndexStatement or DropTableStatement or DropViewStatement
        || (statement is ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList list } && list.Strings.All(v => v is StringLiteral));

    /// <summary>A guarded block that only writes rows (IF EXISTS (…) UPDATE …): it runs with the data statements.</summary>
    private static bool IsData(TSqlStatement statement) => statement is IfStatement guarded
        && Inner(guarded.ThenStatement).Concat(guarded.ElseStatement is null ? [] : Inner(guarded.ElseStatement))
            .All(s => s is InsertStatement or UpdateStatement or DeleteStatement or MergeStatement or PrintStatement || (s is IfStatement && IsData(s)));

    private static IEnumerable<TSqlStatement> Inner(TSqlStatement statement) => statement is BeginEndBlockStatement block
        ? block.StatementList.Statements
        : [statement];

    private static bool Contains<T>(TSqlFragment fragment)
        where T : TSqlFragment
    {
        var finder = new Finder<T>();
        fragment.Accept(finder);
        return finder.Found.Count > 0;
    }

    private void Put(string key, TSqlStatement statement)
    {
        if (!_objects.ContainsKey(key))
        {
            _order.Add(key);
        }

        _objects[key] = statement;
    }

    private void Remove(string key)
    {
        _objects.Remove(key);
        _order.RemoveAll(k => Same(k, key));
    }

    private CreateTableStatement Table(string origin, SchemaObjectName name) =>
        _tables.TryGetValue(Name(name), out var table)
            ? table
            : throw new SchemaModelException($"{origin} alters table {Name(name)}, which no earlier script creates.");

    private static string Text(TSqlFragment fragment, string batch) => batch.Substring(fragment.StartOffset, fragment.FragmentLength);

    private static string Name(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static void RemoveAll<T>(IList<T> list, Func<T, bool> match)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }

    private sealed class Finder<T> : TSqlFragmentVisitor
        where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T match)
            {
                Found.Add(match);
            }
        }
    }
}

/// <summary>The row-writing statements of one versioned script, in script order.</summary>
internal sealed record DataStatements(MigrationScript Script, IReadOnlyList<string> Statements);

/// <summary>The schema scripts cannot be read into a model (a statement without a place, an ALTER of a missing table…).</summary>
public sealed class SchemaModelException(string message) : Exception(message);

internal static class ViewStatementCopy
{
    public static CreateViewStatement WithColumnsAndOptions(this CreateViewStatement created, ViewStatementBody from)
    {
        foreach (var column in from.Columns)
        {
            created.Columns.Add(column);
        }

        foreach (var option in from.ViewOptions)
        {
            created.ViewOptions.Add(option);
        }

        return created;
    }
}
