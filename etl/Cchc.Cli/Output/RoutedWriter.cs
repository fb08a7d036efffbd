using System.Text;

namespace Cchc.Cli.Output;

/// <summary>
/// A command's stdout or stderr. Normally it writes straight through; while a live progress display owns the terminal
/// it hands each complete line to the display instead, which prints it above the bars (a raw write would tear them).
/// </summary>
internal sealed class RoutedWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly object _gate = new();
    private Action<string>? _lines;

    public TextWriter Inner => inner;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>Sends complete lines to <paramref name="sink"/> until the result is disposed.</summary>
    public IDisposable RouteLinesTo(Action<string> sink)
    {
        lock (_gate)
        {
            _lines = sink;
        }

        return new Restore(this);
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (_lines is null)
            {
                inner.Write(value);
            }
            else
            {
                Buffer(value);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            if (_lines is null)
            {
                inner.Write(value);
                return;
            }

            foreach (var c in value ?? string.Empty)
            {
                Buffer(c);
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            inner.Flush();
        }
    }

    private void Buffer(char c)
    {
        if (c == '\n')
        {
            _lines!(_pending.ToString().TrimEnd('\r'));
            _pending.Clear();
        }
        else
        {
            _pending.Append(c);
        }
    }

    private sealed class Restore(RoutedWriter writer) : IDisposable
    {
        public void Dispose()
        {
            lock (writer._gate)
            {
                if (writer._pending.Length > 0)
                {
                    writer._lines!(writer._pending.ToString());
                    writer._pending.Clear();
                }

                writer._lines = null;
            }
        }
    }
}
