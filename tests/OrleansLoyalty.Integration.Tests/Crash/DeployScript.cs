using System.Diagnostics;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>Runs a deploy/ script as an operator would, against the database named by a connection string.</summary>
internal static class DeployScript
{
    private static readonly TimeSpan FinishWithin = TimeSpan.FromMinutes(2);

    /// <summary>The script's standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(string name, string connectionString, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuildOutput.DeployScript(name));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__ConnectionString"] = connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(FinishWithin);
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"{name} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await error}");
        return await output;
    }
}
