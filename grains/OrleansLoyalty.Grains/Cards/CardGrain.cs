using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Cards;

/// <summary>
/// A card's status and stored value. Every change is written to storage, in one transaction with the ledger
/// entries that explain it, before the caller hears about it.
/// </summary>
public sealed class CardGrain(
    [PersistentState("card", "loyalty")] IPersistentState<CardState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IOptions<CardOptions> options,
    ILoyaltyEventPublisher events) : Grain, ICardGrain
{
    /// <summary>Marks a checkout whose debit was undone (or refused before it came).</summary>
    private const string CancelledKind = "storedvalue.cancelled";

    private string CardNo => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await WriteLegacyOutbox();
        if (state.State.PendingTransfer > 0)
        {
            await SendTransfer();
        }
    }

    public Task<CardSnapshot> Get() => Task.FromResult(Snapshot());

    public Task<CardSnapshot> EnsureUsable()
    {
        ThrowUnlessUsable();
        return Task.FromResult(Snapshot());
    }

    public async Task<CardSnapshot> Bind(string memberId, string medium, string storeId)
    {
        var s = state.State;
        if (s.Status != CardStatus.Unbound)
        {
            if (s.MemberId == memberId && s.Status == CardStatus.Active)
            {
                return Snapshot();
            }
            throw new LoyaltyException(ErrorCodes.CardAlreadyBound, $"Card {CardNo} is already bound.");
        }
        // The member first: an unknown member is refused before the card changes at all.
        await GrainFactory.GetGrain<IMemberGrain>(memberId).AttachCard(CardNo);
        s.Status = CardStatus.Active;
        s.MemberId = memberId;
        s.Medium = medium;
        await Save();
        return Snapshot();
    }

    public async Task<CardSnapshot> ReportLost(string storeId)
    {
        var s = state.State;
        RequireBound();
        if (s.Status == CardStatus.Lost)
        {
            return Snapshot();
        }
        ThrowUnlessUsable();
        s.Status = CardStatus.Lost;
        await Save();
        return Snapshot();
    }

    public async Task<CardSnapshot> ReportFound(string storeId)
    {
        var s = state.State;
        RequireBound();
        if (s.Status == CardStatus.Active)
        {
            return Snapshot();
        }
        if (s.Status != CardStatus.Lost)
        {
            ThrowUnlessUsable();
        }
        s.Status = CardStatus.Active;
        await Save();
        return Snapshot();
    }

    public async Task<CardSnapshot> Replace(string newCardNo, string storeId)
    {
        var s = state.State;
        RequireBound();
        if (s.Status == CardStatus.Replaced)
        {
            if (s.ReplacedBy == newCardNo)
            {
                return Snapshot();
            }
            throw new LoyaltyException(ErrorCodes.CardReplaced, $"Card {CardNo} was already replaced.");
        }
        if (s.Status is not (CardStatus.Active or CardStatus.Lost))
        {
            ThrowUnlessUsable();
        }
        var target = await GrainFactory.GetGrain<ICardGrain>(newCardNo).Get();
        if (target.Status != CardStatus.Unbound)
        {
            throw new LoyaltyException(ErrorCodes.CardAlreadyBound, $"Card {newCardNo} is already in use.");
        }
        s.Status = CardStatus.Replaced;
        s.ReplacedBy = newCardNo;
        s.PendingTransfer = s.Balance;
        if (s.Balance != 0)
        {
            AddLedger(TransferTxnId(newCardNo), LedgerKind.StoredValueTransferOut, -s.Balance, 0, storeId);
        }
        s.Balance = 0;
        await Save();
        await SendTransfer();
        return Snapshot();
    }

    public async Task<CardSnapshot> ReceiveReplacement(string oldCardNo, string memberId, string medium, long balance)
    {
        var s = state.State;
        if (s.Status != CardStatus.Unbound)
        {
            if (s.ReplacedFrom == oldCardNo)
            {
                return Snapshot();
            }
            throw new LoyaltyException(ErrorCodes.CardAlreadyBound, $"Card {CardNo} is already in use.");
        }
        s.Status = CardStatus.Active;
        s.MemberId = memberId;
        s.Medium = medium;
        s.ReplacedFrom = oldCardNo;
        s.Balance = balance;
        if (balance != 0)
        {
            AddLedger(TransferTxnId(CardNo, oldCardNo), LedgerKind.StoredValueTransferIn, balance, balance, null);
        }
        await Save();
        await GrainFactory.GetGrain<IMemberGrain>(memberId).AttachCard(CardNo);
        return Snapshot();
    }

    public async Task<CardSnapshot> TopUp(string txnId, long amount, string tender, string storeId)
    {
        if (Repeat(txnId, LedgerKind.StoredValueTopUp, amount))
        {
            return Snapshot();
        }
        ThrowUnlessUsable();
        var s = state.State;
        if (s.Balance + amount > options.Value.MaxBalance)
        {
            throw new LoyaltyException(ErrorCodes.StoredValueLimitExceeded,
                $"A card may hold at most {options.Value.MaxBalance} fen; this top-up would make {s.Balance + amount}.", 422);
        }
        s.Balance += amount;
        Remember(txnId, LedgerKind.StoredValueTopUp, amount);
        AddLedger(txnId, LedgerKind.StoredValueTopUp, amount, s.Balance, storeId);
        await Save();
        // After the durable write: a dashboard may miss it (it rebuilds from the ledger), the caller may not miss its answer.
        await events.PublishAsync(new StoredValueToppedUp
        {
            StoreId = storeId, At = clock.GetUtcNow(), TxnId = txnId, CardNoMasked = PersonalDataMask.CardNo(CardNo), Amount = amount,
        });
        return Snapshot();
    }

    public async Task<CardSnapshot> Refund(string txnId, long amount, string storeId)
    {
        if (Repeat(txnId, LedgerKind.StoredValueRefund, amount))
        {
            return Snapshot();
        }
        var s = state.State;
        RequireBound();
        if (s.Status == CardStatus.Replaced)
        {
            ThrowUnlessUsable();
        }
        if (amount > s.Balance)
        {
            throw new LoyaltyException(ErrorCodes.StoredValueInsufficient,
                $"The card holds {s.Balance} fen; {amount} cannot be paid out.", 409);
        }
        s.Balance -= amount;
        Remember(txnId, LedgerKind.StoredValueRefund, amount);
        AddLedger(txnId, LedgerKind.StoredValueRefund, -amount, s.Balance, storeId);
        await Save();
        return Snapshot();
    }

    public async Task<CardSnapshot> Debit(string txnId, long amount, string storeId)
    {
        if (TakeDebit(txnId, amount, storeId))
        {
            await Save();
        }
        return Snapshot();
    }

    public async Task<bool> DebitRecordingPlan(PlannedCheckoutRow plan, long amount)
    {
        if (!TakeDebit(plan.TxnId, amount, plan.StoreId))
        {
            return false;
        }
        state.State.Companions.PlannedCheckout = plan;
        try
        {
            await Save();
        }
        catch (CheckoutAlreadyRecordedException)
        {
            // Nothing was stored and this activation goes: its balance still has the debit taken off.
            return false;
        }
        return true;
    }

    /// <summary>Takes <paramref name="amount"/> off in memory for <paramref name="txnId"/>; false when it was taken already.</summary>
    private bool TakeDebit(string txnId, long amount, string storeId)
    {
        if (state.State.RecentMovements.Exists(m => m.TxnId == txnId && m.Kind == CancelledKind))
        {
            throw new LoyaltyException(ErrorCodes.TxnConflict, $"Checkout {txnId} was undone; it cannot take stored value any more.");
        }
        if (Repeat(txnId, LedgerKind.StoredValueSpent, amount))
        {
            return false;
        }
        ThrowUnlessUsable();
        var s = state.State;
        if (amount > s.Balance)
        {
            throw new LoyaltyException(ErrorCodes.StoredValueInsufficient,
                $"Card {CardNo} holds {s.Balance} fen; {amount} cannot be paid from it.", 409);
        }
        s.Balance -= amount;
        Remember(txnId, LedgerKind.StoredValueSpent, amount);
        AddLedger(txnId, LedgerKind.StoredValueSpent, -amount, s.Balance, storeId);
        return true;
    }

    public async Task<CardSnapshot> CancelDebit(string txnId, string storeId)
    {
        var s = state.State;
        var debit = s.RecentMovements.Find(m => m.TxnId == txnId && m.Kind == LedgerKind.StoredValueSpent);
        if (s.RecentMovements.Exists(m => m.TxnId == txnId && m.Kind == CancelledKind))
        {
            return Snapshot();
        }
        Remember(txnId, CancelledKind, debit?.Amount ?? 0);
        if (debit is not null)
        {
            s.Balance += debit.Amount;
            AddLedger(txnId, LedgerKind.StoredValueReturned, debit.Amount, s.Balance, storeId);
        }
        await Save();
        return Snapshot();
    }

    public async Task<CardSnapshot> Credit(string creditId, long amount, string storeId)
    {
        var s = state.State;
        if (s.Status == CardStatus.Replaced && s.ReplacedBy is { } successor)
        {
            // The balance moved to the new card, and so does anything given back later.
            return await GrainFactory.GetGrain<ICardGrain>(successor).Credit(creditId, amount, storeId);
        }
        if (Repeat(creditId, LedgerKind.StoredValueReturned, amount))
        {
            return Snapshot();
        }
        RequireBound();
        s.Balance += amount;
        Remember(creditId, LedgerKind.StoredValueReturned, amount);
        AddLedger(creditId, LedgerKind.StoredValueReturned, amount, s.Balance, storeId);
        await Save();
        return Snapshot();
    }

    private bool Repeat(string txnId, string kind, long amount)
    {
        var previous = state.State.RecentMovements.Find(m => m.TxnId == txnId);
        if (previous is null)
        {
            return false;
        }
        if (previous.Kind != kind || previous.Amount != amount)
        {
            throw new LoyaltyException(ErrorCodes.TxnConflict, $"txnId {txnId} was already used for a different request.");
        }
        return true;
    }

    private void Remember(string txnId, string kind, long amount)
    {
        var movements = state.State.RecentMovements;
        movements.Add(new CardMovement(txnId, kind, amount));
        if (movements.Count > options.Value.RememberedMovements)
        {
            movements.RemoveAt(0);
        }
    }

    private void AddLedger(string txnId, string kind, long amount, long balanceAfter, string? storeId)
    {
        var s = state.State;
        s.Companions.Ledger.Add(new LedgerEntry(s.MemberId ?? "", txnId, kind, 0, amount, balanceAfter, clock.GetUtcNow(), storeId, CardNo));
    }

    private Task Save() => state.WriteOrDropActivation(this);

    /// <summary>State written before ledger rows went with it kept them in an outbox in the state: they go out now, once.</summary>
    private async Task WriteLegacyOutbox()
    {
        var s = state.State;
        if (s.PendingLedger.Count == 0)
        {
            return;
        }
        s.Companions.Ledger.AddRange(s.PendingLedger);
        s.PendingLedger = [];
        await Save();
    }

    private async Task SendTransfer()
    {
        var s = state.State;
        await GrainFactory.GetGrain<ICardGrain>(s.ReplacedBy!).ReceiveReplacement(CardNo, s.MemberId!, s.Medium ?? "ic", s.PendingTransfer);
        s.PendingTransfer = 0;
        await Save();
    }

    private static string TransferTxnId(string newCardNo, string? oldCardNo = null) => $"replace:{oldCardNo ?? "self"}>{newCardNo}";

    private void RequireBound()
    {
        if (state.State.Status == CardStatus.Unbound)
        {
            throw new LoyaltyException(ErrorCodes.CardNotFound, $"Card {CardNo} is not bound to a member.", 404);
        }
    }

    private void ThrowUnlessUsable()
    {
        var s = state.State;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        switch (s.Status)
        {
            case CardStatus.Unbound:
                throw new LoyaltyException(ErrorCodes.CardNotFound, $"Card {CardNo} is not bound to a member.", 404);
            case CardStatus.Lost:
                throw new LoyaltyException(ErrorCodes.CardLost, $"Card {CardNo} was reported lost.");
            case CardStatus.Replaced:
                throw new LoyaltyException(ErrorCodes.CardReplaced, $"Card {CardNo} was replaced by another card.");
            case CardStatus.Expired:
                throw new LoyaltyException(ErrorCodes.CardExpired, $"Card {CardNo} has expired.");
            case CardStatus.Active when s.ExpiresOn is { } expires && expires < today:
                throw new LoyaltyException(ErrorCodes.CardExpired, $"Card {CardNo} expired on {expires:yyyy-MM-dd}.");
        }
    }

    private CardSnapshot Snapshot()
    {
        var s = state.State;
        return new CardSnapshot(CardNo, s.Status, s.MemberId, s.Medium, s.Balance, s.ExpiresOn, s.ReplacedBy);
    }
}
