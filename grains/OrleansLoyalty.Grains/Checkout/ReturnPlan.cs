using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>A return decided before any of it happens, stored in its row so a crash cannot leave it half-done.</summary>
/// <param name="CategoryRefunds">The refund per top-level category of the sale (null in plans recorded before it was kept).</param>
public sealed record ReturnPlan(
    string TxnId,
    string OriginalTxnId,
    string RequestHash,
    ReturnRequest Request,
    ReturnResult Result,
    string? MemberId,
    MemberReturnEffect? MemberEffect,
    ImmutableArray<CardDebit> CardCredits,
    DateTimeOffset At,
    IReadOnlyDictionary<string, long>? CategoryRefunds = null);
