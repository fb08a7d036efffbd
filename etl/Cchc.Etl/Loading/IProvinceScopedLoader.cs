using Cchc.Etl.Provinces;

namespace Cchc.Etl.Loading;

/// <summary>A loader of files that belong to one province and may not say which (one-stop exports and catalogues,
/// remediation plans): it takes <c>--province</c> and the deployment default.</summary>
public interface IProvinceScopedLoader : IFileLoader
{
    /// <summary>The same loader, deciding the province of files that name none with <paramref name="province"/>.</summary>
    IFileLoader WithProvince(ProvinceSetting province);
}
