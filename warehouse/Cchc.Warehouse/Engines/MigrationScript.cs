using System.Security.Cryptography;
using System.Text;

namespace Cchc.Warehouse.Engines;

/// <summary>
/// An embedded schema script. Versioned scripts (<c>0001_core.sql</c>) run once, in order; repeatable scripts
/// (<c>views/*.sql</c>) are re-run whenever their text changes, after all versioned ones.
/// </summary>
public sealed record MigrationScript(string Engine, string Name, int? Version, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)))[..16];

    public bool IsRepeatable => Version is null;

    /// <summary>
    /// Marker line for a script that must run outside a transaction (SQL Server refuses ALTER DATABASE inside one).
    /// Such a script must be safe to re-run: if it fails halfway, nothing records it as applied.
    /// </summary>
    public const string NoTransactionMarker = "-- cchc:no-transaction";

    public bool RunsOutsideTransaction =>
        Sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Any(l => l.Trim() == NoTransactionMarker);

    public static IReadOnlyList<MigrationScript> For(string engine)
    {
        var prefix = $"Cchc.Warehouse.Schema.{engine}/";
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var normalised = resource.Replace('\\', '/');
            if (!normalised.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = normalised[prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd();
            var versionText = name.Split('_')[0];
            int? version = name.StartsWith("views", StringComparison.Ordinal) ? null
                : int.TryParse(versionText, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidOperationException($"Schema script '{name}' must start with a 4-digit version or live under views/.");
            scripts.Add(new MigrationScript(engine, name, version, sql));
        }

        return scripts
            .OrderBy(s => s.IsRepeatable)
            .ThenBy(s => s.Version)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Splits a script into statements: on <c>GO</c> lines when the script has any (T-SQL batches), otherwise on
    /// semicolons that end a line (the convention of our DuckDB scripts).
    /// </summary>
    public IReadOnlyList<string> Statements()
    {
        var lines = Sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var byGo = lines.Any(l => l.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase));
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            var isGo = byGo && trimmed.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase);
            if (!isGo)
            {
                current.AppendLine(trimmed);
            }

            if (isGo || (!byGo && trimmed.EndsWith(';') && !trimmed.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            {
                Flush();
            }
        }

        Flush();
        return statements;

        void Flush()
        {
            var text = current.ToString().Trim();
            current.Clear();
            if (text.Split('\n').Any(l => l.Trim().Length > 0 && !l.Trim().StartsWith("--", StringComparison.Ordinal)))
            {
                statements.Add(text);
            }
        }
    }
}
