using System.Globalization;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>
/// How the late answers of a run lie in time. Spread evenly over the run, they are queueing at saturation. Bunched
/// into a few short windows, they are stalls: a garbage collection, or a process waiting for a core, holding up
/// everything at once. The edge benchmark's tail has been both (bench/analysis.md, "Edge").
/// </summary>
/// <param name="Answers">Answers in the run.</param>
/// <param name="Late">Answers slower than the threshold.</param>
/// <param name="Windows">Windows of the run (empty ones too).</param>
/// <param name="WindowsWithLate">Windows holding at least one late answer.</param>
/// <param name="WorstWindows">How many windows "the worst" are (a twentieth of the run, at least one).</param>
/// <param name="LateInWorst">Late answers in those windows.</param>
public sealed record StallProfile(long Answers, long Late, int Windows, int WindowsWithLate, int WorstWindows, long LateInWorst)
{
    public static StallProfile Of(IReadOnlyCollection<(long AnsweredAt, long Micros)> answers, long lateMicros, long windowTicks)
    {
        if (answers.Count == 0)
        {
            return new StallProfile(0, 0, 0, 0, 0, 0);
        }
        var start = answers.Min(a => a.AnsweredAt);
        var windows = (int)((answers.Max(a => a.AnsweredAt) - start) / windowTicks) + 1;
        var latePerWindow = new long[windows];
        foreach (var (answeredAt, micros) in answers)
        {
            if (micros > lateMicros)
            {
                latePerWindow[(answeredAt - start) / windowTicks]++;
            }
        }
        var worst = Math.Max(1, windows / 20);
        var ranked = latePerWindow.OrderDescending().ToArray();
        return new StallProfile(answers.Count, latePerWindow.Sum(), windows, latePerWindow.Count(n => n > 0), worst, ranked.Take(worst).Sum());
    }

    /// <summary>The late answers' share that falls in the worst twentieth of the windows: 5 % when spread evenly, near 100 % when all are stalls.</summary>
    public double WorstShare => Late == 0 ? 0 : (double)LateInWorst / Late;

    public string Describe(string threshold, string window) => string.Create(CultureInfo.InvariantCulture,
        $"{Late:#,0} of {Answers:#,0} answers over {threshold} ({(Answers == 0 ? 0 : 100.0 * Late / Answers):0.0} %), in {WindowsWithLate:#,0} of {Windows:#,0} {window} windows; {100 * WorstShare:0} % of them in the worst {WorstWindows:#,0} windows");
}
