using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Cli.Output;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>What a command gets: its arguments, the output streams, and the warehouse it should use.</summary>
internal sealed class CommandContext(CommandLine line, TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public CommandLine Line { get; } = line;

    /// <summary>Results: text, tables (<see cref="ConsoleTable"/>) or JSON.</summary>
    public RoutedWriter Out { get; } = new(stdout);

    /// <summary>Progress and diagnostics; stdout stays clean for --json.</summary>
    public RoutedWriter Err { get; } = new(stderr);

    public bool Json => Line.Has("json");

    public bool Quiet => Line.Has("quiet");

    /// <summary>Bars rather than log lines: both streams are a terminal, and neither --json, --quiet nor CI says otherwise.</summary>
    public bool ShowsLiveProgress => !Json && !Quiet && Consoles.IsStyled(Out) && Consoles.IsStyled(Err);

    public WarehouseTarget Target => WarehouseTarget.Resolve(Line.Option("warehouse"));

    /// <summary>For commands that write outside a load (dq findings, the published copy): migrates like a writer.</summary>
    public IWarehouse OpenWarehouse() => WarehouseFactory.Open(Target);

    /// <summary>For reading commands (status, report, drivers, whatif): read-only, no migrations, so a report reader's login suffices.</summary>
    public IWarehouse OpenForReading() => WarehouseFactory.OpenReadOnly(Target);

    /// <summary>For writing commands: takes the single-writer lock first, waiting up to --wait seconds (default 0).</summary>
    public WriterSession OpenForWriting(string holder, WarehouseTarget? target = null) =>
        WriterSession.Open(target ?? Target, holder, TimeSpan.FromSeconds(Line.IntOption("wait") ?? 0));

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A log line on stderr (above the bars while they show), unless --quiet.</summary>
    public void Progress(string message)
    {
        if (!Quiet)
        {
            Err.WriteLine(message);
        }
    }
}
