using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Contracts.Cards;

/// <summary>
/// One physical or virtual card: its status and its stored-value balance, and the member it belongs to.
/// Keyed by card number. Every money movement is idempotent by the caller's txnId.
/// </summary>
public interface ICardGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<CardSnapshot> Get();

    /// <summary>Binds an unbound card to a member; binding it again to the same member is a no-op.</summary>
    Task<CardSnapshot> Bind(string memberId, string medium, string storeId);

    /// <summary>The card stops working at once; its balance is kept for the replacement.</summary>
    Task<CardSnapshot> ReportLost(string storeId);

    /// <summary>
    /// 解挂: a card reported lost and found again works again, with its balance. Only a lost card can be found: a
    /// replaced one stays replaced (its balance moved), and finding an active card changes nothing.
    /// </summary>
    Task<CardSnapshot> ReportFound(string storeId);

    /// <summary>Moves member and balance to <paramref name="newCardNo"/>; this card becomes <c>replaced</c>.</summary>
    Task<CardSnapshot> Replace(string newCardNo, string storeId);

    /// <summary>Receives the balance of a replaced card (called by the old card).</summary>
    Task<CardSnapshot> ReceiveReplacement(string oldCardNo, string memberId, string medium, long balance);

    Task<CardSnapshot> TopUp(string txnId, long amount, string tender, string storeId);

    Task<CardSnapshot> Refund(string txnId, long amount, string storeId);

    /// <summary>Pays <paramref name="amount"/> of a checkout from stored value, once per txnId; never below zero.</summary>
    Task<CardSnapshot> Debit(string txnId, long amount, string storeId);

    /// <summary>
    /// <see cref="Debit"/> as a planned checkout's first step: the checkout's row (<paramref name="plan"/>) is recorded
    /// in the same durable write as the debit, so neither exists without the other. False, with nothing changed, when
    /// this txnId was already debited here or already has a live row: an earlier attempt recorded its plan.
    /// </summary>
    Task<bool> DebitRecordingPlan(PlannedCheckoutRow plan, long amount);

    /// <summary>
    /// Undoes the debit of <paramref name="txnId"/> if it happened, and refuses it from now on if it did not yet
    /// (a late, retried debit of an undone checkout must not take money).
    /// </summary>
    Task<CardSnapshot> CancelDebit(string txnId, string storeId);

    /// <summary>Gives stored value back for a return, once per <paramref name="creditId"/>.</summary>
    Task<CardSnapshot> Credit(string creditId, long amount, string storeId);

    /// <summary>Throws the card's status error (<c>card.lost</c>, …) unless the card can be used to pay or identify.</summary>
    [AlwaysInterleave]
    Task<CardSnapshot> EnsureUsable();
}
