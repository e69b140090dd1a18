using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>
/// Registers the members the simulator's shoppers are (the i-th phone with the i-th card) through the
/// REST API, so that their swipes are recognised. Safe to run again: known phones and bound cards are skipped.
/// </summary>
public sealed class MemberSeeder(Uri api, string adminPassword, TextWriter output)
{
    /// <summary>¥300 on a card seeded with stored value.</summary>
    private const long SeedBalance = 30_000;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"];

    /// <param name="storedValueEvery">Every n-th shopper gets ¥300 on the card (0: none, as the edge benchmark seeds them).</param>
    public async Task<int> SeedAsync(string storeId, long cardFrom, long phoneFrom, int count, CancellationToken cancellationToken, int storedValueEvery = 0)
    {
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        var token = await TokenAsync(http, cancellationToken).ConfigureAwait(false);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var registered = 0;
        var bound = 0;
        var toppedUp = 0;
        for (var i = 0; i < count; i++)
        {
            var phone = (phoneFrom + i).ToString(CultureInfo.InvariantCulture);
            var cardNo = (cardFrom + i).ToString(CultureInfo.InvariantCulture);
            var name = Surnames[i % Surnames.Length] + GivenNames[i % GivenNames.Length];
            var (memberId, isNew) = await MemberAsync(http, storeId, phone, name, cancellationToken).ConfigureAwait(false);
            registered += isNew ? 1 : 0;
            using var card = await http.PostAsJsonAsync($"api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId }, cancellationToken).ConfigureAwait(false);
            if (card.IsSuccessStatusCode)
            {
                bound++;
            }
            else if (card.StatusCode != HttpStatusCode.Conflict)
            {
                await output.WriteLineAsync($"card {cardNo}: {(int)card.StatusCode} {await card.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}").ConfigureAwait(false);
            }
            // Some shoppers keep money on the card (储值), as supermarket members do; the txnId makes a rerun add none.
            if (storedValueEvery > 0 && i % storedValueEvery == 0)
            {
                using var topUp = await http.PostAsJsonAsync($"api/v1/cards/{cardNo}/top-ups",
                    new { txnId = $"seed-topup-{cardNo}", amount = SeedBalance, tender = "cash", storeId }, cancellationToken).ConfigureAwait(false);
                toppedUp += topUp.IsSuccessStatusCode ? 1 : 0;
            }
        }
        await output.WriteLineAsync($"members: {registered} registered, {count - registered} already there; cards: {bound} bound, {toppedUp} with stored value").ConfigureAwait(false);
        return 0;
    }

    private async Task<string> TokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { username = "admin", password = adminPassword }, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<(string MemberId, bool IsNew)> MemberAsync(HttpClient http, string storeId, string phone, string name, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("api/v1/members", new { phone, name, storeId, channel = "lane" }, cancellationToken).ConfigureAwait(false);
        if (created.IsSuccessStatusCode)
        {
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return (body.RootElement.GetProperty("memberId").GetString()!, true);
        }
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"registering {phone}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
        var found = await http.GetStringAsync($"api/v1/members?phone={phone}", cancellationToken).ConfigureAwait(false);
        using var member = JsonDocument.Parse(found);
        var root = member.RootElement.ValueKind == JsonValueKind.Array ? member.RootElement[0] : member.RootElement;
        return (root.GetProperty("memberId").GetString()!, false);
    }
}
