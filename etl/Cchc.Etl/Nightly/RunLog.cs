using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cchc.Etl.Nightly;

/// <summary>
/// Structured log of an unattended run: one JSON object per line to a log file (for machines and grep) and a short
/// human line to the console. Every step says how long it took.
/// </summary>
public sealed class RunLog : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly StreamWriter? _file;
    private readonly TextWriter _console;
    private readonly object _gate = new();

    public RunLog(TextWriter console, string? logFile = null)
    {
        _console = console;
        if (logFile is not null)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(logFile));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            _file = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }
    }

    public long? RunId { get; set; }

    public void Info(string @event, string message, string? file = null, double? ms = null, long? rows = null) =>
        Write("info", @event, message, file, ms, rows);

    public void Warn(string @event, string message, string? file = null, double? ms = null) =>
        Write("warn", @event, message, file, ms, null);

    public void Error(string @event, string message, string? file = null, double? ms = null) =>
        Write("error", @event, message, file, ms, null);

    /// <summary>Times a step and logs its end (or its failure) with the elapsed milliseconds.</summary>
    public T Step<T>(string @event, string? file, Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = action();
            Info(@event, "done", file, clock.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception e)
        {
            Error(@event, e.Message, file, clock.Elapsed.TotalMilliseconds);
            throw;
        }
    }

    private void Write(string level, string @event, string message, string? file, double? ms, long? rows)
    {
        var entry = new
        {
            ts = DateTime.UtcNow.ToString("O"),
            level,
            run_id = RunId,
            @event,
            file,
            ms = ms is null ? (double?)null : Math.Round(ms.Value, 1),
            rows,
            message,
        };
        lock (_gate)
        {
            _file?.WriteLine(JsonSerializer.Serialize(entry, Json));
            var timing = ms is null ? string.Empty : $" ({ms / 1000:0.00} s)";
            _console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {level.ToUpperInvariant(),-5} {@event}{(file is null ? string.Empty : " " + file)}: {message}{timing}");
        }
    }

    public void Dispose() => _file?.Dispose();
}
