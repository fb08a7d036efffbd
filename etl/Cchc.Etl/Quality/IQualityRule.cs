using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>A small named data-quality rule. Its findings carry its severity: errors block the load they are found in.</summary>
public interface IQualityRule
{
    /// <summary>Kebab-case name stored with every finding, e.g. 'points-lost-arithmetic'.</summary>
    string Name { get; }

    DqSeverity Severity { get; }

    /// <summary>One sentence for <c>cchc dq --rules</c> and reports.</summary>
    string Description { get; }

    IEnumerable<DqFinding> Check(QualityDataset data);
}
