namespace OrleansLoyalty.EdgeGateway.Tests.Cluster;

/// <summary>Finds the built silo and api next to this test build (same configuration).</summary>
public static class RepositoryBuild
{
    public static string Dll(string projectFolder, string assembly)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansLoyalty.sln")))
        {
            directory = directory.Parent;
        }
        Assert.NotNull(directory);
        var configuration = AppContext.BaseDirectory.Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(directory!.FullName, projectFolder, assembly, "bin", configuration, "net10.0", assembly + ".dll");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution ({configuration}) first");
        return path;
    }
}
