using System.CommandLine;
using OrleansLoyalty.LaneSimulator;

var credentials = new Option<string>("--credentials", "-c") { Description = "credentials.json written by deploy/mosquitto.sh (broker host, port, lane logins)" };
var stores = new Option<string>("--stores") { Description = "store ids to play, comma separated (default: every store in the credentials file)", DefaultValueFactory = _ => "" };
var lanes = new Option<int?>("--lanes") { Description = "lanes per store (default: all in the file)" };
var rate = new Option<double>("--rate") { Description = "events per second over all lanes", DefaultValueFactory = _ => 50 };
var duration = new Option<int>("--duration") { Description = "seconds to run", DefaultValueFactory = _ => 30 };
var events = new Option<long?>("--events") { Description = "stop after this many events" };
var cards = new Option<string>("--cards") { Description = "member card numbers to swipe, from-to", DefaultValueFactory = _ => "8800000001-8800000200" };
var phones = new Option<string>("--phones") { Description = "member phone numbers to key in, from-to", DefaultValueFactory = _ => "13800000001-13800000200" };
var coupons = new Option<string>("--coupons") { Description = "coupon codes shoppers present, comma separated", DefaultValueFactory = _ => "WELCOME10" };
var timeout = new Option<int>("--timeout-ms") { Description = "how long a lane waits for the gateway's answer", DefaultValueFactory = _ => 5000 };
var seed = new Option<int>("--seed") { Description = "random seed (same seed, same shoppers)", DefaultValueFactory = _ => 42 };
var quiet = new Option<bool>("--quiet") { Description = "no progress line" };
var storedValue = new Option<double>("--stored-value") { Description = "share of pays made from the member's stored value where the display says no PIN is needed (0-1)", DefaultValueFactory = _ => 0.3 };
var tls = new Option<bool>("--tls") { Description = "connect as devices on the store's network do: to the broker's TLS listener (MQTT_TLS_PORT), trusting the store CA" };
var writeCatalog = new Option<string?>("--write-catalog") { Description = "write the demo catalog as a gateway offline catalog (Gateway:SeedCatalogPath) for --store and exit" };
var writeProducts = new Option<string?>("--write-products") { Description = "write the demo catalog as a PUT /api/v1/stores/{id}/products body and exit" };
var store = new Option<string>("--store") { Description = "store id for --write-catalog and --seed-members", DefaultValueFactory = _ => "s001" };
var seedMembers = new Option<string?>("--seed-members") { Description = "API base URL: register the shoppers (--phones with --cards, pairwise) as members with bound cards, and exit; admin password from LOYALTY_ADMIN_PASSWORD" };

var root = new RootCommand("OrleansLoyalty lane simulator: plays shoppers at checkout lanes through the store brokers")
{
    credentials, stores, lanes, rate, duration, events, cards, phones, coupons, timeout, seed, quiet, tls, storedValue, writeCatalog, writeProducts, store, seedMembers,
};
root.SetAction(async (result, cancellationToken) =>
{
    var time = TimeProvider.System;
    if (result.GetValue(writeCatalog) is { } catalogPath)
    {
        DemoCatalog.WriteGatewayCatalog(catalogPath, result.GetValue(store)!, time.GetUtcNow());
        Console.WriteLine($"wrote {catalogPath}");
        return 0;
    }
    if (result.GetValue(writeProducts) is { } productsPath)
    {
        DemoCatalog.WriteRestProducts(productsPath);
        Console.WriteLine($"wrote {productsPath}");
        return 0;
    }
    if (result.GetValue(seedMembers) is { } apiUrl)
    {
        var password = Environment.GetEnvironmentVariable("LOYALTY_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("--seed-members needs the admin password in LOYALTY_ADMIN_PASSWORD");
            return 2;
        }
        var (firstCard, lastCard) = Range(result.GetValue(cards)!);
        var (firstPhone, lastPhone) = Range(result.GetValue(phones)!);
        var count = (int)Math.Min(lastCard - firstCard, lastPhone - firstPhone) + 1;
        return await new MemberSeeder(new Uri(apiUrl), password, Console.Out).SeedAsync(result.GetValue(store)!, firstCard, firstPhone, count, cancellationToken, storedValueEvery: 3);
    }
    if (result.GetValue(credentials) is not { } credentialsPath)
    {
        Console.Error.WriteLine("--credentials is required (the credentials.json of deploy/mosquitto.sh)");
        return 2;
    }
    var (cardFrom, cardTo) = Range(result.GetValue(cards)!);
    var (phoneFrom, phoneTo) = Range(result.GetValue(phones)!);
    var settings = new SimulationSettings(
        credentialsPath,
        [.. result.GetValue(stores)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        result.GetValue(lanes),
        Math.Max(0.1, result.GetValue(rate)),
        TimeSpan.FromSeconds(result.GetValue(duration)),
        result.GetValue(events),
        cardFrom,
        cardTo,
        phoneFrom,
        phoneTo,
        [.. result.GetValue(coupons)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        TimeSpan.FromMilliseconds(result.GetValue(timeout)),
        result.GetValue(seed),
        result.GetValue(quiet),
        result.GetValue(tls),
        Math.Clamp(result.GetValue(storedValue), 0, 1));
    return await new Simulation(settings, time, Console.Out).RunAsync(cancellationToken);
});
return await root.Parse(args).InvokeAsync();

static (long From, long To) Range(string text)
{
    var parts = text.Split('-', 2);
    var from = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
    return (from, parts.Length == 2 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : from);
}
