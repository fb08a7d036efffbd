using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc bench onestop --rows N</c>: generates an N-row synthetic dossier log, loads it through the real loader into a
/// fresh DuckDB warehouse, loads the same file with DuckDB's own read_csv into a plain table, then loads a later
/// export (a delta of about --delta rows: new dossiers and progress on open ones) into the warehouse that now holds N.
/// Prints rows/s, the ratio, the loader's peak RSS and the machine. A benchmark, never a test.
/// </summary>
internal sealed class BenchCommand : ICommand
{
    public string Name => "bench";

    public string Summary => "Benchmark the one-stop loader against DuckDB read_csv, plus an incremental delta";

    public void Declare(CommandSyntax syntax) => syntax
        .Subcommand("onestop", "Benchmark the one-stop dossier-log loader: rows/s against DuckDB's read_csv, peak RSS, an incremental delta", s => s
            .Number("rows", "N", "rows in the generated log (default 1000000, at least 10000)", min: 10_000)
            .Number("delta", "N", "rows in the later export loaded on top (default 50000)", min: 1)
            .Text("dir", "DIR", "where to write the files and warehouses (default a temporary folder)")
            .Text("memory-limit", "SIZE", "DuckDB's memory_limit for both loads, e.g. 128MB or 1GB (default 128MB)")
            .Flag("keep", "keep the generated files and warehouses")
            .Flag("profile", "also print where our load's time goes: reading and hashing, parsing and validating, look-ups, each thread's waits, appending, merging, committing")
            .Example("cchc bench onestop --rows 5000000 --delta 50000", "the benchmark of BENCHMARKS.md")
            .Example("cchc bench onestop --rows 100000 --dir /tmp/bench --keep", "a quick run whose files stay for a look")
            .Example("cchc bench onestop --rows 2000000 --profile", "the same with the time of each step of our load"))
        .Example("cchc bench onestop --rows 5000000", "the one-stop loader's benchmark (BENCHMARKS.md)");

    public int Run(CommandContext context)
    {
        if (context.Line.Positional is not ["onestop"])
        {
            throw new UsageException("say what to benchmark: cchc bench onestop");
        }

        var rows = context.Line.IntOption("rows") ?? 1_000_000;
        var deltaTarget = context.Line.IntOption("delta") ?? 50_000;

        var memoryLimit = context.Line.Option("memory-limit") ?? "128MB";
        if (!System.Text.RegularExpressions.Regex.IsMatch(memoryLimit, "^[0-9]+(KB|MB|GB)$"))
        {
            throw new UsageException("--memory-limit looks like 256MB or 1GB");
        }

        var dir = Path.GetFullPath(context.Line.Option("dir") ?? Path.Combine(Path.GetTempPath(), $"cchc-bench-{Environment.ProcessId}"));
        Directory.CreateDirectory(dir);
        try
        {
            var profile = context.Line.Has("profile") ? new LoadProfile() : null;
            return ProgressBoard.Run(context, board => Bench(context, board, dir, rows, deltaTarget, memoryLimit, profile));
        }
        finally
        {
            if (!context.Line.Has("keep"))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static int Bench(CommandContext context, ProgressBoard board, string dir, int rows, int deltaTarget, string memoryLimit, LoadProfile? profile)
    {
        var output = context.Out;
        output.WriteLine($"Machine: {Machine()}");
        output.WriteLine($"DuckDB memory_limit {memoryLimit} for both loads; .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

        var clock = Stopwatch.StartNew();
        var generating = board.Start($"generating {rows:N0} rows and a delta");
        var (mainPath, deltaPath, deltaRows, asOf, deltaAsOf) = BenchFiles.Write(dir, rows, deltaTarget);
        generating.Finish();
        output.WriteLine($"Generated {rows:N0} rows ({new FileInfo(mainPath).Length / 1048576.0:N0} MiB, as of {asOf:yyyy-MM-dd}) and a delta of {deltaRows:N0} rows (as of {deltaAsOf:yyyy-MM-dd}) in {clock.Elapsed.TotalSeconds:N1} s");

        var warehousePath = Path.Combine(dir, "bench.duckdb");
        using var warehouse = WarehouseFactory.Open(new WarehouseTarget(WarehouseTarget.DuckDb, warehousePath));
        warehouse.Execute($"SET memory_limit = '{memoryLimit}'");
        GC.Collect();
        var peakReset = ProcessMemory.ResetPeak();
        var loader = new OneStopLogLoader { Profile = profile };
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var ours = Timed(board, "our loader", warehouse, loader, mainPath);
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        var peak = ProcessMemory.PeakRssMiB();
        if (!ours.Result.Succeeded)
        {
            throw new InvalidOperationException("The loader failed: " + ours.Result.Error);
        }

        var ourRate = rows / ours.Seconds;
        output.WriteLine($"Our loader:      {rows:N0} rows in {ours.Seconds,7:N2} s = {ourRate,12:N0} rows/s  (loaded {ours.Result.RowsLoaded:N0}, quarantined {ours.Result.RowsQuarantined:N0})");
        output.WriteLine($"CPU time of our load: {cpu:N2} s, {cpu / ours.Seconds:N2} of {Environment.ProcessorCount} cores busy on average");
        output.WriteLine($"Peak RSS during our load: {peak:N0} MiB{(peakReset ? string.Empty : " (peak not resettable here: includes generation)")}");
        if (profile is not null)
        {
            PrintProfile(output, profile, ours.Seconds);
        }

        var reading = board.Start("DuckDB read_csv");
        var rawSeconds = ReadCsvSeconds(dir, mainPath, memoryLimit, out var rawRows);
        reading.Finish();
        var rawRate = rawRows / rawSeconds;
        output.WriteLine($"DuckDB read_csv: {rawRows:N0} rows in {rawSeconds,7:N2} s = {rawRate,12:N0} rows/s");
        output.WriteLine($"Ratio (ours / read_csv): {ourRate / rawRate:N2}");

        GC.Collect();
        ProcessMemory.ResetPeak();
        var delta = Timed(board, "the delta", warehouse, new OneStopLogLoader(), deltaPath);
        var stats = warehouse.Query<(long New, long Updated)>("SELECT rows_new, rows_updated FROM dw.dossier_export ORDER BY file_id DESC LIMIT 1").Single();
        output.WriteLine($"Delta: {deltaRows:N0} rows ({stats.New:N0} new, {stats.Updated:N0} updated) into a warehouse of {rows:N0} in {delta.Seconds:N2} s = {deltaRows / delta.Seconds:N0} rows/s, peak RSS {ProcessMemory.PeakRssMiB():N0} MiB");

        // The same delta into an empty warehouse: what the delta costs on its own, to compare with the line above.
        using (var empty = WarehouseFactory.Open(new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(dir, "empty.duckdb"))))
        {
            empty.Execute($"SET memory_limit = '{memoryLimit}'");
            var alone = Timed(board, "the delta alone", empty, new OneStopLogLoader(), deltaPath);
            output.WriteLine($"Same delta into an empty warehouse: {alone.Seconds:N2} s = {deltaRows / alone.Seconds:N0} rows/s");
        }

        output.WriteLine($"Targets: peak RSS <= 400 MiB {(peak <= 400 ? "met" : "NOT met")}; ratio >= 2.0 {(ourRate / rawRate >= 2.0 ? "met" : "NOT met")}");
        return CliApp.Ok;
    }

    /// <summary>Each step's time and share of the load's wall time.</summary>
    private static void PrintProfile(TextWriter output, LoadProfile profile, double loadSeconds)
    {
        output.WriteLine("Profile of our load (the parsing thread's steps run beside the writing thread's):");
        foreach (var (step, time) in profile.Steps)
        {
            var thread = step is LoadStep.Read or LoadStep.Hash or LoadStep.ParseAndValidate or LoadStep.LookUp or LoadStep.WaitForWriter ? "parsing thread" : "writing thread";
            output.WriteLine($"  {$"{Describe(step)} ({thread})",-58} {time.TotalSeconds,7:N2} s {100 * time.TotalSeconds / loadSeconds,5:N0} %");
        }
    }

    private static string Describe(LoadStep step) => step switch
    {
        LoadStep.Read => "read rows",
        LoadStep.Hash => "  of which SHA-256 of the bytes read",
        LoadStep.ParseAndValidate => "parse and validate",
        LoadStep.WaitForWriter => "wait for the writer (parsed batches full)",
        LoadStep.WaitForRows => "wait for parsed rows",
        LoadStep.LookUp => "look up procedure, agency and dossier keys",
        LoadStep.Append => "append to the stage",
        LoadStep.Merge => "close chunks: members, quarantine, merge",
        _ => "commit",
    };

    private static (FileLoadResult Result, double Seconds) Timed(ProgressBoard board, string what, IWarehouse warehouse, IFileLoader loader, string path)
    {
        var run = warehouse.StartRun("bench onestop");
        var progress = board.Start("loading " + what);
        var clock = Stopwatch.StartNew();
        var result = loader.Load(warehouse, run, path, progress);
        var seconds = clock.Elapsed.TotalSeconds;
        progress.Finish();
        warehouse.FinishRun(run, result.Succeeded ? "succeeded" : "failed", result.Error);
        return (result, seconds);
    }

    /// <summary>DuckDB's own CSV reader (auto-detected types) into a plain table, in a separate database file.</summary>
    private static double ReadCsvSeconds(string dir, string csv, string memoryLimit, out long rows)
    {
        using var raw = WarehouseFactory.Open(new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(dir, "read_csv.duckdb")));
        raw.Execute($"SET memory_limit = '{memoryLimit}'");
        var literal = "'" + csv.Replace("'", "''", StringComparison.Ordinal) + "'";
        var clock = Stopwatch.StartNew();
        raw.Execute($"CREATE TABLE raw_dossier AS SELECT * FROM read_csv({literal}, skip = 1, header = {raw.Dialect.True})");
        var seconds = clock.Elapsed.TotalSeconds;
        rows = raw.Query<long>("SELECT COUNT(*) FROM raw_dossier").Single();
        return seconds;
    }

    private static string Machine()
    {
        string? Cpu() => File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        string? Memory() => File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()
            : null;
        string? Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;
        return $"{Environment.ProcessorCount} cores, {Cpu() ?? "unknown CPU"}, RAM {Memory() ?? "unknown"}, load average {Load() ?? "unknown"}";
    }

    /// <summary>The bench's input: the first N synthetic dossiers as of the day the N-th was received, and a later export.</summary>
    private static class BenchFiles
    {
        public static (string Main, string Delta, int DeltaRows, DateOnly AsOf, DateOnly DeltaAsOf) Write(string dir, int rows, int deltaTarget)
        {
            // Sized so that the N-th dossier falls in December 2025 and the rest of that month feeds the delta.
            var generator = new OneStopLogGenerator((int)Math.Ceiling(rows / 7.92));
            var years = Enumerable.Range(2018, 8).ToList();
            var mainPath = Path.Combine(dir, "onestop-bench.csv");
            var position = 0;
            var start2025 = -1;
            var asOf = DateOnly.MinValue;
            IEnumerable<SyntheticDossier> First()
            {
                foreach (var year in years)
                {
                    if (year == 2025)
                    {
                        start2025 = position;
                    }

                    foreach (var d in generator.ReceivedIn(year))
                    {
                        if (position++ >= rows)
                        {
                            yield break;
                        }

                        asOf = d.Received;
                        yield return d;
                    }
                }
            }

            // The as-of date is only known at the end, so the first pass writes nothing; the second writes as of it.
            foreach (var _ in First())
            {
            }

            var cutoff = asOf;
            position = 0;
            using (var writer = new StreamWriter(mainPath, false, new UTF8Encoding(false), 1 << 20))
            {
                OneStopLogGenerator.WriteCsv(writer, First(), cutoff);
            }

            // The delta: dossiers after the N-th (new) and earlier ones whose status changed after the cut-off,
            // up to the first day on which the export reaches the target size.
            var byDay = new SortedDictionary<DateOnly, int>();
            foreach (var (d, i) in generator.ReceivedIn(2025).Select((d, i) => (d, i)))
            {
                if (DeltaDay(d, start2025 + i, rows, cutoff) is { } day)
                {
                    byDay[day] = byDay.GetValueOrDefault(day) + 1;
                }
            }

            var deltaAsOf = cutoff;
            var total = 0;
            foreach (var (day, count) in byDay)
            {
                deltaAsOf = day;
                total += count;
                if (total >= deltaTarget)
                {
                    break;
                }
            }

            var deltaPath = Path.Combine(dir, "onestop-bench-delta.csv");
            var delta = generator.ReceivedIn(2025).Select((d, i) => (d, i))
                .Where(x => DeltaDay(x.d, start2025 + x.i, rows, cutoff) <= deltaAsOf)
                .Select(x => x.d)
                .ToList();
            using (var writer = new StreamWriter(deltaPath, false, new UTF8Encoding(false), 1 << 20))
            {
                OneStopLogGenerator.WriteCsv(writer, delta, deltaAsOf);
            }

            return (mainPath, deltaPath, delta.Count, cutoff, deltaAsOf);
        }

        /// <summary>The first day a later export shows something new about the dossier, or null if none after the cut-off.</summary>
        private static DateOnly? DeltaDay(SyntheticDossier d, int position, int rows, DateOnly cutoff)
        {
            if (position >= rows)
            {
                return d.Received < cutoff ? cutoff : d.Received;
            }

            return d.Finish > cutoff ? d.Finish : d.Kind == DossierKind.Normal && d.Returned > cutoff ? d.Returned : null;
        }
    }
}
