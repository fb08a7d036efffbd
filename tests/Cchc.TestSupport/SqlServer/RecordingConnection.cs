using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// A connection that runs nothing: it records every statement sent to it, answers queries from <see cref="Respond"/>
/// (an empty result by default), and keeps parameters as real <see cref="SqlParameter"/>s so that Dapper binds them
/// exactly as it would for SQL Server. Lets a test drive the SQL Server engine without a server and parse what it sent.
/// </summary>
public sealed class RecordingConnection : DbConnection
{
    private readonly List<RecordedCommand> _commands = [];

    /// <summary>The text of every command, in order.</summary>
    public IReadOnlyList<string> Statements => _commands.Select(c => c.Sql).ToList();

    /// <summary>Every command with its parameters as Dapper bound them for SqlClient.</summary>
    public IReadOnlyList<RecordedCommand> Commands => _commands;

    /// <summary>Answers a query (SQL, parameters by name without '@'); null means an empty result.</summary>
    public Func<string, IReadOnlyDictionary<string, object?>, DataTable?> Respond { get; init; } = (_, _) => null;

    [AllowNull]
    public override string ConnectionString { get; set; } = "recording";

    public override string Database => "recording";

    public override string DataSource => "recording";

    public override string ServerVersion => "16.0";

    public override ConnectionState State => ConnectionState.Open;

    public override void ChangeDatabase(string databaseName)
    {
    }

    public override void Open()
    {
    }

    public override void Close()
    {
    }

    internal void Record(string sql, SqlParameterCollection parameters) =>
        _commands.Add(new RecordedCommand(sql, parameters.Cast<SqlParameter>()
            .Select(p => new RecordedParameter(p.ParameterName.TrimStart('@'), p.SqlDbType, p.Size, p.Precision, p.Scale))
            .ToList()));

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new RecordingTransaction(this, isolationLevel);

    protected override DbCommand CreateDbCommand() => new RecordingCommand(this);

    private sealed class RecordingTransaction(RecordingConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel { get; } = isolationLevel;

        protected override DbConnection DbConnection { get; } = connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    private sealed class RecordingCommand(RecordingConnection connection) : DbCommand
    {
        private readonly SqlCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = string.Empty;

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; } = connection;

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery()
        {
            connection.Record(CommandText, _parameters.Parameters);
            return 0;
        }

        public override object? ExecuteScalar()
        {
            var table = Answer();
            return table is { Rows.Count: > 0 } ? table.Rows[0][0] : null;
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => (Answer() ?? new DataTable()).CreateDataReader();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parameters.Dispose();
            }

            base.Dispose(disposing);
        }

        private DataTable? Answer()
        {
            connection.Record(CommandText, _parameters.Parameters);
            var parameters = _parameters.Parameters.Cast<SqlParameter>()
                .ToDictionary(p => p.ParameterName.TrimStart('@'), p => p.Value is DBNull ? null : p.Value, StringComparer.OrdinalIgnoreCase);
            return connection.Respond(CommandText, parameters);
        }
    }
}

/// <summary>A command sent to the recording connection.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<RecordedParameter> Parameters);

/// <summary>A parameter as SqlClient would declare it to the server (type, length, precision, scale).</summary>
public sealed record RecordedParameter(string Name, SqlDbType Type, int Size, byte Precision, byte Scale);
