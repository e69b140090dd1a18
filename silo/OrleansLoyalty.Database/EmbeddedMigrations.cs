using System.Reflection;

namespace OrleansLoyalty.Database;

/// <summary>The migrations compiled into this assembly from deploy/sql/*.sql, in name order.</summary>
public static class EmbeddedMigrations
{
    private const string ResourcePrefix = "migrations/";
    private const string ResourceSuffix = ".sql";

    public static IReadOnlyList<Migration> Load() => Load(typeof(EmbeddedMigrations).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                           && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new Migration(IdOf(name), ReadResource(assembly, name)))
            .ToList();
        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No embedded migrations found in {assembly.GetName().Name}; deploy/sql/*.sql must be embedded as '{ResourcePrefix}<file>.sql'.");
        }

        return migrations;
    }

    private static string IdOf(string resourceName) =>
        resourceName[ResourcePrefix.Length..^ResourceSuffix.Length];

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Embedded migration '{name}' vanished.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
