using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Reports.Analytics.Exact;

/// <summary>
/// An exact rational number (reduced, positive denominator). Shapley weights are |S|!(n−|S|−1)!/n!, so rank
/// attributions are fractions such as 3/2; keeping them exact is what lets the parts add up to the observed rank
/// change with no rounding. JSON: <c>{"exact": "3/2", "value": 1.5}</c>.
/// </summary>
[JsonConverter(typeof(FractionJsonConverter))]
public readonly struct Fraction : IEquatable<Fraction>, IComparable<Fraction>
{
    private readonly BigInteger _denominator;

    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("A fraction cannot have a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = gcd.IsOne || gcd.IsZero ? numerator : numerator / gcd;
        _denominator = gcd.IsOne || gcd.IsZero ? denominator : denominator / gcd;
    }

    public static Fraction Zero => default;

    public BigInteger Numerator { get; }

    /// <summary>Always positive; <c>default(Fraction)</c> is 0/1.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsInteger => Denominator.IsOne;

    public int Sign => Numerator.Sign;

    public static implicit operator Fraction(long value) => new(value, BigInteger.One);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, long divisor) => new(a.Numerator, a.Denominator * divisor);

    public static bool operator ==(Fraction a, Fraction b) => a.Equals(b);

    public static bool operator !=(Fraction a, Fraction b) => !a.Equals(b);

    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;

    public static Fraction Add(Fraction a, Fraction b) => a + b;

    public static Fraction Subtract(Fraction a, Fraction b) => a - b;

    public static Fraction Negate(Fraction a) => -a;

    public static Fraction Multiply(Fraction a, Fraction b) => a * b;

    public static Fraction Divide(Fraction a, long divisor) => a / divisor;

    public static Fraction FromInt64(long value) => value;

    public static Fraction Sum(IEnumerable<Fraction> values) => values.Aggregate(Zero, (a, b) => a + b);

    public double ToDouble() => (double)Numerator / (double)Denominator;

    public bool Equals(Fraction other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Fraction f && Equals(f);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public int CompareTo(Fraction other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>"3", "-3/2".</summary>
    public override string ToString() =>
        IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>For tables: the exact form when it is short, else a decimal with two places ("-1.33 (-4/3)").</summary>
    public string ToDisplay() =>
        IsInteger ? ToString()
        : $"{ToDouble().ToString("0.##", CultureInfo.InvariantCulture)} ({ToString()})";
}

internal sealed class FractionJsonConverter : JsonConverter<Fraction>
{
    public override Fraction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        var text = doc.RootElement.ValueKind == JsonValueKind.Object
            ? doc.RootElement.GetProperty("exact").GetString()!
            : doc.RootElement.GetRawText();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new Fraction(BigInteger.Parse(text, CultureInfo.InvariantCulture), BigInteger.One)
            : new Fraction(BigInteger.Parse(text[..slash], CultureInfo.InvariantCulture), BigInteger.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }

    public override void Write(Utf8JsonWriter writer, Fraction value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("exact", value.ToString());
        writer.WriteNumber("value", Math.Round(value.ToDouble(), 6));
        writer.WriteEndObject();
    }
}
