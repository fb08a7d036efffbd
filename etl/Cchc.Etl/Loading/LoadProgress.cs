namespace Cchc.Etl.Loading;

/// <summary>
/// How far a load has got, as a loader reports it while it reads (per batch of rows): the rows read so far and, when the
/// reader can tell, the fraction of the file consumed (0–1), from which a caller shows a bar, rows/s and the time left.
/// </summary>
public readonly record struct LoadProgress(long Rows, double? Fraction = null);
