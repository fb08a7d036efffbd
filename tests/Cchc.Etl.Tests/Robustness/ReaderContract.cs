using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>
/// The contract every reader and loader keeps on any input, however damaged: <see cref="Workbook.Open"/> returns a
/// workbook or throws a <see cref="SpreadsheetException"/> naming the file; every registered loader's Recognises
/// returns a yes/no without throwing, and Load returns a <see cref="FileLoadResult"/> (an error naming the file when it
/// fails) without throwing; a failed load leaves every dw table as it was, a successful one loaded exactly the rows it
/// reports; nothing hangs. Violations are collected over all cases and reported together, so one run lists every crash.
/// </summary>
internal sealed class ReaderContract : IDisposable
{
    /// <summary>A case that takes this long is hung (a loop in a reader), not slow: the cases are small files.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(90);

    private readonly TempWarehouse _warehouse = new();
    private readonly List<string> _violations = [];
    private readonly IReadOnlyList<string> _dwTables;
    private readonly IReadOnlyList<string> _factTables;
    private readonly long _runId;

    public ReaderContract()
    {
        Folder = Path.Combine(_warehouse.Directory, "cases");
        Directory.CreateDirectory(Folder);
        _runId = _warehouse.Warehouse.StartRun("robustness");
        _dwTables = _warehouse.Warehouse.Query<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'dw' AND table_type = 'BASE TABLE' ORDER BY table_name");
        _factTables = _warehouse.Warehouse.Query<string>(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'dw' AND c.column_name = 'file_id' AND t.table_type = 'BASE TABLE'
            """);
    }

    /// <summary>Where cases write their files (a temporary folder, deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>Cases that opened as a workbook.</summary>
    public int Opened { get; private set; }

    /// <summary>Cases that Workbook.Open refused with a clear error.</summary>
    public int Refused { get; private set; }

    /// <summary>Loads that succeeded (a mutation can leave a file loadable).</summary>
    public int Loaded { get; private set; }

    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Writes <paramref name="bytes"/> as a case file and checks it.</summary>
    public void Check(string caseName, byte[] bytes, string extension = ".xlsx")
    {
        var path = Path.Combine(Folder, $"{Sanitise(caseName)}{extension}");
        File.WriteAllBytes(path, bytes);
        Check(caseName, path);
        File.Delete(path);
    }

    /// <summary>Checks the contract on one file, under a hang watchdog.</summary>
    public void Check(string caseName, string path)
    {
        var work = Task.Run(() => CheckNow(caseName, path));
        if (!work.Wait(HangLimit))
        {
            // The worker cannot be stopped; fail loudly with the case rather than let the suite hang.
            throw new TimeoutException($"{caseName}: reading or loading '{Path.GetFileName(path)}' did not finish within {HangLimit.TotalSeconds:0} s (a hang)");
        }

        work.GetAwaiter().GetResult();
    }

    /// <summary>Fails the test with every violation found, and checks that the cases exercised both outcomes when asked.</summary>
    public void AssertHeld(bool expectSomeRefused = false, bool expectSomeOpened = false)
    {
        Assert.True(_violations.Count == 0,
            $"{_violations.Count} contract violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, _violations.Take(25))}");
        Assert.Empty(_warehouse.Warehouse.Query<long>("SELECT file_id FROM etl.file WHERE status = 'loading'"));
        if (expectSomeRefused)
        {
            Assert.True(Refused > 0, "no case was refused: the mutations did not damage anything");
        }

        if (expectSomeOpened)
        {
            Assert.True(Opened > 0, "no case opened: the mutations were all fatal, the tolerant paths went untested");
        }
    }

    private void CheckNow(string caseName, string path)
    {
        var fileName = Path.GetFileName(path);
        try
        {
            var workbook = Workbook.Open(path);
            Opened++;
            CheckCellTypes(caseName, workbook);
        }
        catch (SpreadsheetException e)
        {
            Refused++;
            if (!e.Message.Contains(fileName, StringComparison.Ordinal))
            {
                Violate(caseName, $"Workbook.Open's error does not name the file: {e.Message}");
            }
        }
        catch (Exception e)
        {
            Violate(caseName, $"Workbook.Open threw {e.GetType().Name} instead of SpreadsheetException: {e.Message}");
        }

        foreach (var loader in LoaderRegistry.All)
        {
            CheckLoader(caseName, path, loader);
        }
    }

    private void CheckLoader(string caseName, string path, IFileLoader loader)
    {
        var fileName = Path.GetFileName(path);
        try
        {
            loader.Recognises(path);
        }
        catch (Exception e)
        {
            Violate(caseName, $"{loader.Kind}.Recognises threw {e.GetType().Name}: {e.Message}");
        }

        var before = Counts();
        FileLoadResult result;
        try
        {
            result = loader.Load(_warehouse.Warehouse, _runId, path);
        }
        catch (Exception e)
        {
            Violate(caseName, $"{loader.Kind}.Load threw {e.GetType().Name}: {e.Message}");
            ExpectUnchanged(caseName, loader, before);
            return;
        }

        if (!result.Succeeded)
        {
            if (result.Error is null || !result.Error.Contains(fileName, StringComparison.Ordinal))
            {
                Violate(caseName, $"{loader.Kind}.Load failed without naming the file: {result.Error ?? "(no error)"}");
            }

            ExpectUnchanged(caseName, loader, before);
            return;
        }

        Loaded++;
        var file = _warehouse.Warehouse.Query<(long FileId, int Rows, long Read, long Quarantined, long Skipped)>(
            "SELECT file_id, rows_loaded, rows_read, rows_quarantined, rows_skipped FROM etl.file WHERE file_id = (SELECT MAX(file_id) FROM etl.file WHERE status = 'loaded')").Single();

        // A plan's agency links carry its file id too, but they are links of the rows it loaded, not rows of their own.
        var facts = _factTables.Where(t => !t.StartsWith("bridge_", StringComparison.Ordinal))
            .Sum(t => _warehouse.Warehouse.Query<long>($"SELECT COUNT(*) FROM dw.{t} WHERE file_id = @id", new { id = file.FileId }).Single());
        if (file.Rows != result.RowsLoaded || facts != result.RowsLoaded)
        {
            Violate(caseName, $"{loader.Kind}.Load reported {result.RowsLoaded} rows, etl.file says {file.Rows}, dw holds {facts}");
        }

        if (file.Read != file.Rows + file.Quarantined + file.Skipped || file.Read != result.RowsRead)
        {
            Violate(caseName, $"{loader.Kind}.Load read {result.RowsRead} rows, etl.file says {file.Read} read = {file.Rows} loaded + {file.Quarantined} quarantined + {file.Skipped} skipped");
        }
    }

    private void ExpectUnchanged(string caseName, IFileLoader loader, IReadOnlyDictionary<string, long> before)
    {
        var after = Counts();
        foreach (var (table, count) in before)
        {
            if (after[table] != count)
            {
                Violate(caseName, $"after a failed {loader.Kind} load dw.{table} holds {after[table]} rows instead of {count} (half-loaded)");
            }
        }
    }

    /// <summary>A workbook that opened holds only the value types the parsers handle.</summary>
    private void CheckCellTypes(string caseName, Workbook workbook)
    {
        foreach (var sheet in workbook.Sheets)
        {
            for (var r = 0; r < sheet.RowCount; r++)
            {
                for (var c = 0; c < sheet.ColumnCount; c++)
                {
                    if (sheet.Value(r, c) is { } v and not (string or double or bool or DateTime or int or long))
                    {
                        Violate(caseName, $"{sheet.Where(r, c)} holds a {v.GetType().Name}");
                        return;
                    }
                }
            }
        }
    }

    private Dictionary<string, long> Counts() =>
        _dwTables.ToDictionary(t => t, t => _warehouse.Warehouse.Query<long>($"SELECT COUNT(*) FROM dw.{t}").Single());

    private void Violate(string caseName, string problem)
    {
        lock (_violations)
        {
            _violations.Add($"{caseName}: {problem}");
        }
    }

    private static string Sanitise(string caseName) =>
        new(caseName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    public void Dispose() => _warehouse.Dispose();
}
