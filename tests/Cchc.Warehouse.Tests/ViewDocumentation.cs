using System.Text.RegularExpressions;
using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// The rpt views as <c>warehouse/README.md</c> documents them: one <c>### `rpt.view`</c> section per view (a
/// <c> — one row per …</c> may follow the name), holding one <c>| column | type | meaning |</c> table with a row per
/// column, and the type table (<c>| type | DuckDB | SQL Server | Power BI |</c>) that says what each documented type is
/// on either engine. Reading it also collects what breaks that format, line by line, so that a test can list every
/// problem at once rather than stop at the first.
/// </summary>
internal sealed partial class ViewDocumentation
{
    internal const string ColumnTableHeader = "| column | type | meaning |";

    internal const string TypeTableHeader = "| type | DuckDB | SQL Server | Power BI |";

    private ViewDocumentation(string origin, List<DocumentedView> views, Dictionary<string, PortableType> types, List<string> problems)
    {
        Origin = origin;
        Views = views;
        Types = types;
        Problems = problems;
    }

    internal sealed record DocumentedColumn(string Name, string Type, string Meaning, int Line);

    internal sealed record DocumentedView(string Name, int Line, IReadOnlyList<DocumentedColumn> Columns);

    /// <summary>A documented type and the engine type names it stands for (upper case, without length or precision).</summary>
    internal sealed record PortableType(string Name, IReadOnlySet<string> DuckDb, IReadOnlySet<string> SqlServer);

    /// <summary>A view column as an engine declares it; <c>Type</c> is null where the engine's model gives none.</summary>
    internal sealed record EngineColumn(string View, string Column, string? Type);

    internal static string ReadmePath => Path.Combine(SharedData.RepositoryRoot, "warehouse", "README.md");

    /// <summary>Where the documentation was read from, for messages ("warehouse/README.md").</summary>
    internal string Origin { get; }

    internal IReadOnlyList<DocumentedView> Views { get; }

    /// <summary>Documented type name → what it is on each engine, from the type table.</summary>
    internal IReadOnlyDictionary<string, PortableType> Types { get; }

    /// <summary>What breaks the one format, each naming its line (and view and column where there is one).</summary>
    internal IReadOnlyList<string> Problems { get; }

    internal static ViewDocumentation ReadReadme() => Parse(File.ReadAllText(ReadmePath), "warehouse/README.md");

    internal static ViewDocumentation Parse(string text, string origin)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var problems = new List<string>();
        var views = new List<DocumentedView>();
        var types = new Dictionary<string, PortableType>(StringComparer.Ordinal);
        string? view = null;
        var viewLine = 0;
        List<DocumentedColumn>? columns = null;
        var columnTables = 0;
        var inCode = false;

        void CloseSection()
        {
            if (view is null)
            {
                return;
            }

            if (columnTables == 0)
            {
                problems.Add($"{origin} line {viewLine}: rpt.{view} has no '{ColumnTableHeader}' table in its section");
            }

            views.Add(new DocumentedView(view, viewLine, columns ?? []));
            view = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            // A "# comment" in a shell block is no heading, nor is a "|" in a code sample a table.
            if (inCode)
            {
                continue;
            }

            if (Heading().IsMatch(line))
            {
                CloseSection();
                if (line.StartsWith("### `rpt.", StringComparison.Ordinal) || line.StartsWith("### rpt.", StringComparison.Ordinal))
                {
                    var heading = ViewHeading().Match(line);
                    if (!heading.Success)
                    {
                        problems.Add($"{origin} line {number}: '{line}' — a view's heading is \"### `rpt.name`\", optionally followed by \" — …\"");
                        continue;
                    }

                    view = heading.Groups[1].Value;
                    viewLine = number;
                    columns = [];
                    columnTables = 0;
                }

                continue;
            }

            if (!line.StartsWith('|') || (i > 0 && lines[i - 1].StartsWith('|')))
            {
                continue;
            }

            // The first row of a table: its header decides what it is.
            var header = Normalize(line);
            var rows = lines.Skip(i + 2).TakeWhile(l => l.StartsWith('|')).Select((l, k) => (Text: l, Line: number + 2 + k)).ToList();
            if (header == TypeTableHeader)
            {
                ReadTypes(rows, types, problems, origin);
            }
            else if (header == ColumnTableHeader && view is not null && columns is not null)
            {
                columnTables++;
                if (columnTables > 1)
                {
                    problems.Add($"{origin} line {number}: rpt.{view} has a second column table; one table holds every column of a view");
                }

                ReadColumns(view, rows, columns, problems, origin);
            }
            else if (header == ColumnTableHeader || Cells(line).FirstOrDefault() == "column")
            {
                var where = view is null ? "outside any \"### `rpt.name`\" section" : $"in the section of rpt.{view} in another format";
                problems.Add($"{origin} line {number}: a column table {where} ('{line.Trim()}'); view columns are documented only as '{ColumnTableHeader}' under their view's heading");
            }
        }

        CloseSection();
        foreach (var twice in views.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{origin}: rpt.{twice.Key} is documented {twice.Count()} times (lines {string.Join(", ", twice.Select(v => v.Line))}); one section per view");
        }

        if (types.Count == 0)
        {
            problems.Add($"{origin}: no type table ('{TypeTableHeader}') says what the documented types are on each engine");
        }

        foreach (var v in views)
        {
            foreach (var c in v.Columns.Where(c => !types.ContainsKey(c.Type)))
            {
                problems.Add($"{origin} line {c.Line}: rpt.{v.Name}.{c.Name}: type '{c.Type}' is not in the type table ({string.Join(", ", types.Keys)})");
            }
        }

        return new ViewDocumentation(origin, views, types, problems);
    }

    /// <summary>
    /// Every disagreement between the documentation and one engine's views, both ways: views without a section,
    /// sections without a view, columns the view has and the table lacks, documented columns the view lacks, columns
    /// in another order, and documented types the engine contradicts (where it gives a type).
    /// </summary>
    internal List<string> Compare(IReadOnlyList<EngineColumn> engine, string engineName, Func<PortableType, IReadOnlySet<string>> engineTypes)
    {
        var problems = new List<string>();
        var actual = engine.GroupBy(c => c.View, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var documented = Views.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var name in actual.Keys.Where(k => !documented.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            problems.Add($"rpt.{name}: a view on {engineName} without a \"### `rpt.{name}`\" section in {Origin} ({actual[name].Count} columns undocumented)");
        }

        foreach (var v in Views.Where(v => !actual.ContainsKey(v.Name)))
        {
            problems.Add($"rpt.{v.Name} ({Origin} line {v.Line}): documented, but {engineName} has no such view");
        }

        foreach (var (name, columns) in actual.Where(a => documented.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var doc = documented[name];
            var byName = doc.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            foreach (var column in columns)
            {
                if (!byName.TryGetValue(column.Column, out var d))
                {
                    problems.Add($"rpt.{name}.{column.Column}: on {engineName}{(column.Type is null ? "" : $" ({column.Type})")} but not in its table in {Origin} (line {doc.Line})");
                    continue;
                }

                if (column.Type is not null && Types.TryGetValue(d.Type, out var portable) && !engineTypes(portable).Contains(BaseType(column.Type)))
                {
                    var meant = Types.Values.Where(t => engineTypes(t).Contains(BaseType(column.Type))).Select(t => t.Name).ToList();
                    problems.Add($"rpt.{name}.{column.Column} ({Origin} line {d.Line}): documented as {d.Type}, but {engineName} gives {column.Type}" +
                        (meant.Count > 0 ? $" (document it as {string.Join(" or ", meant)})" : " (a type the type table does not map)"));
                }
            }

            var names = columns.Select(c => c.Column).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var d in doc.Columns.Where(d => !names.Contains(d.Name)))
            {
                problems.Add($"rpt.{name}.{d.Name} ({Origin} line {d.Line}): documented, but {engineName}'s view has no such column");
            }

            var actualOrder = columns.Select(c => c.Column.ToLowerInvariant()).ToList();
            var documentedOrder = doc.Columns.Select(c => c.Name.ToLowerInvariant()).ToList();
            if (actualOrder.Order(StringComparer.Ordinal).SequenceEqual(documentedOrder.Order(StringComparer.Ordinal)) && !actualOrder.SequenceEqual(documentedOrder))
            {
                problems.Add($"rpt.{name} ({Origin} line {doc.Line}): columns documented in another order than {engineName}'s view has them ({string.Join(", ", actualOrder)})");
            }
        }

        return problems;
    }

    private static void ReadColumns(string view, List<(string Text, int Line)> rows, List<DocumentedColumn> columns, List<string> problems, string origin)
    {
        foreach (var (text, line) in rows)
        {
            var cells = Cells(text);
            var name = cells.Count == 3 ? ColumnName().Match(cells[0]) : Match.Empty;
            if (!name.Success)
            {
                problems.Add($"{origin} line {line}: rpt.{view}: '{text.Trim()}' — a row names one column in backticks, then its type and its meaning");
                continue;
            }

            var column = name.Groups[1].Value;
            if (columns.Any(c => c.Name == column))
            {
                problems.Add($"{origin} line {line}: rpt.{view}.{column} is documented twice in its table");
                continue;
            }

            if (cells[2].Length == 0)
            {
                problems.Add($"{origin} line {line}: rpt.{view}.{column} has no meaning");
            }

            columns.Add(new DocumentedColumn(column, cells[1], cells[2], line));
        }
    }

    private static void ReadTypes(List<(string Text, int Line)> rows, Dictionary<string, PortableType> types, List<string> problems, string origin)
    {
        foreach (var (text, line) in rows)
        {
            var cells = Cells(text);
            if (cells.Count != 4)
            {
                problems.Add($"{origin} line {line}: the type table has four columns ('{text.Trim()}')");
                continue;
            }

            var duck = EngineTypes(cells[1]);
            var sql = EngineTypes(cells[2]);
            if (duck.Count == 0 || sql.Count == 0)
            {
                problems.Add($"{origin} line {line}: type '{cells[0]}' names no `TYPE` for one of the engines");
            }

            types[cells[0]] = new PortableType(cells[0], duck, sql);
        }
    }

    private static HashSet<string> EngineTypes(string cell) =>
        BacktickedType().Matches(cell).Select(m => BaseType(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>"NVARCHAR(200)", "nvarchar", "[nvarchar]" → "NVARCHAR": lengths do not change what a column is to Power BI.</summary>
    internal static string BaseType(string type)
    {
        var bare = type.Trim().Trim('[', ']');
        var paren = bare.IndexOf('(', StringComparison.Ordinal);
        return (paren < 0 ? bare : bare[..paren]).Trim().ToUpperInvariant();
    }

    private static List<string> Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private static string Normalize(string row) => "| " + string.Join(" | ", Cells(row)) + " |";

    [GeneratedRegex(@"^#{1,3} ")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^### `rpt\.([a-z0-9_]+)`( — \S.*)?$")]
    private static partial Regex ViewHeading();

    [GeneratedRegex(@"^`([a-z0-9_]+)`$")]
    private static partial Regex ColumnName();

    [GeneratedRegex(@"`([A-Za-z0-9 ]+(\([^)`]*\))?)`")]
    private static partial Regex BacktickedType();
}
