namespace Cchc.Etl.OneStop;

/// <summary>
/// Finds the columns of a dossier log in a header row by their Vietnamese (or English) names and synonyms, folded
/// (no diacritics, no case, punctuation and "(dd/mm/yyyy)" notes ignored).
/// </summary>
internal sealed class DossierHeader
{
    public static readonly IReadOnlyDictionary<DossierColumn, string[]> Synonyms = new Dictionary<DossierColumn, string[]>
    {
        [DossierColumn.DossierCode] = ["ma ho so", "so ho so", "ma hs", "so hs", "ma bien nhan", "so bien nhan", "ma so ho so", "dossier id", "dossier code", "dossier number", "dossier"],
        [DossierColumn.ProcedureCode] = ["ma tthc", "ma thu tuc", "ma thu tuc hanh chinh", "ma tt", "procedure code"],
        [DossierColumn.ProcedureName] = ["ten tthc", "ten thu tuc", "ten thu tuc hanh chinh", "thu tuc hanh chinh", "thu tuc", "tthc", "procedure name", "procedure"],
        [DossierColumn.Field] = ["linh vuc", "ten linh vuc", "field"],
        [DossierColumn.AgencyCode] = ["ma co quan", "ma don vi", "ma co quan giai quyet", "ma don vi xu ly", "agency code"],
        [DossierColumn.AgencyName] = ["co quan", "ten co quan", "don vi", "ten don vi", "co quan giai quyet", "co quan tiep nhan", "don vi tiep nhan", "don vi xu ly", "co quan thuc hien", "agency", "agency name"],
        [DossierColumn.Level] = ["cap", "cap giai quyet", "cap thuc hien", "cap hanh chinh", "cap tiep nhan", "cap don vi", "level"],
        [DossierColumn.Channel] = ["kenh", "kenh tiep nhan", "kenh nop", "hinh thuc nop", "hinh thuc tiep nhan", "hinh thuc nop ho so", "channel"],
        [DossierColumn.ServiceLevel] = ["muc do dvc", "muc do", "muc do dich vu cong", "muc do dvctt", "muc do dich vu cong truc tuyen", "service level"],
        [DossierColumn.Received] = ["ngay tiep nhan", "ngay nhan", "thoi gian tiep nhan", "ngay nop", "ngay nhan ho so", "ngay tiep nhan ho so", "received", "received date", "date received"],
        [DossierColumn.Due] = ["ngay hen tra", "ngay hen tra ket qua", "han xu ly", "han giai quyet", "ngay hen", "thoi han giai quyet", "due", "due date", "date due"],
        [DossierColumn.Resolved] = ["ngay co ket qua", "ngay hoan thanh", "ngay giai quyet xong", "ngay xu ly xong", "ngay ket thuc xu ly", "ngay ket thuc", "resolved", "resolved date", "date resolved"],
        [DossierColumn.Returned] = ["ngay tra ket qua", "ngay tra", "ngay tra ho so", "returned", "returned date", "date returned"],
        [DossierColumn.Status] = ["trang thai", "tinh trang", "trang thai ho so", "tinh trang ho so", "ket qua xu ly", "status"],
        [DossierColumn.Province] = ["tinh", "ma tinh", "tinh thanh pho", "tinh tp", "ten tinh", "tinh thanh", "province", "province code"],
    };

    /// <summary>Columns a log must have to be loaded (agency: its code or its name). The province may come from the
    /// file's title, agencies or dossier numbers, or from --province instead (see ExportProvince).</summary>
    public static readonly IReadOnlyList<DossierColumn> Required =
        [DossierColumn.DossierCode, DossierColumn.Received, DossierColumn.Due, DossierColumn.Level];

    private static readonly Dictionary<string, DossierColumn> BySynonym =
        Synonyms.SelectMany(s => s.Value.Select(v => (v, s.Key))).ToDictionary(x => x.v, x => x.Key, StringComparer.Ordinal);

    private readonly int[] _index;

    private DossierHeader(int[] index, IReadOnlyList<string> names)
    {
        _index = index;
        Names = names;
    }

    /// <summary>The header cells as written.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>0-based position of a column, or -1 when the log does not have it.</summary>
    public int this[DossierColumn column] => _index[(int)column];

    public bool Has(DossierColumn column) => _index[(int)column] >= 0;

    /// <summary>Whether the row reads like the header of a dossier log (a dossier number and a received date).</summary>
    public static DossierHeader? TryMatch(IReadOnlyList<string> cells)
    {
        var index = Enumerable.Repeat(-1, Enum.GetValues<DossierColumn>().Length).ToArray();
        for (var i = 0; i < cells.Count; i++)
        {
            if (BySynonym.TryGetValue(Key(cells[i]), out var column) && index[(int)column] < 0)
            {
                index[(int)column] = i;
            }
        }

        return index[(int)DossierColumn.DossierCode] >= 0 && index[(int)DossierColumn.Received] >= 0
            ? new DossierHeader(index, cells.ToList())
            : null;
    }

    /// <summary>The required columns this log lacks, in words for the error message.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = Required.Where(c => !Has(c)).Select(c => $"{c} ({Synonyms[c][0]})").ToList();
        if (!Has(DossierColumn.AgencyCode) && !Has(DossierColumn.AgencyName))
        {
            missing.Add("AgencyName or AgencyCode (co quan / ma co quan)");
        }

        return missing;
    }

    /// <summary>Header key: folded, parenthesised notes dropped ("Ngày tiếp nhận (dd/mm/yyyy)" → "ngay tiep nhan").</summary>
    public static string Key(string header)
    {
        var paren = header.IndexOf('(', StringComparison.Ordinal);
        var text = paren > 0 ? header[..paren] : header;
        return DossierVocabulary.Key(text.Replace("_", " ", StringComparison.Ordinal));
    }
}
