using System.Globalization;

namespace OrleansLoyalty.Domain;

/// <summary>Chinese receipt labels: 95折, 9折, 满100减20. Integer arithmetic only.</summary>
public static class DiscountLabels
{
    /// <summary>"9折" for 1000 bp off, "95折" for 500 bp off, "85折" for 1500 bp off, "92.5折" for 750 bp off.</summary>
    public static string ZheFromBasisPoints(int basisPointsOff)
    {
        var paid = 10_000 - basisPointsOff;
        if (paid % 1000 == 0)
        {
            return $"{paid / 1000}折";
        }
        return $"{Decimal(paid, 100)}折";
    }

    public static string ZheFromPercent(int percentOff) => ZheFromBasisPoints(percentOff * 100);

    /// <summary>"满100减20"; amounts with fen show them ("满99.5减10"); no threshold: "立减10".</summary>
    public static string AmountOffOver(long threshold, long amount) =>
        threshold > 0 ? $"满{Yuan(threshold)}减{Yuan(amount)}" : $"立减{Yuan(amount)}";

    public static string Yuan(long fen) => Decimal(fen, Money.Fen.PerYuan);

    /// <summary><paramref name="value"/> / <paramref name="unit"/> (unit 100) written without trailing zeros.</summary>
    private static string Decimal(long value, long unit)
    {
        var sign = value < 0 ? "-" : "";
        var whole = Math.Abs(value) / unit;
        var fraction = Math.Abs(value) % unit;
        if (fraction == 0)
        {
            return sign + whole.ToString(CultureInfo.InvariantCulture);
        }
        var digits = fraction.ToString("D2", CultureInfo.InvariantCulture).TrimEnd('0');
        return $"{sign}{whole.ToString(CultureInfo.InvariantCulture)}.{digits}";
    }
}
