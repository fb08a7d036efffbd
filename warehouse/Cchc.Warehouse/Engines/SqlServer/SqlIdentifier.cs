using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// Table and column names come from our own code, never from input, but they are still checked and bracketed:
/// identifiers cannot be parameters, and a name that is not a plain word is a bug worth failing on.
/// </summary>
internal static partial class SqlIdentifier
{
    public static string Quote(string name) =>
        PlainName().IsMatch(name)
            ? "[" + name + "]"
            : throw new ArgumentException($"'{name}' is not a plain SQL name (letters, digits, underscore; optional leading #).", nameof(name));

    /// <summary><c>dw.fact_index_score</c> → <c>[dw].[fact_index_score]</c>; a name without a schema gets <c>dbo</c>.</summary>
    public static string QuoteTable(string table)
    {
        var (schema, name) = Split(table);
        return Quote(schema) + "." + Quote(name);
    }

    public static (string Schema, string Name) Split(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("dbo", table) : (table[..dot], table[(dot + 1)..]);
    }

    [GeneratedRegex(@"^#?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
