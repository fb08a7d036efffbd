using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Reports.Analytics.Exact;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>A 90 % interval (5th and 95th percentiles of the simulated draws), in rank places.</summary>
public sealed record EffectInterval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>True when the whole interval lies on one side of zero.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}

/// <summary>
/// A part's effect on the rank: the exact Owen value (a fraction of places, negative = climbed) and, when the sampling
/// model was simulated, its 90 % interval under re-measurement of the survey-based points (<see cref="RankUncertainty"/>).
/// JSON: <c>{"exact": "-13/3", "value": -4.333333, "interval": {"lower": -7, "upper": -1.5}}</c>.
/// </summary>
[JsonConverter(typeof(RankEffectJsonConverter))]
public readonly record struct RankEffect(Fraction Exact, EffectInterval? Interval = null)
{
    public double Value => Exact.ToDouble();

    public static implicit operator RankEffect(Fraction exact) => new(exact);

    public RankEffect WithInterval(EffectInterval? interval) => this with { Interval = interval };
}

internal sealed class RankEffectJsonConverter : JsonConverter<RankEffect>
{
    public override RankEffect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var exact = root.Deserialize<Fraction>(options);
        EffectInterval? interval = null;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.Object)
        {
            interval = new EffectInterval(i.GetProperty("lower").GetDouble(), i.GetProperty("upper").GetDouble());
        }

        return new RankEffect(exact, interval);
    }

    public override void Write(Utf8JsonWriter writer, RankEffect value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("exact", value.Exact.ToString());
        writer.WriteNumber("value", Math.Round(value.Value, 6));
        if (value.Interval is { } interval)
        {
            writer.WriteStartObject("interval");
            writer.WriteNumber("lower", Math.Round(interval.Lower, 6));
            writer.WriteNumber("upper", Math.Round(interval.Upper, 6));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
