using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>A structural rule over the whole warehouse (not one index-year's values): run by <c>cchc dq</c> and the
/// nightly data-quality step, straight on the tables.</summary>
public interface IWarehouseRule
{
    /// <summary>Kebab-case name stored with every finding.</summary>
    string Name { get; }

    DqSeverity Severity { get; }

    /// <summary>One sentence for <c>cchc dq --rules</c> and reports.</summary>
    string Description { get; }

    IEnumerable<DqFinding> Check(ISqlRunner sql);
}
