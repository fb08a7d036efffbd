using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Warehouse.Engines;

namespace Cchc.Warehouse;

/// <summary>
/// The longest text each warehouse column takes, as the T-SQL schema declares it (<c>NVARCHAR(200)</c>; <c>MAX</c> is
/// unlimited). SQL Server rejects a longer value and DuckDB would keep it, so both engines' bulk writers refuse it the
/// same way, and loaders quarantine an over-long value when they parse it, with a reason, before anything is written:
/// one file loads the same on both engines. Read from the embedded scripts, so a new column's limit needs no edit here
/// (the parity test checks this reading against ScriptDom's).
/// </summary>
public sealed partial class ColumnLimits
{
    private readonly Dictionary<(string Table, string Column), int> _limits;

    private ColumnLimits(Dictionary<(string Table, string Column), int> limits) => _limits = limits;

    public static ColumnLimits Default { get; } = Read(MigrationScript.For(WarehouseTarget.SqlServer));

    /// <summary>Every limited text column: ("dw.fact_dossier", "dossier_code") → 200. Names lower case.</summary>
    public IReadOnlyDictionary<(string Table, string Column), int> All => _limits;

    /// <summary>The column's limit in characters, or null when it is not a limited text column.</summary>
    public int? MaxLength(string table, string column) =>
        _limits.TryGetValue((table.ToLowerInvariant(), column.ToLowerInvariant()), out var max) ? max : null;

    /// <summary>Null when <paramref name="value"/> fits; otherwise the reason, naming what it is and the limit.</summary>
    public string? TooLong(string table, string column, string? value, string what) => Limit(table, column, what).Check(value);

    /// <summary>One column's limit, looked up once (for checks on every row of a large file).</summary>
    public ColumnLimit Limit(string table, string column, string what) => new(table, column, MaxLength(table, column), what);

    /// <summary>The value cut to the column's limit (for audit fields such as a quarantined row's sheet name), ending in "…" when cut.</summary>
    public string? Fit(string table, string column, string? value) =>
        value is not null && MaxLength(table, column) is { } max && value.Length > max ? value[..(max - 1)] + "…" : value;

    /// <summary>The limits of a bulk writer's columns, in order (null where unlimited).</summary>
    internal int?[] For(string table, IReadOnlyList<string> columns) => columns.Select(c => MaxLength(table, c)).ToArray();

    /// <summary>What both engines' bulk writers do with an over-long value: refuse the row, naming the column (a loader should have quarantined it).</summary>
    internal static void RequireFits(string table, IReadOnlyList<string> columns, int?[] limits, ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length && i < limits.Length; i++)
        {
            if (limits[i] is { } max && values[i] is string text && text.Length > max)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"A value of {text.Length} characters does not fit column {table}.{columns[i]} (at most {max}): the loader must quarantine it when it parses the file."));
            }
        }
    }

    public static ColumnLimits Read(IEnumerable<MigrationScript> scripts)
    {
        var limits = new Dictionary<(string, string), int>();
        foreach (var script in scripts.Where(s => !s.IsRepeatable).Prepend(new MigrationScript(WarehouseTarget.SqlServer, "bootstrap", 0, Engines.SqlServer.SqlServerStatements.Bootstrap)))
        {
            var sql = LineComment().Replace(script.Sql, string.Empty);
            foreach (Match table in CreateTable().Matches(sql))
            {
                var name = Name(table.Groups["schema"].Value, table.Groups["table"].Value);
                foreach (Match column in Column().Matches(table.Groups["body"].Value))
                {
                    Set(limits, name, column);
                }
            }

            foreach (Match change in AlterTable().Matches(sql))
            {
                Set(limits, Name(change.Groups["schema"].Value, change.Groups["table"].Value), change);
            }

            foreach (Match drop in DropTable().Matches(sql))
            {
                var name = Name(drop.Groups["schema"].Value, drop.Groups["table"].Value);
                foreach (var key in limits.Keys.Where(k => k.Item1 == name).ToList())
                {
                    limits.Remove(key);
                }
            }
        }

        return new ColumnLimits(limits);
    }

    private static void Set(Dictionary<(string, string), int> limits, string table, Match column)
    {
        var key = (table, column.Groups["column"].Value.ToLowerInvariant());
        if (column.Groups["length"].Value.Equals("MAX", StringComparison.OrdinalIgnoreCase))
        {
            limits.Remove(key);
        }
        else
        {
            limits[key] = int.Parse(column.Groups["length"].Value, CultureInfo.InvariantCulture);
        }
    }

    private static string Name(string schema, string table) => $"{schema}.{table}".ToLowerInvariant();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"CREATE\s+TABLE\s+\[?(?<schema>\w+)\]?\.\[?(?<table>\w+)\]?\s*\((?<body>(?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"(?:^|,|\()\s*\[?(?<column>\w+)\]?\s+N?(?:VAR)?CHAR\s*\(\s*(?<length>\d+|MAX)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Column();

    [GeneratedRegex(@"ALTER\s+TABLE\s+\[?(?<schema>\w+)\]?\.\[?(?<table>\w+)\]?\s+(?:ADD|ALTER\s+COLUMN)\s+\[?(?<column>\w+)\]?\s+N?(?:VAR)?CHAR\s*\(\s*(?<length>\d+|MAX)\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?\[?(?<schema>\w+)\]?\.\[?(?<table>\w+)\]?", RegexOptions.IgnoreCase)]
    private static partial Regex DropTable();
}

/// <summary>A column's limit and the words for what it holds; <see cref="Check"/> is allocation-free when the value fits.</summary>
public sealed record ColumnLimit(string Table, string Column, int? Max, string What)
{
    /// <summary>Null when the value fits (or is null); otherwise the reason, naming what it is and the limit.</summary>
    public string? Check(string? value) =>
        value is null || Max is not { } max || value.Length <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{What} is {value.Length} characters long; the warehouse keeps at most {max} ({Table}.{Column})");
}
