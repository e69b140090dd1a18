namespace OrleansLoyalty.Domain.Money;

/// <summary>
/// Rounding rules for money, in one place. Every amount is a <see cref="long"/> count of fen
/// (1/100 yuan); nothing here ever touches a floating-point number.
/// </summary>
public static class Fen
{
    /// <summary>Fen per yuan.</summary>
    public const long PerYuan = 100;

    /// <summary>
    /// <paramref name="amount"/> × <paramref name="numerator"/> / <paramref name="denominator"/>, rounded half away from zero
    /// (the usual 四舍五入 on receipts). Used for percentage discounts expressed in basis points.
    /// </summary>
    public static long MulDivRound(long amount, long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        var product = (Int128)amount * numerator;
        var quotient = product / denominator;
        var remainder = product % denominator;
        if (Int128.Abs(remainder) * 2 >= denominator)
        {
            quotient += Int128.Sign(product);
        }
        return (long)quotient;
    }

    /// <summary><paramref name="amount"/> × <paramref name="numerator"/> / <paramref name="denominator"/>, rounded towards zero.</summary>
    public static long MulDivFloor(long amount, long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        return (long)((Int128)amount * numerator / denominator);
    }

    /// <summary>Formats fen as yuan for humans ("¥12.50"); never parsed back.</summary>
    public static string Format(long fen) =>
        $"{(fen < 0 ? "-" : "")}¥{Math.Abs(fen) / PerYuan}.{Math.Abs(fen) % PerYuan:D2}";
}
