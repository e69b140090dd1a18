using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// A member's durable state: small by design (balances, lots, open coupons, recent txnIds). The history
/// lives in the ledger table. Personal data is one encrypted blob.
/// </summary>
[GenerateSerializer, Alias("state.Member")]
public sealed class MemberState : IHasCompanions
{
    [Id(0)] public bool Registered { get; set; }
    /// <summary>The <see cref="OrleansLoyalty.Contracts.Members.MemberProfile"/> as JSON, AES-GCM encrypted.</summary>
    [Id(1)] public string ProtectedProfile { get; set; } = "";
    [Id(2)] public string HomeStoreId { get; set; } = "";
    [Id(3)] public string Channel { get; set; } = "";
    [Id(4)] public string ReferralCode { get; set; } = "";
    [Id(5)] public string? ReferrerMemberId { get; set; }
    [Id(6)] public string Tier { get; set; } = "";
    [Id(7)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(8)] public DateTimeOffset TierChangedAt { get; set; }
    [Id(9)] public List<PointsLotState> Lots { get; set; } = [];
    /// <summary>Spend and visits per store-local month ("yyyy-MM"), the last 13 months: the tier window.</summary>
    [Id(10)] public List<MonthlyActivity> Activity { get; set; } = [];
    [Id(11)] public List<string> CardNos { get; set; } = [];
    [Id(12)] public List<Coupon> Coupons { get; set; } = [];
    [Id(13)] public List<MemberCheckoutResult> RecentCheckouts { get; set; } = [];
    /// <summary>Legacy outbox: ledger entries of state written before they went in the same transaction (written on activation).</summary>
    [Id(14)] public List<LedgerEntry> PendingLedger { get; set; } = [];
    /// <summary>Legacy outbox: the members row for reports still had to be written (written on activation).</summary>
    [Id(15)] public bool FactsPending { get; set; }
    /// <summary>The referrer is still owed the referral gift for this member's first purchase.</summary>
    [Id(16)] public bool ReferralGiftPending { get; set; }
    [Id(17)] public bool HasPurchased { get; set; }
    /// <summary>Points below zero after a return took back points already spent; repaid by later earning.</summary>
    [Id(18)] public long Debt { get; set; }
    /// <summary>The store-local day the tier was last reviewed (or changed); the next review is a year later.</summary>
    [Id(19)] public DateOnly TierReviewedOn { get; set; }
    /// <summary>Coupons issued by head office: issue id → code, so a repeated issue gives the same coupon.</summary>
    [Id(20)] public Dictionary<string, string> CouponIssues { get; set; } = new(StringComparer.Ordinal);
    /// <summary>How often this member has used each campaign (for per-member limits).</summary>
    [Id(21)] public Dictionary<string, int> CampaignUses { get; set; } = new(StringComparer.Ordinal);
    /// <summary>When the member's personal data was erased on request; they are then no longer <see cref="Registered"/>.</summary>
    [Id(22)] public DateTimeOffset? ErasedAt { get; set; }
    /// <summary>The reminders already sent (their keys, e.g. <c>points.expiring:2027-12-31</c>), newest last, the last 32.</summary>
    [Id(23)] public List<string> NoticesGiven { get; set; } = [];
    /// <summary>When reminders were sent in the last 7 days: the weekly cap.</summary>
    [Id(24)] public List<DateTimeOffset> NoticesSentAt { get; set; } = [];
    /// <summary>The store-local day of the last purchase (null: none since this was recorded).</summary>
    [Id(25)] public DateOnly? LastPurchaseOn { get; set; }
    /// <summary>The index key of a phone the member moved away from, still to be freed (retried on activation).</summary>
    [Id(26)] public string? PhoneKeyToRelease { get; set; }
    /// <summary>
    /// Whether the member may have a payment PIN: false only when they certainly have none (registered since this was
    /// kept, and never set one, or cleared at the desk); true once a PIN is being set; null for members from before,
    /// whose PIN grain is asked. Lanes skip the PIN grain only on false.
    /// </summary>
    [Id(27)] public bool? PaymentPinSet { get; set; }

    [NonSerialized] private readonly StateCompanions _companions = new();

    /// <summary>Rows that go with the next write (not serialized).</summary>
    public StateCompanions Companions => _companions;
}

[GenerateSerializer, Alias("state.PointsLot")]
public sealed record PointsLotState([property: Id(0)] DateOnly ExpiresOn, [property: Id(1)] long Points);

[GenerateSerializer, Alias("state.MonthlyActivity")]
public sealed record MonthlyActivity([property: Id(0)] string Month, [property: Id(1)] long Spend, [property: Id(2)] int Visits);
