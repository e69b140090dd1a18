using System.Diagnostics;
using System.Net;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// The real api with its co-hosted silo as a child process (<c>dotnet OrleansLoyalty.Api.dll</c>), its output
/// written straight to a log file by the shell so nothing is lost when it is killed.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>How a process killed by SIGKILL reports itself on Linux: 128 + 9.</summary>
    private const int KilledBySigkill = 137;

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private readonly Process _process;

    private ApiProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Id => _process.Id;

    /// <summary>Starts the api and returns once <c>/health/ready</c> answers 200 (or throws with the log's tail).</summary>
    public static async Task<ApiProcess> StartAsync(ApiProcessSettings settings, string name)
    {
        var logPath = Path.Combine(BuildOutput.LogDirectory, $"{name}-{settings.ClusterId}.log");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        // exec: the shell becomes dotnet, so the pid we kill is the api itself.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$1\" >>\"$2\" 2>&1");
        start.ArgumentList.Add(DotnetHost());
        start.ArgumentList.Add(BuildOutput.ApiDll);
        start.ArgumentList.Add(logPath);
        start.WorkingDirectory = Path.GetDirectoryName(BuildOutput.ApiDll)!;
        foreach (var (key, value) in settings.Environment)
        {
            start.Environment[key] = value;
        }
        var api = new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), logPath);
        try
        {
            await api.WaitUntilReadyAsync(settings.BaseAddress);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, no leaving the cluster. Throws unless SIGKILL ended it.</summary>
    public async Task KillHardAsync()
    {
        // On Unix Process.Kill() sends SIGKILL; the exit code proves it.
        _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        if (_process.ExitCode != KilledBySigkill)
        {
            throw new InvalidOperationException($"The api (pid {_process.Id}) exited with {_process.ExitCode}, not by SIGKILL; see {LogPath}");
        }
    }

    private async Task WaitUntilReadyAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(started) < ReadyWithin)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The api exited with {_process.ExitCode} before it was ready:\n{LogTail()}");
            }
            try
            {
                using var reply = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (reply.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), clock);
        }
        throw new TimeoutException($"The api was not ready within {ReadyWithin.TotalSeconds:0}s:\n{LogTail()}");
    }

    public string LogTail(int lines = 60)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogPath).TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log {LogPath} unreadable: {e.Message})";
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
