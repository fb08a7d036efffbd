using System.Globalization;
using System.Text;

namespace Cchc.Reports.ReportData;

/// <summary>Why an optional section has no data.</summary>
public enum ViewGap
{
    /// <summary>The view does not exist in this warehouse (its module is not installed or not yet loaded).</summary>
    ViewAbsent,

    /// <summary>The view exists but lacks columns the report needs (<see cref="ViewResult{T}.Detail"/> lists them).</summary>
    ViewIncompatible,

    /// <summary>The view has no rows for this province and year.</summary>
    NoRows,
}

/// <summary>Rows read from an optional view, or why there are none.</summary>
public sealed record ViewResult<T>(T? Value, ViewGap? Gap, string View, string? Detail = null)
    where T : class
{
    /// <summary>Rows were found.</summary>
    public ViewResult(T value, string view)
        : this(value, null, view)
    {
    }

    /// <summary>None were, and why.</summary>
    public ViewResult(ViewGap gap, string view, string? detail = null)
        : this(null, gap, view, detail)
    {
    }
}

/// <summary>
/// Maps the roles a reader needs (province, year, …) onto the columns an optional view actually has, accepting the
/// usual synonyms, so that the report works with the view as its module defines it and says precisely what is missing.
/// Only the one-stop reader still uses it (its view is being reworked with the one-stop results report); the other
/// readers read this repository's views by their documented column names.
/// Column names come only from <c>information_schema</c> and these fixed candidate lists, never from user input.
/// </summary>
internal sealed class ViewShape
{
    private readonly Dictionary<string, string> _columns = new(StringComparer.Ordinal);

    private ViewShape(string view) => View = view;

    public string View { get; }

    public List<string> Missing { get; } = [];

    public static ViewShape? Of(ReportReader reader, string view, params (string Role, string[] Candidates, bool Required)[] roles)
    {
        var columns = reader.ViewColumns(view);
        if (columns is null)
        {
            return null;
        }

        var shape = new ViewShape(view);
        foreach (var (role, candidates, required) in roles)
        {
            var found = candidates.FirstOrDefault(columns.Contains);
            if (found is not null)
            {
                shape._columns[role] = found;
            }
            else if (required)
            {
                shape.Missing.Add(string.Join("|", candidates));
            }
        }

        return shape;
    }

    public bool Has(string role) => _columns.ContainsKey(role);

    /// <summary>The column for a role, or SQL NULL when the view has none.</summary>
    public string Column(string role) => _columns.TryGetValue(role, out var c) ? c : "NULL";

    public ViewResult<T>? Problem<T>()
        where T : class =>
        Missing.Count > 0 ? new ViewResult<T>(ViewGap.ViewIncompatible, View, string.Join(", ", Missing)) : null;

    /// <summary>Lower-case ASCII without diacritics ("Cấp xã" → "cap xa"), for matching level names.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim();
    }
}
