using System.Reflection;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>Paths the project file stamps into this assembly: the api of the same configuration, and TestResults.</summary>
internal static class BuildOutput
{
    public static string ApiDll
    {
        get
        {
            var path = Metadata("LoyaltyApiDll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"The api is not built at {path}; build api/OrleansLoyalty.Api in the same configuration as the tests.");
        }
    }

    /// <summary>A script of the repository's deploy/ folder, e.g. <c>backup.sh</c>.</summary>
    public static string DeployScript(string name) => Path.Combine(Metadata("LoyaltyRepoRoot"), "deploy", name);

    /// <summary>A folder under TestResults for the child processes' logs.</summary>
    public static string LogDirectory
    {
        get
        {
            var path = Path.Combine(Metadata("LoyaltyTestResults"), "crash");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    private static string Metadata(string key) =>
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing (see the test project file).");
}
