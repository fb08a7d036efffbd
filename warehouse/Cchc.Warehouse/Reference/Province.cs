namespace Cchc.Warehouse.Reference;

/// <summary>
/// One province as a legal entity with a validity period. The same GSO code can name two entities
/// (e.g. Lâm Đồng 68 before and after the 1 July 2025 merger), so <see cref="Key"/> is the identity.
/// </summary>
public sealed record Province(
    int Key,
    string GsoCode,
    string OfficialName,
    string ShortName,
    string ProvinceType,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Code2025,
    string? MergedIntoCode,
    IReadOnlyList<string> FormedFromCodes)
{
    public bool IsValidOn(DateOnly day) => day >= ValidFrom && (ValidTo is null || day <= ValidTo);

    public bool OverlapsYear(int year) =>
        ValidFrom <= new DateOnly(year, 12, 31) && (ValidTo is null || ValidTo >= new DateOnly(year, 1, 1));
}
