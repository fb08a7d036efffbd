using Cchc.Warehouse;

namespace Cchc.TestSupport;

public static class TargetSpec
{
    /// <summary>The target as <c>--warehouse</c> takes it, secrets included (ToString redacts the password), for the CLI under test.</summary>
    public static string Spec(this WarehouseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return $"{target.Engine}:{target.Location}";
    }
}
