using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// The golden file: one line per golden basket, <c>world/number</c>, the SHA-256 of its <see cref="PricingResult"/>'s
/// canonical JSON and, for every tenth basket, the JSON itself (so a failure can show what changed without the
/// file growing to megabytes). Gzip-compressed and embedded in the test assembly. It was written by the engine
/// as it was before the performance work; any change to what a basket prices to — a fen, a point, a label, a
/// line id, the order of a list — changes the hash.
/// </summary>
internal static class GoldenResults
{
    public const string FileName = "pricing-golden.jsonl.gz";

    /// <summary>Set to 1 to rewrite the golden file from the engine as it is now (then review the diff and commit it).</summary>
    public const string UpdateVariable = "PRICING_GOLDEN_UPDATE";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        // Chinese labels and messages stay readable in a failure message.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Canonical(PricingResult result) => JsonSerializer.Serialize(result, Options);

    public static string Canonical(PricingRequest request) => JsonSerializer.Serialize(request, Options);

    public static string Hash(string canonical) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Baskets whose whole result the file keeps next to the hash.</summary>
    public static bool KeepsWholeResult(string key) => key.EndsWith('0');

    /// <summary>Every golden basket priced by the engine as it is now, in file order.</summary>
    public static IEnumerable<(string Key, GoldenWorld World, PricingRequest Request, PricingResult Result)> PriceAll()
    {
        foreach (var (world, baskets) in GoldenWorlds.All())
        {
            for (var n = 0; n < baskets; n++)
            {
                var request = world.Request(n);
                yield return ($"{world.Name}/{n}", world, request, world.Engine.Price(request));
            }
        }
    }

    /// <summary>key → (hash, whole result or null).</summary>
    public static Dictionary<string, (string Hash, string? Result)> Load()
    {
        using var stream = typeof(GoldenResults).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"{FileName} is not embedded in the test assembly");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var golden = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            golden.Add(parts[0], (parts[1], parts[2].Length == 0 ? null : parts[2]));
        }
        return golden;
    }

    /// <summary>Writes the golden file next to this source file (not into the build output).</summary>
    public static string Write(IEnumerable<(string Key, string Canonical)> results, [CallerFilePath] string sourceFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(sourceFile)!, FileName);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (key, canonical) in results)
        {
            writer.WriteLine($"{key}\t{Hash(canonical)}\t{(KeepsWholeResult(key) ? canonical : "")}");
        }
        return path;
    }
}
