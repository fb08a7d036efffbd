namespace Cchc.Reports.Html;

/// <summary>The inline stylesheet of every report page: no external fonts, images or scripts.</summary>
internal static class ReportStyle
{
    public const string Css =
        """
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1F2933; margin: 0 auto; max-width: 1240px; padding: 0 24px 48px; line-height: 1.5; }
        h1 { font-size: 1.7em; margin: 0.8em 0 0.3em; }
        h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 2px solid #E4E7EB; padding-bottom: 0.2em; }
        .banner { background: #FFF4E5; border: 2px solid #D55E00; color: #8A3B00; font-weight: bold; padding: 12px 16px; margin: 16px 0; border-radius: 4px; }
        .headline { display: flex; flex-wrap: wrap; gap: 16px; margin: 16px 0; padding: 0; }
        .headline div { background: #F5F7FA; border-left: 5px solid #0072B2; padding: 10px 16px; min-width: 200px; }
        .headline dt { font-size: 0.85em; color: #52606D; }
        .headline dd { margin: 0; font-size: 1.25em; font-weight: bold; }
        .headline .change dd { font-size: 1em; font-weight: normal; }
        nav ol { columns: 2; font-size: 0.95em; }
        figure { margin: 12px 0 20px; }
        figure img { max-width: 100%; height: auto; border: 1px solid #E4E7EB; }
        figcaption { margin-top: 6px; }
        .omitted { color: #52606D; font-style: italic; background: #F5F7FA; padding: 8px 12px; }
        table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 0.92em; }
        th, td { border: 1px solid #E4E7EB; padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #F5F7FA; }
        td.num { text-align: right; white-space: nowrap; }
        footer { margin-top: 40px; color: #52606D; font-size: 0.85em; border-top: 1px solid #E4E7EB; padding-top: 8px; }
        """;
}
