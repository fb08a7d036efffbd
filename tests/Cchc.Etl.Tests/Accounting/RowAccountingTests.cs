using Cchc.Etl.Loading;
using Cchc.Etl.Provinces;
using Cchc.Etl.Samples;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Accounting;

/// <summary>
/// Every row a loader reads is accounted for: for every loader in <see cref="LoaderRegistry.All"/>, on the files of its
/// kind in the synthetic sample and the hand-made fixtures (recognised by content, so a new kind is covered as soon as
/// either has a file of it), rows_read = rows_loaded + rows_quarantined + rows_skipped, in the result and in etl.file.
/// </summary>
public sealed class RowAccountingTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    [Fact]
    public void Every_loader_accounts_for_every_row_it_reads()
    {
        var loaders = LoaderRegistry.WithProvince(new ProvinceSetting(null, "68")); // fixtures of one province may name none
        var files = SampleGenerator.WriteAll(Path.Combine(_temp.Directory, "sample")).Select(f => f.Path)
            .Concat(Directory.EnumerateFiles(SharedData.Fixture(), "*", SearchOption.AllDirectories)
                .Where(f => Path.GetExtension(f) is ".csv" or ".xlsx" or ".xls" or ".docx")
                .Order(StringComparer.Ordinal))
            .ToList();
        var byKind = files.Select(f => (File: f, Loader: FileGuard.Recognise(loaders, f)))
            .Where(f => f.Loader is not null)
            .GroupBy(f => f.Loader!.Kind)
            .ToDictionary(g => g.Key, g => g.Select(f => (f.File, f.Loader!)).ToList());

        var missing = LoaderRegistry.Kinds.Where(k => !byKind.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0,
            $"no sample or fixture file of kind {string.Join(", ", missing)}: add one (the synthetic sample or tests/fixtures) so its row accounting is tested");

        var run = _temp.Warehouse.StartRun("row accounting test");
        var problems = new List<string>();
        foreach (var kind in LoaderRegistry.Kinds)
        {
            var loaded = 0;
            foreach (var (file, loader) in byKind[kind].Take(4))
            {
                var result = loader.Load(_temp.Warehouse, run, file);
                if (!result.Succeeded)
                {
                    continue;
                }

                loaded++;
                var recorded = _temp.Warehouse.Query<(long Read, long Loaded, long Quarantined, long Skipped)>(
                    "SELECT rows_read, rows_loaded, rows_quarantined, rows_skipped FROM etl.file WHERE status = 'loaded' ORDER BY file_id DESC LIMIT 1").Single();
                var name = $"{kind} {Path.GetFileName(file)}";
                if (result.RowsRead <= 0)
                {
                    problems.Add($"{name}: read {result.RowsRead} rows but loaded {result.RowsLoaded}");
                }

                if (result.RowsRead != result.RowsLoaded + result.RowsQuarantined + result.RowsSkipped)
                {
                    problems.Add($"{name}: read {result.RowsRead} ≠ loaded {result.RowsLoaded} + quarantined {result.RowsQuarantined} + skipped {result.RowsSkipped}");
                }

                if (recorded != (result.RowsRead, result.RowsLoaded, result.RowsQuarantined, result.RowsSkipped))
                {
                    problems.Add($"{name}: etl.file records {recorded}, the load reported ({result.RowsRead}, {result.RowsLoaded}, {result.RowsQuarantined}, {result.RowsSkipped})");
                }
            }

            if (loaded == 0)
            {
                problems.Add($"{kind}: none of its files loaded, so its accounting went untested");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Skipped_rows_are_the_blank_section_numbering_and_continuation_rows_of_a_plan()
    {
        var path = SharedData.Fixture("plan", "same-name", "lam-dong", "Phụ lục.csv");

        var result = new RemediationPlanLoader().Load(_temp.Warehouse, _temp.Warehouse.StartRun("test"), path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((7, 3, 0, 4), (result.RowsRead, result.RowsLoaded, result.RowsQuarantined, result.RowsSkipped));
    }

    public void Dispose() => _temp.Dispose();
}
