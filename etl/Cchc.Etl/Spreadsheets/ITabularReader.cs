namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// A forward-only reader of records (CSV lines or sheet rows) that never holds more than one record: for files too
/// big to materialise as a <see cref="Workbook"/>. Fields are spans valid until the next <see cref="Read"/>.
/// </summary>
internal interface ITabularReader : IDisposable
{
    /// <summary>The sheet read (null for CSV).</summary>
    string? SheetName { get; }

    /// <summary>True when the file carries the synthetic marker (CSV comment line or SYNTHETIC sheet).</summary>
    bool IsSynthetic { get; }

    /// <summary>1-based line (CSV) or row (sheet) where the current record starts, as a user sees it.</summary>
    int LineNumber { get; }

    int FieldCount { get; }

    /// <summary>Blank records passed over between non-blank ones so far (blank lines at the end are not counted:
    /// they are not rows of the table).</summary>
    int BlankRecordsSkipped { get; }

    /// <summary>Moves to the next non-blank record.</summary>
    bool Read();

    /// <summary>The field, trimmed; empty when the record is shorter.</summary>
    ReadOnlySpan<char> Field(int index);

    /// <summary>The fraction of the file read so far (0–1), for progress; null when the reader cannot tell. Read from
    /// another thread it is approximate, which is all progress needs.</summary>
    double? FractionRead => null;
}
