using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>What a command gets: its arguments, the output streams, and the warehouse it should use.</summary>
public sealed class CommandContext(CommandLine line, TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public CommandLine Line { get; } = line;

    public TextWriter Out { get; } = stdout;

    /// <summary>Progress and diagnostics; stdout stays clean for --json.</summary>
    public TextWriter Err { get; } = stderr;

    public bool Json => Line.Has("json");

    public WarehouseTarget Target => WarehouseTarget.Resolve(Line.Option("warehouse"));

    public IWarehouse OpenWarehouse() => WarehouseFactory.Open(Target);

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public void Progress(string message)
    {
        if (!Line.Has("quiet"))
        {
            Err.WriteLine(message);
        }
    }
}
