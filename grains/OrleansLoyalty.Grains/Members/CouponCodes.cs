using System.Security.Cryptography;

namespace OrleansLoyalty.Grains.Members;

/// <summary>Codes of issued coupons: "C-" and two groups of four, easy to read out and to type.</summary>
internal static class CouponCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => $"C-{RandomNumberGenerator.GetString(Alphabet, 4)}-{RandomNumberGenerator.GetString(Alphabet, 4)}";
}
