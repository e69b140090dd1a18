using System.Globalization;

namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>Names and lists the files of a journal folder.</summary>
internal static class JournalFiles
{
    private const string SegmentPrefix = "journal-";
    private const string SegmentSuffix = ".jsonl";

    public static string Segment(string directory, long index) =>
        Path.Combine(directory, $"{SegmentPrefix}{index.ToString("D8", CultureInfo.InvariantCulture)}{SegmentSuffix}");

    public static string Snapshot(string directory) => Path.Combine(directory, "state.json");

    /// <summary>Segment indexes present, oldest first.</summary>
    public static List<long> ListSegments(string directory)
    {
        var indexes = new List<long>();
        foreach (var path in Directory.EnumerateFiles(directory, SegmentPrefix + "*" + SegmentSuffix))
        {
            var name = Path.GetFileName(path);
            var digits = name[SegmentPrefix.Length..^SegmentSuffix.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexes.Add(index);
            }
        }
        indexes.Sort();
        return indexes;
    }
}
