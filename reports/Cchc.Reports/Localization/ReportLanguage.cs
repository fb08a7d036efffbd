namespace Cchc.Reports.Localization;

/// <summary>The language a report is written in; every string comes from that language's table.</summary>
public enum ReportLanguage
{
    Vi,
    En,
}
