using System.Security.Cryptography;
using System.Text;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Lane and gateway secrets are 32 random bytes, so a plain SHA-256 is enough to store them: unlike a human
/// password there is nothing to brute-force, and the token endpoint stays fast for a store's morning start.
/// </summary>
public static class DeviceSecrets
{
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewClientId(string storeId, string deviceId) => $"{storeId}.{deviceId}.{RandomNumberGenerator.GetHexString(6, lowercase: true)}";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Verify(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
