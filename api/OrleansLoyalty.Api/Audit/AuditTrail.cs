using System.Security.Claims;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OrleansLoyalty.Api.Audit;

/// <summary>
/// Appends to <c>audit_log</c>: who did what to which resource, and when. An entry is written before the caller gets
/// its answer. Should the write fail, the action stands (it has already happened) and the failure is logged and
/// counted, not turned into an error for the caller.
/// </summary>
public sealed partial class AuditTrail(NpgsqlDataSource db, TimeProvider clock, ILogger<AuditTrail> logger)
{
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    public Task Record(ClaimsPrincipal user, string action, string resource, string? storeId = null, object? detail = null) =>
        Record(AuditActor.Of(user), action, resource, storeId, detail);

    public async Task Record(string actor, string action, string resource, string? storeId = null, object? detail = null)
    {
        try
        {
            await using var cmd = db.CreateCommand("""
                INSERT INTO audit_log (at, actor, action, resource, store_id, detail) VALUES (@at, @actor, @action, @resource, @store, @detail)
                """);
            cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
            cmd.Parameters.AddWithValue("actor", actor);
            cmd.Parameters.AddWithValue("action", action);
            cmd.Parameters.AddWithValue("resource", resource);
            cmd.Parameters.AddWithValue("store", (object?)storeId ?? DBNull.Value);
            cmd.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Jsonb)
            {
                Value = detail is null ? DBNull.Value : JsonSerializer.Serialize(detail, DetailJson),
            });
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogNotRecorded(logger, action, resource, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit entry {Action} on {Resource} could not be written")]
    private static partial void LogNotRecorded(ILogger logger, string action, string resource, Exception exception);
}
