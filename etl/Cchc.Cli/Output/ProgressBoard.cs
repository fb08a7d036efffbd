using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Cchc.Cli.Commands;
using Cchc.Etl.Loading;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cchc.Cli.Output;

/// <summary>
/// What a person watches while a long command works: on a terminal, Spectre.Console progress bars (rows so far,
/// rows/s, ETA) on stderr, with log lines printed above them; in a pipe, under <c>CI</c> or with <c>--json</c>,
/// plain log lines on stderr instead (one when an item starts and ends, and one every
/// <see cref="PlainBoard.Interval"/> while a long one runs). <c>--quiet</c> shows neither.
/// </summary>
internal abstract class ProgressBoard
{
    /// <summary>Runs <paramref name="work"/> with the board the context's streams call for.</summary>
    public static T Run<T>(CommandContext context, Func<ProgressBoard, T> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.ShowsLiveProgress)
        {
            return work(new PlainBoard(context));
        }

        var console = Consoles.For(context.Err.Inner);
        var units = new ConditionalWeakTable<ProgressTask, string>();
        T result = default!;

        // The bars hide the cursor; give it back if Ctrl+C ends the process under them.
        void ShowCursor(object? sender, ConsoleCancelEventArgs e) => console.Cursor.Show();
        Console.CancelKeyPress += ShowCursor;
        try
        {
            console.Progress()
                .AutoClear(true)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentColumn(),
                    new RowsColumn(units), new EtaColumn(), new SpinnerColumn())
                .Start(progress =>
                {
                    void Print(string line) => console.WriteLine(line);
                    using var outLines = context.Out.RouteLinesTo(Print);
                    using var errLines = context.Err.RouteLinesTo(Print);
                    result = work(new LiveBoard(progress, units, Print));
                });
        }
        finally
        {
            Console.CancelKeyPress -= ShowCursor;
        }

        return result;
    }

    /// <summary>Starts an item: a file being loaded (<paramref name="total"/> null: its reader reports the fraction
    /// read), or counted work (<paramref name="total"/> provinces). Plain boards print a line saying so unless
    /// <paramref name="announce"/> is false (the caller logs its own).</summary>
    public abstract ProgressItem Start(string description, long? total = null, string unit = "rows", bool announce = true);

    /// <summary>A bar over the whole of a many-part job (files of a load); no lines of its own when plain, where each
    /// part's lines say where the job is.</summary>
    public abstract ProgressItem Overall(string description, long total, string unit);

    private static string Count(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n:N0} {unit}");

    private static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>The time left from the fraction done so far, once there is enough to go on.</summary>
    private static TimeSpan? Eta(double? fraction, TimeSpan elapsed) =>
        fraction is > 0.01 and < 1 && elapsed > TimeSpan.FromSeconds(1)
            ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction.Value) / fraction.Value)
            : null;

    private sealed class LiveBoard(ProgressContext progress, ConditionalWeakTable<ProgressTask, string> units, Action<string> print) : ProgressBoard
    {
        public override ProgressItem Start(string description, long? total = null, string unit = "rows", bool announce = true)
        {
            var task = progress.AddTask(Markup.Escape(description), maxValue: 1.0);
            units.AddOrUpdate(task, unit);
            task.IsIndeterminate = total is null;
            return new LiveItem(task, description, total, print);
        }

        public override ProgressItem Overall(string description, long total, string unit) => Start(description, total, unit);
    }

    private sealed class LiveItem(ProgressTask task, string description, long? total, Action<string> print) : ProgressItem
    {
        public override void Report(LoadProgress value)
        {
            task.State.Update<long>("rows", _ => value.Rows);
            var fraction = total is > 0 ? Math.Min(1.0, (double)value.Rows / total.Value) : value.Fraction;
            if (fraction is { } f)
            {
                task.IsIndeterminate = false;
                task.Value = f;
            }
        }

        public override void Finish(string? line = null)
        {
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
            if (line is not null)
            {
                // Plain boards print the description when an item starts; above the bars, each line stands alone.
                print($"{description}: {line.Trim()}");
            }
        }
    }

    private sealed class PlainBoard(CommandContext context) : ProgressBoard
    {
        public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

        public override ProgressItem Start(string description, long? total = null, string unit = "rows", bool announce = true)
        {
            if (announce)
            {
                context.Progress(description + " …");
            }

            return new PlainItem(context, description, total, unit);
        }

        public override ProgressItem Overall(string description, long total, string unit) => new SilentItem();
    }

    private sealed class SilentItem : ProgressItem
    {
        public override void Report(LoadProgress value)
        {
        }

        public override void Finish(string? line = null)
        {
        }
    }

    private sealed class PlainItem(CommandContext context, string description, long? total, string unit) : ProgressItem
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastLine;

        public override void Report(LoadProgress value)
        {
            var elapsed = _clock.Elapsed;
            if (elapsed - _lastLine < PlainBoard.Interval)
            {
                return;
            }

            _lastLine = elapsed;
            var fraction = total is > 0 ? (double)value.Rows / total.Value : value.Fraction;
            var eta = Eta(fraction, elapsed);
            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"      {description}: {Count(value.Rows, unit)}{(fraction is { } f ? $" ({f:P0})" : string.Empty)}, {value.Rows / elapsed.TotalSeconds:N0} {unit}/s" +
                $"{(eta is { } left ? $", about {Duration(left)} left" : string.Empty)}"));
        }

        public override void Finish(string? line = null)
        {
            if (line is not null)
            {
                context.Progress(line);
            }
        }
    }

    /// <summary>"1,234,567 rows · 95,000 rows/s".</summary>
    private sealed class RowsColumn(ConditionalWeakTable<ProgressTask, string> units) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rows = task.State.Get<long>("rows");
            if (rows == 0)
            {
                return Text.Empty;
            }

            var unit = units.TryGetValue(task, out var u) ? u : "rows";
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            var rate = seconds > 0.5 ? string.Create(CultureInfo.InvariantCulture, $" · {rows / seconds:N0} {unit}/s") : string.Empty;
            return new Markup($"[grey]{Markup.Escape(Count(rows, unit) + rate)}[/]");
        }
    }

    /// <summary>"ETA 1:05", from the fraction done and the time it took.</summary>
    private sealed class EtaColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            if (task.IsIndeterminate)
            {
                return Text.Empty;
            }

            var eta = Eta(task.Percentage / 100, task.ElapsedTime ?? TimeSpan.Zero);
            return new Markup(eta is { } left ? $"[blue]ETA {Duration(left)}[/]" : "[grey]ETA -:--[/]");
        }
    }

    /// <summary>"42%", blank while the fraction is not known.</summary>
    private sealed class PercentColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            task.IsIndeterminate ? Text.Empty : new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Percentage,3:0}%"));
    }
}

/// <summary>One line of a <see cref="ProgressBoard"/>; it receives a loader's progress as the loader reads.</summary>
internal abstract class ProgressItem : IProgress<LoadProgress>
{
    /// <summary>Rows (or items) done so far and, when known, the fraction of the work they are.</summary>
    public abstract void Report(LoadProgress value);

    /// <summary>Ends the item, with the line that says how it went.</summary>
    public abstract void Finish(string? line = null);
}
