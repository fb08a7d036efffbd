using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>
/// Every colour a chart uses, in one place, so that the same thing has the same colour in every chart. Based on the
/// Okabe–Ito palette, which stays distinguishable for colour-blind readers; gains are blue and losses vermillion
/// (never green against red).
/// </summary>
public static class ChartPalette
{
    public static readonly Color Text = Color.FromHex("#1F2933");
    public static readonly Color MutedText = Color.FromHex("#52606D");
    public static readonly Color Grid = Color.FromHex("#E4E7EB");
    public static readonly Color Background = Colors.White;

    /// <summary>The province the report is about, wherever it appears.</summary>
    public static readonly Color Focus = Color.FromHex("#D55E00");

    /// <summary>All other provinces.</summary>
    public static readonly Color Peers = Color.FromHex("#9AA5B1");

    public static readonly Color Gain = Color.FromHex("#0072B2");
    public static readonly Color Loss = Color.FromHex("#D55E00");

    /// <summary>Totals and observed values (start and end of a waterfall, the observed rank change).</summary>
    public static readonly Color Total = Color.FromHex("#3E4C59");

    /// <summary>Baselines a model is compared against.</summary>
    public static readonly Color Baseline = Color.FromHex("#9AA5B1");

    /// <summary>Maximum points (the part of a bar that could have been earned).</summary>
    public static readonly Color MaxPoints = Color.FromHex("#E4E7EB");

    public static readonly Color Par = Color.FromHex("#0072B2");
    public static readonly Color Pci = Color.FromHex("#009E73");
    public static readonly Color Papi = Color.FromHex("#CC79A7");

    /// <summary>Categorical colours for the fields of an index (field 1 … 10), stable across charts.</summary>
    private static readonly Color[] Categorical =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#8C6D31"), Color.FromHex("#6A3D9A"),
        Color.FromHex("#3E4C59"), Color.FromHex("#B15928"),
    ];

    public static Color ForIndex(string indexCode) => indexCode switch
    {
        "PAR" => Par,
        "PCI" => Pci,
        "PAPI" => Papi,
        _ => Total,
    };

    /// <summary>The colour of the <paramref name="ordinal"/>-th field (0-based), cycling if an index has more.</summary>
    public static Color ForField(int ordinal) => Categorical[((ordinal % Categorical.Length) + Categorical.Length) % Categorical.Length];
}
