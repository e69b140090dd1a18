using System.Security.Cryptography;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>Fresh identifiers per test, so tests sharing a silo never see each other's members, cards or txnIds.</summary>
public static class TestIds
{
    /// <summary>A random mainland mobile number matching ^1[3-9]\d{9}$.</summary>
    public static string Phone() =>
        "1" + RandomNumberGenerator.GetInt32(3, 10) + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9");

    public static string CardNo() => "C" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static string TxnId() => "T" + Guid.NewGuid().ToString("N");
}
