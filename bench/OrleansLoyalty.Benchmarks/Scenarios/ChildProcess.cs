using System.Diagnostics;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>A process the runner started and stops again (by its own handle, never by name).</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static ChildProcess Start(string file, IEnumerable<string> args, IDictionary<string, string?> env, string logPath)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log);
    }

    /// <summary>Runs a command to its end and returns its standard output (standard error goes to the console).</summary>
    /// <param name="interruptWhen">
    /// Sees each line of standard error as it comes; once it answers true the command gets SIGINT (a command like wrk
    /// then stops early and still reports).
    /// </param>
    public static async Task<string> RunToEnd(string file, IEnumerable<string> args, IDictionary<string, string?>? env = null,
        Func<string, bool>? interruptWhen = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = ReadErrors(process, interruptWhen);
        await process.WaitForExitAsync();
        var err = await stderr;
        if (err.Length > 0)
        {
            Console.Error.Write(err.Length > 2000 ? err[..2000] : err);
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}");
        }
        return await stdout;
    }

    private static async Task<string> ReadErrors(Process process, Func<string, bool>? interruptWhen)
    {
        if (interruptWhen is null)
        {
            return await process.StandardError.ReadToEndAsync();
        }
        var text = new System.Text.StringBuilder();
        var interrupted = false;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            text.AppendLine(line);
            if (!interrupted && interruptWhen(line))
            {
                interrupted = true;
                // .NET can only kill; kill(1) sends the interrupt by this process's id (never by name).
                await RunToEnd("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
