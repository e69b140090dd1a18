using System.Security.Cryptography;

namespace OrleansLoyalty.Grains.Members;

/// <summary>Member ids and referral codes: random, short enough to read out at a till, unambiguous to type.</summary>
internal static class MemberIds
{
    // No 0/O, 1/I/L: a cashier reads these aloud.
    private const string ReferralAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>"M" and 15 digits.</summary>
    public static string NewMemberId() =>
        "M" + RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString("D9") + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    /// <summary>The 15 digits of a member id of the usual shape, as a number.</summary>
    public static bool TryParseNumber(string memberId, out long number)
    {
        number = 0;
        return memberId.Length == 16 && memberId[0] == 'M' && !memberId.AsSpan(1).ContainsAnyExceptInRange('0', '9')
            && long.TryParse(memberId.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    public static string NewReferralCode() => RandomNumberGenerator.GetString(ReferralAlphabet, 8);
}
