using System.Text;
using System.Xml;

namespace Cchc.Reports.Html;

/// <summary>
/// Writes well-formed HTML5 in its XML serialisation (every element closed, text escaped, UTF-8, NFC) so that a report
/// parses as XHTML and opens in any browser. Non-void elements always get an explicit end tag.
/// </summary>
internal sealed class HtmlDocument : IDisposable
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal) { "meta", "img", "br", "hr", "link" };
    private readonly XmlWriter _xml;
    private readonly Stack<string> _open = new();

    public HtmlDocument(Stream output, string language, string title, string css)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = " ",
            OmitXmlDeclaration = true,
            NewLineChars = "\n",
        });
        _xml.WriteDocType("html", null, null, null);
        Open("html", ("lang", language));
        Open("head");
        Void("meta", ("charset", "utf-8"));
        Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        Element("title", title);
        Open("style");
        _xml.WriteString(css);
        Close();
        Close();
        Open("body");
    }

    public HtmlDocument Open(string name, params (string Name, string? Value)[] attributes)
    {
        _xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes.Where(a => a.Value is not null))
        {
            _xml.WriteAttributeString(attribute, Nfc(value!));
        }

        _open.Push(name);
        return this;
    }

    public HtmlDocument Close()
    {
        _open.Pop();
        _xml.WriteFullEndElement();
        return this;
    }

    public HtmlDocument Element(string name, string text, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        _xml.WriteString(Nfc(text));
        return Close();
    }

    public HtmlDocument Void(string name, params (string Name, string? Value)[] attributes)
    {
        if (!VoidElements.Contains(name))
        {
            throw new ArgumentException($"<{name}> is not a void element.", nameof(name));
        }

        _xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes.Where(a => a.Value is not null))
        {
            _xml.WriteAttributeString(attribute, Nfc(value!));
        }

        _xml.WriteEndElement();
        return this;
    }

    public HtmlDocument Text(string text)
    {
        _xml.WriteString(Nfc(text));
        return this;
    }

    public void Dispose()
    {
        while (_open.Count > 0)
        {
            Close();
        }

        _xml.Dispose();
    }

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
