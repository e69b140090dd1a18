using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Grains.Persistence;

/// <summary>
/// The rows that say what a state change did — ledger entries, the checkout it committed, the member's report
/// facts, the messages it sends — handed to the grain storage with the state. They go to PostgreSQL in the same transaction as the state
/// row, and only if the state row is written: a member's points and the ledger that explains them can never
/// disagree, and a checkout that changed a member is recorded exactly when the change is.
/// </summary>
/// <remarks>Not part of the serialized state (<c>[NonSerialized]</c>): the storage takes them with each write and clears them.</remarks>
public sealed class StateCompanions
{
    public List<LedgerEntry> Ledger { get; } = [];

    /// <summary>The checkout this write commits (a sale settled by this one grain, or the last step of a planned one).</summary>
    public CheckoutRecord? Checkout { get; set; }

    /// <summary>The planned checkout this write begins (a card's debit as the plan's first step): its row, committing.</summary>
    public PlannedCheckoutRow? PlannedCheckout { get; set; }

    /// <summary>The member's row in the <c>members</c> table for reports (registration, tier change).</summary>
    public MemberFacts? Facts { get; set; }

    /// <summary>Messages to send once the change is durable (the notification outbox).</summary>
    public List<OutboxMessage> Messages { get; } = [];

    public bool IsEmpty => Ledger.Count == 0 && Checkout is null && PlannedCheckout is null && Facts is null && Messages.Count == 0;

    public void Clear()
    {
        Ledger.Clear();
        Messages.Clear();
        Checkout = null;
        PlannedCheckout = null;
        Facts = null;
    }
}
