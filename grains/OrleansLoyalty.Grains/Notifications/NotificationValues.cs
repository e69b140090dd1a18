using System.Text.Json;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>A message's template values as the outbox stores them (JSON, web casing), for every template alike.</summary>
public static class NotificationValues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(object values) => JsonSerializer.Serialize(values, values.GetType(), Json);

    public static T Read<T>(string values) => JsonSerializer.Deserialize<T>(values, Json)!;
}
