using System.Text.Json;
using OrleansLoyalty.EdgeGateway.Json;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The offline copies on disk: written to a temp file, fsync'd and renamed, so that a crash leaves the
/// old copy or the new one, never half of one.
/// </summary>
internal static class JsonSnapshotFile
{
    public static void Write<T>(string path, T value)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, value, GatewayJson.Options);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static T? Read<T>(string? path) where T : class =>
        string.IsNullOrWhiteSpace(path) || !File.Exists(path)
            ? null
            : JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), GatewayJson.Options);
}
