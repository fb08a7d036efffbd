using System.Globalization;

namespace Cchc.Etl.Loading;

/// <summary>Reading the values of a loader's command-line options (<see cref="IConfigurableFileLoader.WithOptions"/>).</summary>
internal static class LoaderOptions
{
    /// <summary>The year given as <c>--name</c> (1990–2100), or null when not given; anything else is an
    /// <see cref="ArgumentException"/> naming the option.</summary>
    public static int? Year(Func<string, string?> optionValue, string name)
    {
        ArgumentNullException.ThrowIfNull(optionValue);
        return optionValue(name) is not { } text ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100 ? year
            : throw new ArgumentException($"--{name} must be a year, not '{text}'");
    }
}
