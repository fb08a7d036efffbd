using System.Diagnostics;

namespace Cchc.Etl.Loading;

/// <summary>The steps of a one-stop log load whose time <see cref="LoadProfile"/> adds up.</summary>
public enum LoadStep
{
    /// <summary>Rows taken from the file by the reader (CSV or Excel), on the parsing thread.</summary>
    Read,

    /// <summary>The file's SHA-256, computed from the bytes the reader takes (part of <see cref="Read"/>).</summary>
    Hash,

    /// <summary>Values parsed and validated into dossier rows (dates, status, level, channel), on the parsing thread.</summary>
    ParseAndValidate,

    /// <summary>Procedure, agency and dossier keys looked up (and inferred members noted), on the parsing thread.</summary>
    LookUp,

    /// <summary>The parsing thread waiting for room among the parsed batches (the writing thread is behind).</summary>
    WaitForWriter,

    /// <summary>The writing thread waiting for the parsing thread's next batch.</summary>
    WaitForRows,

    /// <summary>Rows handed to the engine's appender into the stage table.</summary>
    Append,

    /// <summary>Each chunk closed: inferred members and quarantined rows written, then the set-based merge into the fact.</summary>
    Merge,

    /// <summary>The file's transaction committed.</summary>
    Commit,
}

/// <summary>
/// Where a load's time goes, step by step (<c>cchc bench onestop --profile</c>). Off unless asked for: each timed step
/// costs two clock reads. The parsing thread's steps run beside the writing thread's, so the steps need not add up to
/// the load's wall time; what the writing thread waits for is <see cref="LoadStep.WaitForRows"/>.
/// </summary>
public sealed class LoadProfile
{
    private readonly long[] _ticks = new long[Enum.GetValues<LoadStep>().Length];

    /// <summary>A timestamp to pass to <see cref="Add"/> when the step ends.</summary>
    internal static long Start() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="started"/> (from <see cref="Start"/>) to the step; safe from any thread.</summary>
    internal void Add(LoadStep step, long started) => Interlocked.Add(ref _ticks[(int)step], Stopwatch.GetTimestamp() - started);

    public TimeSpan this[LoadStep step] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)step]));

    /// <summary>Every step with its time, in load order.</summary>
    public IReadOnlyList<(LoadStep Step, TimeSpan Time)> Steps => Enum.GetValues<LoadStep>().Select(s => (s, this[s])).ToList();
}
