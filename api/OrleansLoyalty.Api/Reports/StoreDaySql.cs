using Npgsql;
using NpgsqlTypes;

namespace OrleansLoyalty.Api.Reports;

/// <summary>
/// What report statements share: rows are bucketed by the store's local day (its <c>time_zone</c>, else the chain's),
/// and the UTC window read is widened by a day each side so every zone's local days are whole.
/// </summary>
internal static class StoreDaySql
{
    /// <summary>The local day of <paramref name="column"/> for the row's store (joined as <c>s</c>).</summary>
    public static string LocalDay(string column) => $"({column} AT TIME ZONE coalesce(s.time_zone, @chain_zone))::date";

    /// <summary>Restricts the store column to the scope's stores, or nothing for the whole chain.</summary>
    public const string InScope = "(@stores::text[] IS NULL OR {0} = ANY(@stores))";

    public static void AddScope(NpgsqlCommand command, ReportScope scope, string chainZone)
    {
        command.Parameters.AddWithValue("from_day", scope.From);
        command.Parameters.AddWithValue("to_day", scope.To);
        command.Parameters.AddWithValue("from_utc", new DateTimeOffset(scope.From.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue("to_utc", new DateTimeOffset(scope.To.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue("chain_zone", chainZone);
        command.Parameters.Add(Stores(scope.StoreIds));
    }

    /// <summary><c>@stores</c> for <see cref="InScope"/>: the stores, or null for the whole chain.</summary>
    public static NpgsqlParameter Stores(IReadOnlyList<string>? storeIds) =>
        new("stores", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)storeIds?.ToArray() ?? DBNull.Value };
}
