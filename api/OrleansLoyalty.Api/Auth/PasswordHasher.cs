using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Argon2id password hashes in PHC string form (<c>$argon2id$v=19$m=…,t=…,p=1$salt$hash</c>); the cost is
/// read back from each hash, so raising it later does not lock anyone out.
/// </summary>
public sealed class PasswordHasher(IOptions<AuthOptions> options)
{
    private const int SaltSize = 16;
    private const int HashSize = 32;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltSize);
        var memory = options.Value.PasswordMemoryKiB;
        var iterations = options.Value.PasswordIterations;
        var hash = Compute(password, salt, memory, iterations);
        return $"$argon2id$v=19$m={memory},t={iterations},p=1${B64(salt)}${B64(hash)}";
    }

    public bool Verify(string password, string phc)
    {
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[1] != "argon2id")
        {
            return false;
        }
        var parameters = parts[3].Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        var salt = Convert.FromBase64String(Pad(parts[4]));
        var expected = Convert.FromBase64String(Pad(parts[5]));
        var actual = Compute(password, salt, parameters["m"], parameters["t"]);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = 1,
        };
        return argon.GetBytes(HashSize);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static string Pad(string s) => s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=');
}
