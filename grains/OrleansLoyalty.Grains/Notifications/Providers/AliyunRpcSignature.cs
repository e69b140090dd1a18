using System.Security.Cryptography;
using System.Text;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Alibaba Cloud's RPC request signature (SignatureVersion 1.0, HMAC-SHA1): the parameters sorted by name, each name
/// and value percent-encoded per RFC 3986, the whole joined and encoded once more after the method and "/", signed
/// with the AccessKey secret and "&amp;". Its one test vector is the SMS documentation's own (zJDF+Lrzhj/…).
/// </summary>
public static class AliyunRpcSignature
{
    public static string Sign(string method, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret)
    {
        var canonical = string.Join('&', parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        var stringToSign = method + "&" + PercentEncode("/") + "&" + PercentEncode(canonical);
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
        return Convert.ToBase64String(mac);
    }

    /// <summary>RFC 3986: letters, digits and -_.~ stay; everything else is %XY of its UTF-8 bytes (a space is %20, never +).</summary>
    public static string PercentEncode(string value) => Uri.EscapeDataString(value);
}
