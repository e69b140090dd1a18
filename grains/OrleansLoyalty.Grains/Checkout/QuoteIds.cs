using System.Security.Cryptography;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Quote ids: 32 hex digits, a random 64-bit prefix drawn once per process and a counter. A quote id only names one
/// answer (it is never looked up), so it needs to be unique, not unpredictable: <see cref="Guid.NewGuid"/> read the
/// kernel's random source on every quote (one system call each, on the api's hottest path).
/// </summary>
internal static class QuoteIds
{
    private static readonly ulong Prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private static long _next;

    public static string Next() => string.Create(32, (ulong)Interlocked.Increment(ref _next), static (chars, counter) =>
    {
        Prefix.TryFormat(chars[..16], out _, "x16");
        counter.TryFormat(chars[16..], out _, "x16");
    });
}
