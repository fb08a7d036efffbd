using System.Xml;
using System.Xml.Linq;

namespace Cchc.Reports.Tests.Reports;

/// <summary>Strict checks of a written report page.</summary>
internal static class HtmlCheck
{
    /// <summary>Parses the page as XML (XHTML serialisation): any unclosed or mis-nested tag fails here.</summary>
    public static XDocument Parse(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>No external reference of any kind: no scheme URLs, no protocol-relative links, no external stylesheets or scripts.</summary>
    public static void SelfContained(string html)
    {
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"//", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"//", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    public static IEnumerable<XElement> Elements(XDocument doc, string name) => doc.Descendants(name);

    public static string Text(XElement element) => string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value));
}
