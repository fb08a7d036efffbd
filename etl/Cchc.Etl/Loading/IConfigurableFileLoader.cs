namespace Cchc.Etl.Loading;

/// <summary>A loader that takes options from the command line (e.g. <c>cchc load plan --province … --year …</c>).</summary>
public interface IConfigurableFileLoader : IFileLoader
{
    /// <summary>The option names it understands, for the usage text.</summary>
    IReadOnlyList<string> OptionNames { get; }

    /// <summary>A loader with the options that <paramref name="optionValue"/> returns (null when not given).</summary>
    IFileLoader WithOptions(Func<string, string?> optionValue);
}
