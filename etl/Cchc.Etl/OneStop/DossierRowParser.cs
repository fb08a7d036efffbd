using System.Text;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.OneStop;

/// <summary>
/// Turns the records of a dossier log into validated <see cref="DossierRow"/>s. The header is found by content in the
/// first rows; each later record becomes a row or a row with a <see cref="DossierRow.Problem"/> (for quarantine).
/// Repeated texts are pooled and vocabularies cached, so the per-row cost is a few look-ups and one string (the dossier number).
/// </summary>
internal sealed class DossierRowParser
{
    public const int HeaderSearchRows = 30;
    private static readonly DateOnly ReformDate = ProvinceCatalog.ReformDate;

    private readonly ITabularReader _reader;
    private readonly DossierHeader _header;
    private readonly ProvinceOnDay _provinces = new();
    private readonly SpanStringPool _procedureCodes = new();
    private readonly SpanStringPool _procedureNames = new();
    private readonly SpanStringPool _fields = new();
    private readonly SpanStringPool _agencyCodes = new();
    private readonly SpanStringPool _agencyNames = new();
    private readonly VocabularyCache<DossierLevel> _levels = new(DossierVocabulary.Level);
    private readonly VocabularyCache<DossierChannel> _channels = new(DossierVocabulary.Channel);
    private readonly VocabularyCache<DossierStatus> _statuses = new(DossierVocabulary.Status);
    private readonly VocabularyCache<string?> _serviceLevels = new(DossierVocabulary.ServiceLevel);

    private readonly int _blanksBeforeData;
    private ProvinceChoice _province = new(null, null, "per row");

    private readonly string _path;

    private DossierRowParser(ITabularReader reader, string path, DossierHeader header, IReadOnlyList<(int Row, string Text)> titleRows)
    {
        _reader = reader;
        _path = path;
        _header = header;
        TitleRows = titleRows;
        _blanksBeforeData = reader.BlankRecordsSkipped;
    }

    public DossierHeader Header => _header;

    public bool IsSynthetic => _reader.IsSynthetic;

    /// <summary>The rows above the header (titles such as "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), each as its cells joined.</summary>
    public IReadOnlyList<(int Row, string Text)> TitleRows { get; }

    /// <summary>Records read below the header (blank ones excluded).</summary>
    public int RowsRead { get; private set; }

    /// <summary>Times reading apart from parsing and validating when set (<c>bench --profile</c>).</summary>
    public Loading.LoadProfile? Profile { get; set; }

    /// <summary>Blank records between the header and the last record read.</summary>
    public int BlankRowsSkipped => _reader.BlankRecordsSkipped - _blanksBeforeData;

    /// <summary>Reads up to the header; null when the first rows hold no dossier-log header (the file is something else).</summary>
    public static DossierRowParser? Open(ITabularReader reader, string path)
    {
        var titles = new List<(int, string)>();
        for (var i = 0; i < HeaderSearchRows && reader.Read(); i++)
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(c => reader.Field(c).ToString()).ToList();
            if (DossierHeader.TryMatch(cells) is { } header)
            {
                return new DossierRowParser(reader, path, header, titles);
            }

            titles.Add((reader.LineNumber, string.Join(' ', cells.Where(c => c.Length > 0))));
        }

        return null;
    }

    /// <summary>Where rows that name no province belong, and the province every row must belong to.</summary>
    public void UseProvince(ProvinceChoice choice) => _province = choice;

    /// <summary>The agency name (or code) and dossier number of the next rows as written, for deciding the province.</summary>
    public IReadOnlyList<(string? Agency, string Code)> Sample(int rows)
    {
        var sample = new List<(string?, string)>();
        while (sample.Count < rows && _reader.Read())
        {
            var agency = Text(DossierColumn.AgencyName);
            sample.Add((agency.IsEmpty ? null : agency.ToString(), Text(DossierColumn.DossierCode).ToString()));
        }

        return sample;
    }

    /// <summary>Fills <paramref name="row"/> from the next record; false at the end of the file.</summary>
    public bool Next(ref DossierRow row)
    {
        var started = Profile is null ? 0 : Loading.LoadProfile.Start();
        if (!_reader.Read())
        {
            return false;
        }

        Profile?.Add(Loading.LoadStep.Read, started);
        started = Profile is null ? 0 : Loading.LoadProfile.Start();
        RowsRead++;
        row = default;
        row.Line = _reader.LineNumber;
        row.Problem = Parse(ref row);
        if (row.Problem is not null)
        {
            row.RawValues = RawValues();
        }

        Profile?.Add(Loading.LoadStep.ParseAndValidate, started);
        return true;
    }

    private string? Parse(ref DossierRow row)
    {
        var code = Text(DossierColumn.DossierCode);
        if (code.IsEmpty)
        {
            return Fail(ref row, DossierColumn.DossierCode, "missing dossier number (Mã hồ sơ)");
        }

        row.DossierCode = code.IsNormalized(NormalizationForm.FormC) ? code.ToString() : code.ToString().Normalize(NormalizationForm.FormC);
        if (RequiredDate(ref row, DossierColumn.Received, "received date (Ngày tiếp nhận)", out row.Received) is { } receivedProblem)
        {
            return receivedProblem;
        }

        if (RequiredDate(ref row, DossierColumn.Due, "due date (Ngày hẹn trả)", out row.Due) is { } dueProblem)
        {
            return dueProblem;
        }

        if (OptionalDate(ref row, DossierColumn.Resolved, "result date (Ngày có kết quả)", out row.Resolved) is { } resolvedProblem)
        {
            return resolvedProblem;
        }

        if (OptionalDate(ref row, DossierColumn.Returned, "return date (Ngày trả kết quả)", out row.Returned) is { } returnedProblem)
        {
            return returnedProblem;
        }

        var levelText = Text(DossierColumn.Level);
        row.Level = levelText.IsEmpty ? DossierLevel.Unknown : _levels.Get(levelText);
        if (row.Level == DossierLevel.Unknown)
        {
            return Fail(ref row, DossierColumn.Level, levelText.IsEmpty ? "missing level (Cấp)" : $"unknown level '{levelText}' (expected tỉnh, huyện or xã)");
        }

        var provinceText = Text(DossierColumn.Province);
        if (provinceText.IsEmpty)
        {
            if (_province.FileCode is null)
            {
                return Fail(ref row, DossierColumn.Province, "missing province (Tỉnh)");
            }

            provinceText = _province.FileCode;
        }

        if (!_provinces.TryResolve(provinceText, row.Received, out var province))
        {
            return Fail(ref row, DossierColumn.Province, $"unknown province '{provinceText}'");
        }

        if (province is null)
        {
            return Fail(ref row, DossierColumn.Received, $"no province '{provinceText}' on {row.Received:dd/MM/yyyy}");
        }

        if (_province.RequiredCode is { } required && _provinces.TryResolve(required, row.Received, out var expected) && expected is not null && expected.Key != province.Key)
        {
            throw new Loading.FileRefusedException(new Warehouse.SourceLocation(_path, _reader.SheetName, row.Line),
                $"the dossier received {row.Received:dd/MM/yyyy} belongs to {province.ShortName} ('{provinceText}'), not to {expected.ShortName} " +
                $"as --province {required} says; pass the file's province or leave --province out ({_province.Decision})");
        }

        row.Province = province;
        if (row.Level == DossierLevel.District && row.Received >= ReformDate)
        {
            return Fail(ref row, DossierColumn.Level, $"district level on {row.Received:dd/MM/yyyy}: districts were abolished on 1 July 2025");
        }

        if (row.Due < row.Received)
        {
            return Fail(ref row, DossierColumn.Due, $"due {row.Due:dd/MM/yyyy} before received {row.Received:dd/MM/yyyy}");
        }

        if (row.Resolved < row.Received || row.Returned < row.Received)
        {
            return Fail(ref row, row.Resolved < row.Received ? DossierColumn.Resolved : DossierColumn.Returned,
                $"finished {(row.Resolved < row.Received ? row.Resolved : row.Returned):dd/MM/yyyy} before received {row.Received:dd/MM/yyyy}");
        }

        var channelText = Text(DossierColumn.Channel);
        row.Channel = channelText.IsEmpty ? DossierChannel.Unknown : _channels.Get(channelText);
        if (row.Channel == DossierChannel.Unknown && !channelText.IsEmpty)
        {
            return Fail(ref row, DossierColumn.Channel, $"unknown channel '{channelText}' (expected trực tiếp, trực tuyến or bưu chính công ích)");
        }

        var statusText = Text(DossierColumn.Status);
        var stated = statusText.IsEmpty ? DossierStatus.Unknown : _statuses.Get(statusText);
        if (stated == DossierStatus.Unknown && !statusText.IsEmpty)
        {
            return Fail(ref row, DossierColumn.Status, $"unknown status '{statusText}'");
        }

        row.Status = stated switch
        {
            DossierStatus.Withdrawn or DossierStatus.Rejected => stated,
            _ when row.Returned is not null => DossierStatus.Returned,
            _ when row.Resolved is not null => DossierStatus.Resolved,
            DossierStatus.Resolved or DossierStatus.Returned => DossierStatus.Unknown,
            _ => DossierStatus.Processing,
        };
        if (row.Status == DossierStatus.Unknown)
        {
            return Fail(ref row, DossierColumn.Resolved, $"status '{statusText}' says finished but there is no result date");
        }

        row.AgencyCode = _agencyCodes.Get(Text(DossierColumn.AgencyCode));
        row.AgencyName = _agencyNames.Get(Text(DossierColumn.AgencyName));
        if (row.AgencyCode is null && row.AgencyName is null)
        {
            return Fail(ref row, DossierColumn.AgencyName, "missing agency (Cơ quan)");
        }

        row.ProcedureCode = _procedureCodes.Get(Text(DossierColumn.ProcedureCode));
        row.ProcedureName = _procedureNames.Get(Text(DossierColumn.ProcedureName));
        row.Field = _fields.Get(Text(DossierColumn.Field));
        var serviceText = Text(DossierColumn.ServiceLevel);
        row.ServiceLevel = serviceText.IsEmpty ? null : _serviceLevels.Get(serviceText);
        return TooLong(ref row);
    }

    /// <summary>The warehouse columns a dossier row's text goes to, with their limits (see <see cref="TooLong"/>).</summary>
    private static readonly (DossierColumn Column, ColumnLimit Limit)[] Limits =
    [
        (DossierColumn.DossierCode, ColumnLimits.Default.Limit("dw.fact_dossier", "dossier_code", "the dossier number (Mã hồ sơ)")),
        (DossierColumn.AgencyCode, ColumnLimits.Default.Limit("dw.dim_onestop_agency", "agency_code", "the agency code")),
        (DossierColumn.AgencyName, ColumnLimits.Default.Limit("dw.dim_onestop_agency", "agency_name", "the agency name (Cơ quan)")),
        (DossierColumn.ProcedureCode, ColumnLimits.Default.Limit("dw.dim_procedure", "procedure_code", "the procedure code (Mã TTHC)")),
        (DossierColumn.ProcedureName, ColumnLimits.Default.Limit("dw.dim_procedure", "procedure_name", "the procedure name")),
        (DossierColumn.Field, ColumnLimits.Default.Limit("dw.dim_procedure", "field_name", "the field (Lĩnh vực)")),
    ];

    /// <summary>
    /// A value longer than its warehouse column takes is the row's problem, found here, so that both engines load the
    /// same rows (SQL Server would refuse the whole file; DuckDB would keep the value).
    /// </summary>
    private string? TooLong(ref DossierRow row)
    {
        foreach (var (column, limit) in Limits)
        {
            var value = column switch
            {
                DossierColumn.DossierCode => row.DossierCode,
                DossierColumn.AgencyCode => row.AgencyCode,
                DossierColumn.AgencyName => row.AgencyName,
                DossierColumn.ProcedureCode => row.ProcedureCode,
                DossierColumn.ProcedureName => row.ProcedureName,
                _ => row.Field,
            };
            if (limit.Check(value) is { } problem)
            {
                return Fail(ref row, column, problem);
            }
        }

        return null;
    }

    private string? RequiredDate(ref DossierRow row, DossierColumn column, string what, out DateOnly date)
    {
        var text = Text(column);
        if (text.IsEmpty)
        {
            date = default;
            return Fail(ref row, column, "missing " + what);
        }

        return DossierDates.TryParse(text, out date) ? null : Fail(ref row, column, $"unparseable {what}: '{text}'");
    }

    private string? OptionalDate(ref DossierRow row, DossierColumn column, string what, out DateOnly? date)
    {
        date = null;
        var text = Text(column);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!DossierDates.TryParse(text, out var parsed))
        {
            return Fail(ref row, column, $"unparseable {what}: '{text}'");
        }

        date = parsed;
        return null;
    }

    private string Fail(ref DossierRow row, DossierColumn column, string problem)
    {
        row.ProblemColumn = _header[column] >= 0 ? _header.Names[_header[column]] : null;
        return problem;
    }

    private ReadOnlySpan<char> Text(DossierColumn column) =>
        _header[column] is var i and >= 0 ? _reader.Field(i) : [];

    private string RawValues()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _reader.FieldCount && sb.Length < 1000; i++)
        {
            if (i > 0)
            {
                sb.Append(';');
            }

            sb.Append(_reader.Field(i));
        }

        return sb.Length > 1000 ? sb.ToString(0, 1000) : sb.ToString();
    }

    /// <summary>Maps raw text to a vocabulary value once per distinct text.</summary>
    private sealed class VocabularyCache<T>(Func<string, T> map)
    {
        private readonly Dictionary<string, T> _known = new(StringComparer.Ordinal);

        public T Get(ReadOnlySpan<char> text)
        {
            var lookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var value))
            {
                return value;
            }

            var key = text.ToString();
            value = map(key);
            if (_known.Count < 1000)
            {
                _known[key] = value;
            }

            return value;
        }
    }
}
