using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.OneStop;

/// <summary>Administrative level that received the dossier; the numbers are dw.dim_level keys.</summary>
internal enum DossierLevel
{
    Unknown = 0,
    Province = 1,
    District = 2,
    Commune = 3,
}

/// <summary>How the dossier was submitted; the numbers are dw.dim_channel keys.</summary>
internal enum DossierChannel
{
    Unknown = 0,
    InPerson = 1,
    Online = 2,
    Postal = 3,
}

/// <summary>Where the dossier stands. Finished states are derived from the dates, not trusted from the text alone.</summary>
internal enum DossierStatus
{
    Unknown = 0,
    Processing,
    Resolved,
    Returned,
    Withdrawn,
    Rejected,
}

/// <summary>
/// The words one-stop systems use for levels, channels, statuses and online-service levels, matched after folding
/// (lower-case, no diacritics), so "Cấp tỉnh", "cap tinh" and "TỈNH" are the same.
/// </summary>
internal static class DossierVocabulary
{
    private static readonly Dictionary<string, DossierLevel> Levels = Build(
        (DossierLevel.Province, ["tinh", "cap tinh", "province", "provincial", "so nganh", "cap so"]),
        (DossierLevel.District, ["huyen", "cap huyen", "district", "quan", "cap quan", "quan huyen", "cap quan huyen"]),
        (DossierLevel.Commune, ["xa", "cap xa", "commune", "phuong", "cap phuong", "xa phuong", "ward", "cap xa phuong"]));

    private static readonly Dictionary<string, DossierChannel> Channels = Build(
        (DossierChannel.InPerson, ["truc tiep", "nop truc tiep", "tai bo phan mot cua", "tai quay", "in person", "direct", "offline"]),
        (DossierChannel.Online, ["truc tuyen", "nop truc tuyen", "dich vu cong truc tuyen", "dvc truc tuyen", "dvctt", "qua mang", "online"]),
        (DossierChannel.Postal, ["buu chinh", "buu chinh cong ich", "qua buu chinh", "qua buu chinh cong ich", "bcci", "dich vu buu chinh cong ich", "postal", "post"]));

    private static readonly Dictionary<string, DossierStatus> Statuses = Build(
        (DossierStatus.Processing, ["dang xu ly", "dang giai quyet", "dang thu ly", "da tiep nhan", "moi tiep nhan", "cho xu ly", "cho bo sung",
            "yeu cau bo sung", "tam dung", "dung xu ly", "cho tiep nhan", "processing", "received", "pending", "in progress"]),
        (DossierStatus.Resolved, ["da co ket qua", "co ket qua", "da giai quyet", "da xu ly", "hoan thanh", "da hoan thanh", "da xu ly xong",
            "giai quyet xong", "cho tra ket qua", "resolved", "done", "completed"]),
        (DossierStatus.Returned, ["da tra ket qua", "da tra", "tra ket qua", "returned", "delivered"]),
        (DossierStatus.Withdrawn, ["rut ho so", "da rut", "rut", "cong dan rut ho so", "to chuc ca nhan rut ho so", "huy", "da huy", "withdrawn", "cancelled"]),
        (DossierStatus.Rejected, ["tu choi", "da tu choi", "tu choi giai quyet", "tu choi tiep nhan", "khong du dieu kien", "khong giai quyet", "tra lai ho so", "tra lai", "rejected", "refused"]));

    public static DossierLevel Level(string text) => Levels.GetValueOrDefault(Key(text));

    public static DossierChannel Channel(string text) => Channels.GetValueOrDefault(Key(text));

    public static DossierStatus Status(string text) => Statuses.GetValueOrDefault(Key(text));

    /// <summary>'1'…'4' for the old online levels, 'full' (toàn trình) or 'partial' (một phần) since 2022; null when unrecognised.</summary>
    public static string? ServiceLevel(string text)
    {
        var key = Key(text);
        if (key.Contains("toan trinh", StringComparison.Ordinal))
        {
            return "full";
        }

        if (key.Contains("mot phan", StringComparison.Ordinal))
        {
            return "partial";
        }

        var digits = key.Where(char.IsAsciiDigit).ToArray();
        return digits.Length == 1 && digits[0] is >= '1' and <= '4' ? digits[0].ToString() : null;
    }

    /// <summary>Folded text with punctuation turned into spaces: "Cấp Tỉnh/TP" → "cap tinh tp".</summary>
    public static string Key(string text)
    {
        var folded = CellValues.Fold(text);
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, T> Build<T>(params (T Value, string[] Words)[] groups)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, words) in groups)
        {
            foreach (var w in words)
            {
                map.Add(w, value);
            }
        }

        return map;
    }
}
