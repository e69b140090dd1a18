using System.Net;
using System.Text.Json.Nodes;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>What the api answered: status and parsed body.</summary>
internal sealed record ApiReply(HttpStatusCode Status, JsonNode? Body, string Text)
{
    public string? Code => Body is JsonObject o && o["code"] is JsonValue v ? v.GetValue<string>() : null;

    public long Long(string property) => Body![property]!.GetValue<long>();

    public override string ToString() => $"{(int)Status} {Text}";
}
