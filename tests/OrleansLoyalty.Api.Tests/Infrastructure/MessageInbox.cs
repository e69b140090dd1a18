using System.Text.Json;

namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>
/// The messages of one channel the api's silo delivered into its drop folder (<c>sms.jsonl</c>, <c>email.jsonl</c>,
/// <c>wechat.jsonl</c>), as a phone or a mailbox would see them.
/// </summary>
public sealed class MessageInbox(string folder, string channel = "sms")
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public IReadOnlyList<JsonElement> To(string recipient)
    {
        var path = Path.Combine(folder, channel + ".jsonl");
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).Where(m => m.GetProperty("to").GetString() == recipient).ToList();
    }

    /// <summary>The code of the <paramref name="count"/>-th message to <paramref name="phone"/>, once it has arrived.</summary>
    public async Task<string> CodeFor(string phone, int count = 1) =>
        (await MessageFor(phone, count)).GetProperty("values").GetProperty("code").GetString()!;

    /// <summary>The text of the <paramref name="count"/>-th message to <paramref name="phone"/>, once it has arrived.</summary>
    public async Task<string> TextFor(string phone, int count = 1) =>
        (await MessageFor(phone, count)).GetProperty("text").GetString()!;

    private async Task<JsonElement> MessageFor(string phone, int count)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            var messages = To(phone);
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"no message #{count} reached {phone} within {Patience.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
