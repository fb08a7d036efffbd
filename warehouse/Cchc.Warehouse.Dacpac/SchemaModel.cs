using Cchc.Warehouse.Engines;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;

namespace Cchc.Warehouse.Dacpac;

/// <summary>One problem DacFx found in the model: its code (SQL71501 …), the object it is about and the message.</summary>
internal sealed record ModelProblem(string Code, bool IsError, string Message)
{
    public override string ToString() => $"{(IsError ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>
/// The DacFx model of the SQL Server warehouse, built from the same <c>Schema/sqlserver</c> scripts the migrations run
/// (see <see cref="SchemaScripts"/>), at SQL Server 2019 level (the oldest we support) with READ_COMMITTED_SNAPSHOT as
/// the migrations set it. <see cref="Validate"/> is what SSDT's build would report; the DAC package
/// (<see cref="DacPackageWriter"/>) and the statement checks of the tests are built on it.
/// </summary>
internal sealed class SchemaModel : IDisposable
{
    public const SqlServerVersion Platform = SqlServerVersion.Sql150;

    private SchemaModel(TSqlModel model, SchemaScripts scripts)
    {
        Model = model;
        Scripts = scripts;
    }

    public TSqlModel Model { get; }

    internal SchemaScripts Scripts { get; }

    /// <summary>The scripts (versioned, then repeatable) the model was read from.</summary>
    public IReadOnlyList<MigrationScript> MigrationScripts => Scripts.Scripts;

    /// <summary>Every object the model holds as "schema.name" with its kind, e.g. ("Table", "dw.fact_index_score").</summary>
    public IReadOnlyList<(string Kind, string Name)> ObjectNames =>
        Model.GetObjects(DacQueryScopes.UserDefined)
            .Where(o => o.Name.HasName)
            .Select(o => (o.ObjectType.Name, string.Join('.', o.Name.Parts)))
            .ToList();

    public static SchemaModel Build() => Build(SchemaScripts.Read());

    internal static SchemaModel Build(SchemaScripts scripts)
    {
        var model = new TSqlModel(Platform, new TSqlModelOptions
        {
            TransactionIsolationReadCommittedSnapshot = scripts.ReadCommittedSnapshot,
            QuotedIdentifierOn = true,
            AnsiNullsOn = true,
        });
        try
        {
            foreach (var (key, sql) in scripts.Objects)
            {
                AddObjects(model, key, sql);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }

        return new SchemaModel(model, scripts);
    }

    /// <summary>Errors and warnings DacFx reports for the model as it stands (a caller may have added objects).</summary>
    public IReadOnlyList<ModelProblem> Validate() =>
        Model.Validate()
            .Select(m => new ModelProblem($"{m.Prefix}{m.Number}", m.MessageType == DacMessageType.Error, m.Message))
            .ToList();

    /// <summary>Adds objects (e.g. the procedures the statement checks wrap statements in); a parse error says which.</summary>
    public void Add(string origin, string sql) => AddObjects(Model, origin, sql);

    public void Dispose() => Model.Dispose();

    private static void AddObjects(TSqlModel model, string origin, string sql)
    {
        try
        {
            model.AddObjects(sql);
        }
        catch (DacModelException e)
        {
            throw new SchemaModelException($"{origin}: DacFx refuses it ({string.Join("; ", e.Messages.Select(m => m.Message))}):\n{sql}");
        }
    }
}
