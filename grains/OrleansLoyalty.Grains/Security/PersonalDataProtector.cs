using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Security;

/// <summary>
/// Encrypts personal data for storage (AES-256-GCM, a fresh nonce per value) and derives index keys
/// from phone numbers (HMAC-SHA256), so PostgreSQL never holds a phone number or a name in clear.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte FormatVersion = 1;

    private readonly byte[] _dataKey;
    private readonly byte[] _indexKey;

    public PersonalDataProtector(IOptions<SecurityOptions> options)
    {
        _dataKey = Convert.FromBase64String(options.Value.DataKey);
        _indexKey = Convert.FromBase64String(options.Value.IndexKey);
    }

    /// <summary>Base64 of version ‖ nonce ‖ tag ‖ ciphertext.</summary>
    public string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        var tag = output.AsSpan(1 + NonceSize, TagSize);
        var cipher = output.AsSpan(1 + NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_dataKey, TagSize);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String(output);
    }

    public string Decrypt(string protectedValue)
    {
        var input = Convert.FromBase64String(protectedValue);
        if (input.Length < 1 + NonceSize + TagSize || input[0] != FormatVersion)
        {
            throw new CryptographicException("Protected value has an unknown format.");
        }
        var nonce = input.AsSpan(1, NonceSize);
        var tag = input.AsSpan(1 + NonceSize, TagSize);
        var cipher = input.AsSpan(1 + NonceSize + TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(_dataKey, TagSize);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// A keyed fingerprint of a request. Requests may carry a phone number, and everything else of the request
    /// is stored beside the fingerprint, so a plain hash could be brute-forced back to the phone.
    /// </summary>
    public string Fingerprint(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey.AsSpan(), [.. "request:"u8, .. data]));

    /// <summary>
    /// A keyed hash of a member's one-time sign-in code: a six-digit code's plain hash is reversed by trying all
    /// million codes, so the stored state could otherwise be read back to the code.
    /// </summary>
    public byte[] OneTimeCodeHash(string memberId, string code) =>
        HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes("signin-code:" + memberId + ":" + code));

    /// <summary>
    /// A keyed hash of a member's payment PIN. A million PINs are tried in a moment against a plain or salted hash; the
    /// key (never stored with the state) is what keeps a stolen copy of the state from giving the PINs back.
    /// </summary>
    public byte[] PaymentPinHash(string memberId, string pin) =>
        HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes("payment-pin:" + memberId + ":" + pin));

    /// <summary>A stable, keyed, non-reversible key for a phone number (lower-case hex).</summary>
    public string PhoneIndexKey(string phone) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_indexKey, Encoding.UTF8.GetBytes("phone:" + phone)));
}
