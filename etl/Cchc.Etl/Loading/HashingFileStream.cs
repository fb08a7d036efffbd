using System.Security.Cryptography;

namespace Cchc.Etl.Loading;

/// <summary>
/// A file opened for a streaming reader that computes the file's SHA-256 from the bytes the reader takes, so a large
/// export is read once instead of once for its hash and once for its rows. Bytes are hashed in file order, once: a
/// reader that seeks back re-reads bytes already hashed, which are skipped. <see cref="Finish"/> hashes whatever the
/// reader left unread (a file whose last rows were not needed, a reader that seeked ahead) and gives the same hash as
/// <see cref="FileHash.Sha256"/> of the whole file.
/// </summary>
internal sealed class HashingFileStream : Stream
{
    private readonly FileStream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly LoadProfile? _profile;
    private long _hashed;
    private string? _sha256;
    private bool _disposed;

    public HashingFileStream(string path, LoadProfile? profile)
    {
        _inner = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        _profile = profile;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    /// <summary>The file's SHA-256 (lower-case hex); null when the stream was closed before the hash was complete.</summary>
    public string? Finish()
    {
        if (_sha256 is not null || _disposed)
        {
            return _sha256;
        }

        var position = _inner.Position;
        _inner.Position = _hashed;
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }

        _inner.Position = position;
        _sha256 = Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();
        return _sha256;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var at = _inner.Position;
        var read = _inner.Read(buffer);
        if (_sha256 is null && at <= _hashed && at + read > _hashed)
        {
            var started = _profile is null ? 0 : LoadProfile.Start();
            _hash.AppendData(buffer[(int)(_hashed - at)..read]);
            _hashed = at + read;
            _profile?.Add(LoadStep.Hash, started);
        }

        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
