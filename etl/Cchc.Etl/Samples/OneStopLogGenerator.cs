using System.Globalization;
using Cchc.Warehouse.Reference;
using static Cchc.Etl.Samples.OneStopCatalogue;

namespace Cchc.Etl.Samples;

/// <summary>
/// Deterministic synthetic dossiers of Lâm Đồng's one-stop system (the merged Lâm Đồng from 1 July 2025): daily volumes
/// with weekends and the Tết dip, a level mix without districts after the 2025 reform, the channel mix moving online
/// year by year, and lateness concentrated in a few agencies and (land) procedures, improving over the years and
/// scaled by the province's shared synthetic quality. Each dossier is a pure function of (year, position), so a
/// year can be regenerated to re-deliver its still-open dossiers in the next export.
/// </summary>
public sealed class OneStopLogGenerator(int rowsPerYear)
{
    public const string ProvinceName = "Lâm Đồng";
    public const string ProvinceCode = "68";

    public static readonly string[] Header =
    [
        "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Mã cơ quan", "Cơ quan", "Cấp", "Tỉnh", "Kênh", "Mức độ DVC",
        "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ngày trả kết quả", "Trạng thái",
    ];

    // Lunar New Year's Day; the offices close around it and volumes dip for about two weeks.
    private static readonly Dictionary<int, DateOnly> Tet = new()
    {
        [2016] = new(2016, 2, 8), [2017] = new(2017, 1, 28), [2018] = new(2018, 2, 16), [2019] = new(2019, 2, 5),
        [2020] = new(2020, 1, 25), [2021] = new(2021, 2, 12), [2022] = new(2022, 2, 1), [2023] = new(2023, 1, 22),
        [2024] = new(2024, 2, 10), [2025] = new(2025, 1, 29), [2026] = new(2026, 2, 17), [2027] = new(2027, 2, 6),
    };

    private static readonly string[] LevelNames = ["", "Cấp tỉnh", "Cấp huyện", "Cấp xã"];
    private static readonly string[] ChannelNames = ["", "Trực tiếp", "Trực tuyến", "Bưu chính công ích"];

    private readonly double _quality = Math.Exp(-0.35 * SyntheticProvinces.Quality(ProvinceCatalog.Default.ByCode(ProvinceCode, 2024)!.Key));

    /// <summary>Every dossier received in <paramref name="year"/>, in order of reception.</summary>
    public IEnumerable<SyntheticDossier> ReceivedIn(int year)
    {
        var rng = SyntheticProvinces.For("onestop", year);
        // Lateness follows the province's own PAR field 3 (administrative procedures, where the one-stop results are
        // appraised): a better field-3 year, planted improvements included, means fewer late dossiers.
        var key = ProvinceCatalog.Default.ByCode(ProvinceCode, year)!.Key;
        var shock = Math.Exp(-0.2 * (SyntheticProvinces.YearShock(key, SyntheticProvinces.OneStop, year) + SyntheticProvinces.PartShock(key, SyntheticProvinces.Par, "3", year)));
        var lateness = 0.02 * Math.Pow(0.85, year - 2018) * _quality * shock;
        var online = Math.Clamp(0.05 + (0.09 * (year - 2018)), 0.03, 0.75);
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d)).ToList();
        var weights = days.Select(DayWeight).ToList();
        var total = weights.Sum();
        var carry = 0.0;
        foreach (var (day, weight) in days.Zip(weights))
        {
            carry += rowsPerYear * weight / total;
            var count = (int)carry;
            carry -= count;
            for (var seq = 1; seq <= count; seq++)
            {
                yield return Make(rng, day, seq, lateness, online);
            }
        }
    }

    /// <summary>Writes one export: the header, then each dossier as the system showed it on <paramref name="asOf"/>.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<SyntheticDossier> dossiers, DateOnly asOf, bool markSynthetic = true)
    {
        if (markSynthetic)
        {
            writer.WriteLine(SyntheticMarker.CsvCommentLine);
        }

        writer.WriteLine(string.Join(';', Header));
        var line = new LineWriter(new char[2048]);
        foreach (var d in dossiers)
        {
            line.Clear();
            Format(d, asOf, line);
            writer.Write(line.Buffer, 0, line.Length);
            writer.Write('\n');
        }
    }

    private static SyntheticDossier Make(Random rng, DateOnly day, int seq, double lateness, double online)
    {
        var reformed = day >= ProvinceCatalog.ReformDate;
        var levelDraw = rng.NextDouble();
        var level = reformed ? (levelDraw < 0.35 ? 1 : 3) : levelDraw < 0.18 ? 1 : levelDraw < 0.5 ? 2 : 3;
        var agencies = (level, reformed) switch
        {
            (1, false) => ProvinceAgencies,
            (1, true) => ProvinceAgencies2025,
            (2, _) => DistrictAgencies,
            (_, false) => CommuneAgencies,
            _ => CommuneAgencies2025,
        };
        var procedures = level switch { 1 => ProvinceProcedures, 2 => DistrictProcedures, _ => CommuneProcedures };
        var agency = PickWeighted(rng, agencies);
        var procedure = procedures[rng.Next(procedures.Length)];
        var channelDraw = rng.NextDouble();
        var channel = channelDraw < online ? 2 : channelDraw < online + 0.04 ? 3 : 1;
        var service = channel == 2
            ? (day.Year < 2022 ? (rng.NextDouble() < 0.6 ? "Mức độ 3" : "Mức độ 4") : (rng.NextDouble() < 0.55 ? "Toàn trình" : "Một phần"))
            : day.Year < 2022 ? "Mức độ 2" : null;
        var minutes = (7 * 60) + 30 + rng.Next(9 * 60);
        var due = AddWorkingDays(day, procedure.Days);
        var outcomeDraw = rng.NextDouble();
        var kind = outcomeDraw < 0.015 ? DossierKind.Withdrawn : outcomeDraw < 0.025 ? DossierKind.Rejected : DossierKind.Normal;
        var late = kind == DossierKind.Normal && rng.NextDouble() < Math.Min(0.6, lateness * agency.Lateness * procedure.Lateness);
        var span = due.DayNumber - day.DayNumber;
        var finish = kind != DossierKind.Normal ? day.AddDays(1 + rng.Next(5))
            : late ? due.AddDays(1 + (int)(-6 * Math.Log(1 - rng.NextDouble())))
            : day.AddDays((int)Math.Floor(Math.Pow(rng.NextDouble(), 0.6) * (span + 1)) is var d && d > span ? span : d);
        var returned = finish.AddDays(rng.Next(4));
        var code = string.Create(CultureInfo.InvariantCulture, $"{(reformed ? "LDM" : "LDG")}-{day:yyyyMMdd}-{seq:D5}");
        return new SyntheticDossier(code, procedure, agency, level, channel, service, day, minutes, due, finish, returned, kind);
    }

    private static void Format(SyntheticDossier d, DateOnly asOf, LineWriter w)
    {
        var finished = d.Finish <= asOf;
        w.Field(d.Code).Field(d.Procedure.Code).Field(d.Procedure.Name).Field(d.Procedure.Field).Field(d.Agency.Code).Field(d.Agency.Name)
            .Field(LevelNames[d.Level]).Field(ProvinceName).Field(ChannelNames[d.Channel]).Field(d.ServiceLevel)
            .Date(d.Received, d.ReceivedMinutes).Date(d.Due);
        if (!finished)
        {
            w.Field(null).Field(null).Last("Đang xử lý");
        }
        else if (d.Kind == DossierKind.Withdrawn)
        {
            w.Field(null).Field(null).Last("Rút hồ sơ");
        }
        else if (d.Kind == DossierKind.Rejected)
        {
            w.Field(null).Field(null).Last("Từ chối giải quyết");
        }
        else if (d.Returned <= asOf)
        {
            w.Date(d.Finish).Date(d.Returned).Last("Đã trả kết quả");
        }
        else
        {
            w.Date(d.Finish).Field(null).Last("Đã có kết quả");
        }
    }

    private static double DayWeight(DateOnly day)
    {
        var weekday = day.DayOfWeek switch { DayOfWeek.Saturday => 0.25, DayOfWeek.Sunday => 0.04, _ => 1.0 };
        var tet = Tet.GetValueOrDefault(day.Year, new DateOnly(day.Year, 2, 5));
        var fromTet = day.DayNumber - tet.DayNumber;
        var season = fromTet switch
        {
            >= -3 and <= 5 => 0.05,        // offices closed for the holiday
            >= 6 and <= 12 => 0.55,         // slow restart
            >= -14 and <= -4 => 1.35,       // the rush to finish papers before Tết
            _ => 1.0,
        };
        return weekday * season * (day.Month == 12 ? 1.15 : 1.0);
    }

    private static Agency PickWeighted(Random rng, Agency[] agencies)
    {
        var total = agencies.Sum(a => a.Weight);
        var draw = rng.NextDouble() * total;
        foreach (var a in agencies)
        {
            draw -= a.Weight;
            if (draw < 0)
            {
                return a;
            }
        }

        return agencies[^1];
    }

    private static DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        var d = day;
        for (var added = 0; added < workingDays;)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return d;
    }

    /// <summary>Formats one CSV line into a reused buffer (no per-row strings).</summary>
    private sealed class LineWriter(char[] buffer)
    {
        private readonly char[] _buffer = buffer;

        public char[] Buffer => _buffer;

        public int Length { get; private set; }

        public void Clear() => Length = 0;

        public LineWriter Field(string? value)
        {
            if (value is not null)
            {
                if (value.Contains(';', StringComparison.Ordinal))
                {
                    _buffer[Length++] = '"';
                    value.AsSpan().CopyTo(_buffer.AsSpan(Length));
                    Length += value.Length;
                    _buffer[Length++] = '"';
                }
                else
                {
                    value.AsSpan().CopyTo(_buffer.AsSpan(Length));
                    Length += value.Length;
                }
            }

            _buffer[Length++] = ';';
            return this;
        }

        public LineWriter Date(DateOnly? day, int minutes = -1)
        {
            if (day is { } d)
            {
                d.TryFormat(_buffer.AsSpan(Length), out var n, "dd/MM/yyyy", CultureInfo.InvariantCulture);
                Length += n;
                if (minutes >= 0)
                {
                    _buffer[Length++] = ' ';
                    Two(minutes / 60);
                    _buffer[Length++] = ':';
                    Two(minutes % 60);
                }
            }

            _buffer[Length++] = ';';
            return this;
        }

        public void Last(string value)
        {
            value.AsSpan().CopyTo(_buffer.AsSpan(Length));
            Length += value.Length;
        }

        private void Two(int value)
        {
            _buffer[Length++] = (char)('0' + (value / 10));
            _buffer[Length++] = (char)('0' + (value % 10));
        }
    }
}

public enum DossierKind
{
    Normal,
    Withdrawn,
    Rejected,
}

/// <summary>One synthetic dossier with its whole future: <see cref="Finish"/> is when it will be resolved (or withdrawn/rejected).</summary>
public sealed record SyntheticDossier(
    string Code,
    Procedure Procedure,
    Agency Agency,
    int Level,
    int Channel,
    string? ServiceLevel,
    DateOnly Received,
    int ReceivedMinutes,
    DateOnly Due,
    DateOnly Finish,
    DateOnly Returned,
    DossierKind Kind);
