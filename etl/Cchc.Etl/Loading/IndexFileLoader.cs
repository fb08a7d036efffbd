using Cchc.Etl.Quality;
using Cchc.Etl.Sources;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads one index workbook in one transaction: parse everything first, then replace the index-years the file
/// covers (its scope: a PCI.xlsx of 2018 never touches 2017, whatever its name). A file that cannot be read fails whole
/// and leaves the warehouse as it was; its reason and any rejected rows are recorded in etl.file / etl.quarantine.
/// Data-quality rules run before the load (an error blocks the file) and after it, inside the file's transaction
/// (findings in etl.dq_finding). Rows are score records: read = parsed + rejected by the parser.
/// </summary>
internal sealed class IndexFileLoader(IIndexSource source) : FileLoader, IConfigurableFileLoader
{
    public override string Kind => source.Kind;

    public IReadOnlyList<string> OptionNames => source.OptionNames;

    public IFileLoader WithOptions(Func<string, string?> optionValue) => new IndexFileLoader(source.WithOptions(optionValue));

    protected override bool RecognisesContent(string path) => source.Recognises(Workbook.Open(path));

    protected override FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file)
    {
        var parsed = source.Parse(Workbook.Open(file.Path));
        var read = parsed.Scores.Count + parsed.Rejected.Count;
        if (parsed.Scores.Count == 0)
        {
            return file.Fail(warehouse, runId, $"{file.Where}: no {source.IndexCode} scores found", parsed.Rejected, read);
        }

        var preLoad = QualityGate.BeforeLoad(warehouse, parsed);
        if (QualityGate.Blocks(preLoad))
        {
            var message = QualityGate.BlockMessage(preLoad);
            QualityGate.RecordBlocked(warehouse, runId, file.Info, message, parsed.Rejected, preLoad, read);
            return file.Failed(message, parsed.Rejected.Count, read, parsed.Years);
        }

        using var session = warehouse.BeginFile(runId, file.Info);
        session.ClaimScope(FileScope.IndexYears(source.IndexCode, parsed.Years));
        var unkeyed = session.ReplaceScores(source.IndexCode, parsed.Years, parsed.Scores);
        parsed.WriteCompanionFacts?.Invoke(session);
        var rejected = parsed.Rejected.Concat(unkeyed).ToList();
        session.Quarantine(rejected);
        QualityGate.AfterLoad(session, new QualityScope(source.IndexCode, parsed.Years), DqSubjects.IndexScore, DqSubjects.Catalogue);
        return file.Commit(session, new RowCounts(read, parsed.Scores.Count - unkeyed.Count, rejected.Count, 0), years: parsed.Years);
    }
}
