using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources;

/// <summary>
/// A parser for one index family (PCI, PAPI, PAR). It knows that index's layouts and turns a workbook into canonical
/// score records; it never touches the warehouse.
/// </summary>
internal interface IIndexSource
{
    /// <summary>'pci', 'papi', 'par' — the kind recorded in etl.file.</summary>
    string Kind { get; }

    string IndexCode { get; }

    /// <summary>Whether the workbook's content looks like this source (used to recognise inbox files).</summary>
    bool Recognises(Workbook workbook);

    ParsedScores Parse(Workbook workbook);

    /// <summary>The command-line options the source takes (<c>cchc load pci --year</c>); none by default.</summary>
    IReadOnlyList<string> OptionNames => [];

    /// <summary>The source with the options <paramref name="optionValue"/> returns (null when not given).</summary>
    IIndexSource WithOptions(Func<string, string?> optionValue) => this;
}

/// <summary>What a parser got out of a file: the years it covers (and so replaces), the scores, and rejected rows.</summary>
internal sealed record ParsedScores(
    string IndexCode,
    IReadOnlyCollection<int> Years,
    IReadOnlyList<ScoreRecord> Scores,
    IReadOnlyList<QuarantineRecord> Rejected)
{
    /// <summary>Optional facts of the source's own that belong with these scores (e.g. the provenance of real values
    /// in a PAR workbook); written in the same transaction, after the scores.</summary>
    public Action<ILoadSession>? WriteCompanionFacts { get; init; }
}
