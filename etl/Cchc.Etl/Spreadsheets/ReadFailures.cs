namespace Cchc.Etl.Spreadsheets;

/// <summary>The exceptions that mean "this file cannot be read" (damaged, truncated, not what it claims to be), as
/// opposed to bugs and to failures of the machine.</summary>
internal static class ReadFailures
{
    public static bool IsReadFailure(Exception e) =>
        e is SpreadsheetException or IOException or InvalidDataException or System.Text.DecoderFallbackException
            or ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException or NotSupportedException
            or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException;
}
