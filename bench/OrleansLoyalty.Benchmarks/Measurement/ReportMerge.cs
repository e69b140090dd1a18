namespace OrleansLoyalty.Benchmarks.Measurement;

/// <summary>
/// A run limited with <c>--only</c> updates the saved report: its rows replace the rows of the same name (the
/// others stay), and its notes replace the saved notes with the same label (the text before the first colon).
/// </summary>
public static class ReportMerge
{
    public static BenchReport Into(BenchReport saved, BenchReport run)
    {
        var fresh = run.Results.Select(r => r.Scenario).ToHashSet(StringComparer.Ordinal);
        var labels = run.Notes.Select(Label).ToHashSet(StringComparer.Ordinal);
        return run with
        {
            Results = [.. saved.Results.Where(r => !fresh.Contains(r.Scenario)), .. run.Results],
            Notes = [.. saved.Notes.Where(n => !labels.Contains(Label(n))), .. run.Notes],
        };
    }

    private static string Label(string note) => note.Split(':', 2)[0];
}
