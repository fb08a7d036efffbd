using System.Text;
using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// T-SQL has no TRUE/FALSE literals ("Invalid column name 'FALSE'"), so no SQL text in the product may use one: every
/// string literal in the C# of etl/, reports/ and warehouse/ that reads as SQL is scanned, and so is every T-SQL schema
/// script. Booleans travel as parameters or through <c>SqlDialect.BooleanLiteral</c> (the dialect is the one place
/// that spells DuckDB's TRUE, so its file is not scanned).
/// </summary>
public sealed partial class BareBooleanTests
{
    private static readonly string[] ProductFolders = ["etl", "reports", "warehouse"];

    private const string DialectFile = "SqlDialect.cs";

    [Fact]
    public void No_SQL_text_in_the_code_uses_a_bare_TRUE_or_FALSE()
    {
        var root = RepositoryRoot();
        var files = ProductFolders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileName(f) != DialectFile)
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} C# files found under {root}");
        var problems = new List<string>();
        foreach (var file in files)
        {
            foreach (var literal in StringLiterals(File.ReadAllText(file)))
            {
                if (LooksLikeSql().IsMatch(literal) && BareBoolean().Match(WithoutQuotedText(literal)) is { Success: true } found)
                {
                    problems.Add($"{Path.GetRelativePath(root, file)}: '{found.Value}' in {literal.Trim().ReplaceLineEndings(" ")[..Math.Min(160, literal.Trim().Length)]}");
                }
            }
        }

        var scripts = Directory.EnumerateFiles(Path.Combine(root, "warehouse", "Cchc.Warehouse", "Schema", "sqlserver"), "*.sql", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var code = WithoutQuotedText(LineComment().Replace(File.ReadAllText(script), string.Empty));
            if (BareBoolean().Match(code) is { Success: true } found)
            {
                problems.Add($"{Path.GetRelativePath(root, script)}: '{found.Value}'");
            }
        }

        Assert.True(problems.Count == 0, "bare TRUE/FALSE in SQL text (T-SQL has none: pass a parameter or use SqlDialect.BooleanLiteral):\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("var sql = \"UPDATE dw.t SET flag = FALSE WHERE id = @id\";", true)]
    [InlineData("var sql = $\"\"\"\n    INSERT INTO dw.t (a, b) VALUES (@a, TRUE)\n    \"\"\";", true)]
    [InlineData("var sql = @\"SELECT * FROM dw.t WHERE flag = true\";", true)]
    [InlineData("var sql = \"UPDATE dw.t SET note = 'TRUE' WHERE id = @id\";", false)]
    [InlineData("var message = \"the value was FALSE\"; // SELECT FALSE", false)]
    [InlineData("var sql = \"UPDATE dw.t SET flag = @flag\"; var ok = true;", false)]
    public void The_scanner_finds_bare_booleans_in_SQL_literals_only(string code, bool found) =>
        Assert.Equal(found, StringLiterals(code).Any(l => LooksLikeSql().IsMatch(l) && BareBoolean().IsMatch(WithoutQuotedText(l))));

    /// <summary>The contents of every string literal (regular, verbatim, raw, interpolated) outside comments.</summary>
    internal static IEnumerable<string> StringLiterals(string code)
    {
        var i = 0;
        while (i < code.Length)
        {
            if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                i = code.IndexOf('\n', i) is var end and >= 0 ? end : code.Length;
            }
            else if (code[i] == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : code.Length;
            }
            else if (code[i] == '\'')
            {
                i = SkipChar(code, i);
            }
            else if (code[i] == '"')
            {
                var prefix = i;
                while (prefix > 0 && code[prefix - 1] is '$' or '@')
                {
                    prefix--;
                }

                var verbatim = code[prefix..i].Contains('@', StringComparison.Ordinal);
                var quotes = 0;
                while (i + quotes < code.Length && code[i + quotes] == '"')
                {
                    quotes++;
                }

                if (quotes >= 3)
                {
                    var close = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                    var end = close < 0 ? code.Length : close;
                    yield return code[(i + quotes)..end];
                    i = end + quotes;
                }
                else if (quotes == 2)
                {
                    i += 2;
                }
                else
                {
                    var text = new StringBuilder();
                    i++;
                    while (i < code.Length)
                    {
                        if (!verbatim && code[i] == '\\')
                        {
                            text.Append(code[i]).Append(i + 1 < code.Length ? code[i + 1] : ' ');
                            i += 2;
                        }
                        else if (verbatim && code[i] == '"' && i + 1 < code.Length && code[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                        }
                        else if (code[i] == '"' || (!verbatim && code[i] == '\n'))
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            text.Append(code[i++]);
                        }
                    }

                    yield return text.ToString();
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static int SkipChar(string code, int i)
    {
        var j = i + 1;
        if (j < code.Length && code[j] == '\\')
        {
            j += 2;
        }
        else
        {
            j++;
        }

        return j < code.Length && code[j] == '\'' ? j + 1 : i + 1;
    }

    /// <summary>Quoted SQL strings and interpolation holes ({dialect.True}) are not SQL text.</summary>
    private static string WithoutQuotedText(string sql) => Hole().Replace(SqlString().Replace(sql, "''"), " ");

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CchcAnalytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CchcAnalytics.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(SELECT|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|MERGE|WHERE|VALUES|CASE\s+WHEN)\b")]
    private static partial Regex LooksLikeSql();

    [GeneratedRegex(@"\b(TRUE|FALSE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BareBoolean();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex SqlString();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
