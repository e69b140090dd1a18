using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansLoyalty.Grains.Cards;
using OrleansLoyalty.Grains.Checkout;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using OrleansLoyalty.Grains.Pricing;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>
/// One in-process silo with memory storage and the real grain services (protector, programme, pricing), the
/// database tables replaced by in-memory ones the tests can look into (written with the grains' state, as in
/// PostgreSQL). Shared by a whole collection.
/// </summary>
public sealed class LoyaltyClusterFixture : IAsyncLifetime
{
    /// <summary>A Tuesday, 10:00 in Shanghai: not member day (Wednesday), so prices are plain.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    public TravelClock Clock { get; } = new(Start);
    public InMemoryLedger Ledger { get; } = new();
    public InMemoryMemberFacts Facts { get; } = new();
    public InMemoryOutbox Outbox { get; } = new();
    public RecordingEventPublisher Events { get; } = new();
    public InMemoryCheckoutStore Checkouts { get; }

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The same protector the silo uses (same keys), for tests that forge what a grain would have stored.</summary>
    public PersonalDataProtector Protector { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    /// <summary>The silo's member app codes, to make the code a member's app would show.</summary>
    public MemberAppCodes Codes => Cluster.Silos[0].ServiceProvider.GetRequiredService<MemberAppCodes>();

    public LoyaltyClusterFixture()
    {
        Checkouts = new InMemoryCheckoutStore(Clock);
    }

    public async Task InitializeAsync()
    {
        var dataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var indexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Protector = new PersonalDataProtector(Microsoft.Extensions.Options.Options.Create(new SecurityOptions { DataKey = dataKey, IndexKey = indexKey }));
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage("loyalty", (sp, _) => new CompanionWritingMemoryStorage(
                new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()), Ledger, Facts, Checkouts, Outbox));
            silo.AddMemoryGrainStorageAsDefault();
            var services = silo.Services;
            // Only the product's grains read the fake clock; Orleans' own timers keep real time.
            services.AddKeyedSingleton<TimeProvider>(LoyaltyClock.Key, Clock);
            services.AddSingleton<OrleansLoyalty.Contracts.Events.ILoyaltyEventPublisher>(Events);
            services.AddSingleton<ICheckoutStore>(Checkouts);
            services.AddOptions<SecurityOptions>().Configure(o =>
            {
                o.DataKey = dataKey;
                o.IndexKey = indexKey;
            });
            services.AddOptions<CardOptions>();
            services.AddOptions<ChainOptions>();
            services.AddOptions<MemberOptions>().Configure(o => o.DailyReviewReminder = false);
            services.AddSingleton<PersonalDataProtector>();
            services.AddSingleton(new DeliverableChannels(NotificationChannels.All));
            services.AddOptions<MemberAppCodeOptions>();
            services.AddSingleton<MemberAppCodes>();
            services.AddSingleton<MemberSegments>();
            services.AddSingleton<ProgrammeHolder>();
            services.AddSingleton<IProgrammeSource>(sp => sp.GetRequiredService<ProgrammeHolder>());
            services.AddSingleton<PricingEngines>();
            services.AddSingleton<BasketPricer>();
            services.AddSingleton<Quoter>();
            services.AddSingleton<SalePlanner>();
            services.AddSingleton<PaymentPinGate>();
            services.AddOptions<PaymentPinOptions>();
            services.AddSingleton<SaleSettlement>();
            services.AddSingleton<Committer>();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
    }
}
