using System.Globalization;
using System.Security.Claims;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Api.Validation;

namespace OrleansLoyalty.Api.Reports;

/// <summary>
/// What one report request covers: a range of store-local days, how it is cut, and the stores (null: the whole chain,
/// for head office). Managers see their own stores only.
/// </summary>
public sealed record ReportScope(DateOnly From, DateOnly To, string By, IReadOnlyList<string>? StoreIds, string? Format)
{
    public const int LongestRangeDays = 731;

    public static readonly string[] Formats = ["json", "csv", "xlsx"];

    /// <summary>Validates the query's fields and the caller's right to the stores; throws a 400 or 403 problem otherwise.</summary>
    public static ReportScope Parse(string? from, string? to, string? by, string? storeId, string? format, ClaimsPrincipal user, TimeProvider clock, TimeZoneInfo chainZone)
    {
        var rules = new Rules();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), chainZone).DateTime);
        var start = Date(rules, "from", from) ?? today.AddDays(-29);
        var end = Date(rules, "to", to) ?? today;
        if (end < start)
        {
            rules.Add("to", "must not be before from");
        }
        else if (end.DayNumber - start.DayNumber >= LongestRangeDays)
        {
            rules.Add("to", $"must be at most {LongestRangeDays} days after from");
        }
        rules.OneOf("by", by, ReportPeriods.All);
        StoreAndFormat(rules, storeId, format).ThrowIfAny();
        return new ReportScope(start, end, by ?? ReportPeriods.Day, Stores(user, storeId), FileFormat(format));
    }

    /// <summary>The two query fields every report has: an optional store and an optional format.</summary>
    public static Rules StoreAndFormat(Rules rules, string? storeId, string? format)
    {
        rules.OneOf("format", format, Formats);
        if (storeId is not null)
        {
            rules.StoreId("storeId", storeId);
        }
        return rules;
    }

    /// <summary>The file asked for (<c>csv</c>, <c>xlsx</c>), or null for JSON.</summary>
    public static string? FileFormat(string? format) => format is "json" ? null : format;

    /// <summary>The stores a report may read for this caller: the one asked for (if theirs), all of theirs, or the chain (null).</summary>
    public static IReadOnlyList<string>? Stores(ClaimsPrincipal user, string? storeId)
    {
        if (storeId is not null)
        {
            user.RequireStore(storeId);
            return [storeId];
        }
        return user.IsAdmin() ? null : user.Stores();
    }

    /// <summary>Names the range in file names and audit entries: <c>2026-11-01-2026-11-30</c>.</summary>
    public string RangeName => $"{From:yyyy-MM-dd}-{To:yyyy-MM-dd}";

    private static DateOnly? Date(Rules rules, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        rules.Add(field, "must be a date as YYYY-MM-DD");
        return null;
    }
}
