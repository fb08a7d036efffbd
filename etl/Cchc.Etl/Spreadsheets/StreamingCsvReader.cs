using System.Buffers;
using System.Text;
using Cchc.Etl.Samples;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// A streaming RFC 4180 reader for large CSV exports: UTF-8 with or without BOM (invalid UTF-8 fails loudly), comma or
/// semicolon (whichever the first record uses more of, outside quotes), quoted fields with "" escapes and line breaks.
/// It keeps one pooled character buffer (grown only for a record longer than it) and hands out fields as spans, so
/// memory does not grow with the file. Comment lines starting with '#' before the first record are skipped; the
/// synthetic marker among them is remembered.
/// </summary>
internal sealed class StreamingCsvReader : ITabularReader
{
    private const int InitialBuffer = 1 << 17;
    private readonly StreamReader _reader;
    private char[] _buffer = ArrayPool<char>.Shared.Rent(InitialBuffer);
    private char[] _unescaped = ArrayPool<char>.Shared.Rent(1024);
    private (int Start, int Length, bool Unescaped)[] _fields = new (int, int, bool)[32];
    private int _start;
    private int _end;
    private bool _eof;
    private int _line = 1;
    private bool _started;
    private char _separator = ',';

    private readonly string _path;
    private int _pendingBlanks;

    /// <param name="path">The file the stream reads, for the messages of refused records.</param>
    public StreamingCsvReader(Stream stream, string path = "(stream)")
    {
        _path = path;
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    public static StreamingCsvReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path);

    public string? SheetName => null;

    public bool IsSynthetic { get; private set; }

    public char Separator => _separator;

    public int LineNumber { get; private set; }

    public int FieldCount { get; private set; }

    public double? FractionRead => _reader.BaseStream is { CanSeek: true, Length: > 0 } s ? (double)s.Position / s.Length : null;

    public int BlankRecordsSkipped { get; private set; }

    public bool Read()
    {
        if (!_started)
        {
            _started = true;
            SkipPreamble();
        }

        while (true)
        {
            if (!TryParseRecord(out var blank))
            {
                return false;
            }

            if (!blank)
            {
                BlankRecordsSkipped += _pendingBlanks;
                _pendingBlanks = 0;
                return true;
            }

            _pendingBlanks++;
        }
    }

    public ReadOnlySpan<char> Field(int index)
    {
        if ((uint)index >= (uint)FieldCount)
        {
            return [];
        }

        var (start, length, unescaped) = _fields[index];
        return (unescaped ? _unescaped.AsSpan(start, length) : _buffer.AsSpan(start, length)).Trim();
    }

    public void Dispose()
    {
        _reader.Dispose();
        ArrayPool<char>.Shared.Return(_buffer);
        ArrayPool<char>.Shared.Return(_unescaped);
        _buffer = [];
        _unescaped = [];
    }

    /// <summary>Skips the BOM, '#' comment lines and blank lines, then picks the separator from the first record.</summary>
    private void SkipPreamble()
    {
        while (true)
        {
            if (_start >= _end && !Fill())
            {
                return;
            }

            if (_buffer[_start] == '\uFEFF')
            {
                _start++;
                continue;
            }

            var lineEnd = FindLineEnd();
            if (lineEnd < 0)
            {
                return;
            }

            var line = _buffer.AsSpan(_start, lineEnd - _start);
            if (line.TrimStart().StartsWith('#'))
            {
                IsSynthetic |= line.StartsWith(SyntheticMarker.CsvCommentLine, StringComparison.Ordinal);
                ConsumeLine(lineEnd);
                continue;
            }

            if (line.Trim().IsEmpty)
            {
                ConsumeLine(lineEnd);
                continue;
            }

            _separator = CountOutsideQuotes(line, ';') > CountOutsideQuotes(line, ',') ? ';' : ',';
            return;
        }
    }

    /// <summary>End of the current physical line (index of '\r' or '\n', or _end at EOF), filling as needed; -1 when nothing is left.</summary>
    private int FindLineEnd()
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOfAny('\r', '\n');
            if (at >= 0)
            {
                return _start + at;
            }

            if (_eof)
            {
                return _end > _start ? _end : -1;
            }

            Fill();
        }
    }

    private void ConsumeLine(int lineEnd)
    {
        _start = lineEnd;
        if (_start < _end && _buffer[_start] == '\r')
        {
            _start++;
        }

        if (_start >= _end)
        {
            Fill();
        }

        if (_start < _end && _buffer[_start] == '\n')
        {
            _start++;
        }

        _line++;
    }

    /// <summary>Parses one record starting at _start. Restarts from the record start whenever the buffer runs out mid-record.</summary>
    private bool TryParseRecord(out bool blank)
    {
        blank = false;
        while (true)
        {
            if (_start >= _end && !Fill())
            {
                return false;
            }

            var result = ParseInBuffer();
            if (result >= 0)
            {
                blank = result == 0;
                return true;
            }

            if (_eof)
            {
                // An unterminated quote at the end of the file: take what is there.
                FinishTruncated();
                return true;
            }

            Fill();
        }
    }

    /// <summary>1 = a record, 0 = a blank line, -1 = the buffer ended before the record did.</summary>
    private int ParseInBuffer()
    {
        var span = _buffer.AsSpan(0, _end);
        var pos = _start;
        var count = 0;
        var unescapedUsed = 0;
        var newlines = 0;
        while (true)
        {
            if (count == _fields.Length)
            {
                if (count >= ReaderLimits.MaxRecordFields)
                {
                    throw new SpreadsheetException(new Warehouse.SourceLocation(_path, null, _line),
                        $"a record with more than {ReaderLimits.MaxRecordFields:N0} fields: not a dossier log (or the separator is wrong)");
                }

                Array.Resize(ref _fields, _fields.Length * 2);
            }

            if (pos < _end && span[pos] == '"')
            {
                var fieldStart = pos + 1;
                var i = fieldStart;
                var hasEscapes = false;
                while (true)
                {
                    var q = span[i.._end].IndexOf('"');
                    if (q < 0)
                    {
                        return -1;
                    }

                    i += q;
                    if (i + 1 >= _end)
                    {
                        if (!_eof)
                        {
                            return -1;
                        }

                        break;
                    }

                    if (span[i + 1] == '"')
                    {
                        hasEscapes = true;
                        i += 2;
                        continue;
                    }

                    break;
                }

                var raw = span[fieldStart..i];
                newlines += raw.Count('\n');
                if (hasEscapes)
                {
                    _fields[count++] = (unescapedUsed, Unescape(raw, ref unescapedUsed), true);
                }
                else
                {
                    _fields[count++] = (fieldStart, i - fieldStart, false);
                }

                pos = i + 1;

                // Anything between the closing quote and the separator is kept out, as spreadsheets do.
                var rest = span[pos.._end].IndexOfAny(_separator, '\r', '\n');
                if (rest < 0)
                {
                    if (!_eof)
                    {
                        return -1;
                    }

                    pos = _end;
                }
                else
                {
                    pos += rest;
                }
            }
            else
            {
                var next = span[pos.._end].IndexOfAny(_separator, '\r', '\n');
                if (next < 0)
                {
                    if (!_eof)
                    {
                        return -1;
                    }

                    next = _end - pos;
                }

                _fields[count++] = (pos, next, false);
                pos += next;
            }

            if (pos >= _end || span[pos] != _separator)
            {
                break;
            }

            pos++;
        }

        // pos is at a line break or the end of the data.
        if (pos < _end && span[pos] == '\r')
        {
            if (pos + 1 >= _end && !_eof)
            {
                return -1;
            }

            pos++;
        }

        if (pos < _end && span[pos] == '\n')
        {
            pos++;
        }

        LineNumber = _line;
        _line += 1 + newlines;
        _start = pos;
        FieldCount = count;
        return IsBlank(count) ? 0 : 1;
    }

    private bool IsBlank(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (start, length, unescaped) = _fields[i];
            var text = unescaped ? _unescaped.AsSpan(start, length) : _buffer.AsSpan(start, length);
            if (!text.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private int Unescape(ReadOnlySpan<char> raw, ref int used)
    {
        if (_unescaped.Length < used + raw.Length)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_unescaped.Length * 2, used + raw.Length));
            _unescaped.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_unescaped);
            _unescaped = bigger;
        }

        var start = used;
        for (var i = 0; i < raw.Length; i++)
        {
            _unescaped[used++] = raw[i];
            if (raw[i] == '"' && i + 1 < raw.Length && raw[i + 1] == '"')
            {
                i++;
            }
        }

        return used - start;
    }

    private void FinishTruncated()
    {
        _fields[0] = (_start, _end - _start, false);
        FieldCount = 1;
        LineNumber = _line;
        _start = _end;
    }

    /// <summary>Moves unread text to the front (growing the buffer if one record fills it) and reads more.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return _start < _end;
        }

        var remaining = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
        }
        else if (remaining == _buffer.Length)
        {
            if (remaining >= ReaderLimits.MaxRecordChars)
            {
                throw new SpreadsheetException(new Warehouse.SourceLocation(_path, null, _line),
                    $"a record (or line) longer than {ReaderLimits.MaxRecordChars:N0} characters: an unclosed quote, or not a CSV export");
            }

            var bigger = ArrayPool<char>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, remaining).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        _start = 0;
        _end = remaining;
        var read = _reader.ReadBlock(_buffer, _end, _buffer.Length - _end);
        _end += read;
        if (read == 0)
        {
            _eof = true;
        }

        return _end > _start;
    }

    private static int CountOutsideQuotes(ReadOnlySpan<char> line, char c)
    {
        var n = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == c && !quoted)
            {
                n++;
            }
        }

        return n;
    }
}
