using System.Text;
using System.Text.Json;
using Cchc.Cli.Tests.Nightly;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// The shape of every command's <c>--json</c> output — its keys (snake_case), nesting and value kinds — pinned in
/// <c>tests/Cchc.Cli.Tests/JsonShapes/&lt;command&gt;.txt</c>, so that a script or Power Query step reading it does not
/// break unnoticed. A deliberate change updates the file (run with CCHC_APPROVE=1 to rewrite it, then review the diff).
/// </summary>
public sealed class JsonShapeTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public JsonShapeTests() => _temp.Close();

    private string Warehouse => _temp.Target.ToString();

    [Fact]
    public void Load()
    {
        var (good, bad) = ParWorkbooks.Write(_temp.Directory);
        AssertShape("load", Run(CliApp.Failed, "load", "par", bad, good, "--warehouse", Warehouse, "--json", "--quiet"));
    }

    [Fact]
    public void Status()
    {
        var (good, _) = ParWorkbooks.Write(_temp.Directory);
        CliHarness.Run("load", "par", good, "--warehouse", Warehouse, "--quiet");
        AssertShape("status", Json("status", "--warehouse", Warehouse, "--json"));
    }

    [Fact]
    public void Publish() => AssertShape("publish", Json("publish", "--warehouse", Warehouse, "--json"));

    [Fact]
    public void Dq_and_its_rules()
    {
        CliHarness.Run("load", "plan", SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.csv"), "--warehouse", Warehouse, "--quiet");
        AssertShape("dq", Json("dq", "--warehouse", Warehouse, "--json"));
        AssertShape("dq-rules", Json("dq", "--rules", "--json"));
    }

    [Fact]
    public void Nightly()
    {
        var inbox = Path.Combine(_temp.Directory, "inbox");
        NightlyInbox.Write(inbox, count: 1);
        File.WriteAllBytes(Path.Combine(inbox, "zz-empty.xlsx"), []);
        AssertShape("nightly", Run(CliApp.Failed, "nightly", "--inbox", inbox, "--warehouse", Warehouse, "--settle", "0", "--json", "--quiet"));
    }

    [Fact]
    public void Drivers()
    {
        using (var warehouse = _temp.Reopen())
        {
            ParFixture.Load(warehouse, 2012, 2013, 2014, 2015, 2016, 2017);
        }

        AssertShape("drivers", Json("drivers", "--province", "68", "--year", "2017", "--permutations", "2", "--warehouse", Warehouse, "--json", "--quiet"));
    }

    [Fact]
    public void Whatif()
    {
        using (var warehouse = _temp.Reopen())
        {
            ParFixture.Load(warehouse, 2017);
        }

        AssertShape("whatif", Json("whatif", "--province", "68", "--year", "2017", "--set", "1.1=10", "--target-rank", "10", "--warehouse", Warehouse, "--json"));
    }

    [Fact]
    public void Demo()
    {
        var output = Path.Combine(_temp.Directory, "demo");
        AssertShape("demo", Json("demo", "--out", output, "--json", "--quiet"));
    }

    public void Dispose() => _temp.Dispose();

    private static JsonElement Json(params string[] args) => Run(CliApp.Ok, args);

    private static JsonElement Run(int expectedExit, params string[] args)
    {
        var (code, output, err) = CliHarness.Run(args);
        Assert.True(code == expectedExit, $"exit {code}: {err}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    private static void AssertShape(string name, JsonElement json)
    {
        var actual = Shape.Of(json).Render();
        var file = Path.Combine(SharedData.RepositoryRoot, "tests", "Cchc.Cli.Tests", "JsonShapes", name + ".txt");
        var badKeys = Shape.Of(json).Keys().Where(k => !System.Text.RegularExpressions.Regex.IsMatch(k, "^[a-z][a-z0-9]*(_[a-z0-9]+)*$")).Distinct().ToList();
        Assert.True(badKeys.Count == 0, $"cchc {name} --json: keys not in snake_case: {string.Join(", ", badKeys)}");
        if (Environment.GetEnvironmentVariable("CCHC_APPROVE") == "1" || !File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
            Assert.Fail($"recorded the shape of cchc {name} --json in {file}: review and commit it");
        }

        var approved = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.True(approved == actual,
            $"cchc {name} --json changed shape. If that is intended, put this in {file} (or run with CCHC_APPROVE=1):\n{actual}");
    }

    /// <summary>A JSON value's shape: the kinds it takes, and for objects and arrays what they hold (merged over the
    /// elements of an array, so that one element with an error and one without give one shape).</summary>
    private sealed class Shape
    {
        private readonly SortedSet<string> _kinds = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, Shape> _properties = new(StringComparer.Ordinal);
        private Shape? _items;

        public static Shape Of(JsonElement element)
        {
            var shape = new Shape();
            shape.Add(element);
            return shape;
        }

        public IEnumerable<string> Keys() =>
            _properties.Keys.Concat(_properties.Values.SelectMany(p => p.Keys())).Concat(_items?.Keys() ?? []);

        public string Render()
        {
            var text = new StringBuilder();
            Render(text, 0);
            return text.Append('\n').ToString();
        }

        private void Add(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    _kinds.Add("object");
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!_properties.TryGetValue(property.Name, out var shape))
                        {
                            _properties[property.Name] = shape = new Shape();
                        }

                        shape.Add(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    _kinds.Add("array");
                    foreach (var item in element.EnumerateArray())
                    {
                        (_items ??= new Shape()).Add(item);
                    }

                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    _kinds.Add("bool");
                    break;
                default:
                    _kinds.Add(element.ValueKind.ToString().ToLowerInvariant());
                    break;
            }
        }

        private void Render(StringBuilder text, int depth)
        {
            var pad = new string(' ', 2 * depth);
            var scalars = _kinds.Where(k => k is not ("object" or "array")).ToList();
            var parts = new List<string>(scalars);
            if (_kinds.Contains("array"))
            {
                parts.Add("array");
            }

            if (_kinds.Contains("object"))
            {
                parts.Add("object");
            }

            text.Append(string.Join('|', parts));
            if (_kinds.Contains("object"))
            {
                foreach (var (name, shape) in _properties)
                {
                    text.Append('\n').Append(pad).Append("  ").Append(name).Append(": ");
                    shape.Render(text, depth + 1);
                }
            }

            if (_kinds.Contains("array"))
            {
                text.Append('\n').Append(pad).Append("  []: ");
                if (_items is null)
                {
                    text.Append("(empty)");
                }
                else
                {
                    _items.Render(text, depth + 1);
                }
            }
        }
    }
}
