using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Contracts.Members;

/// <summary>
/// One member: profile (encrypted at rest), tier, points lots and coupons, kept in memory so a lane's
/// decision never waits on storage. Keyed by member id.
/// </summary>
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>Creates the member; a second call with the same key is refused.</summary>
    Task<RegistrationResult> Register(RegisterMember command);

    /// <summary>The member as it is now, or null when no member has this id.</summary>
    [AlwaysInterleave]
    Task<MemberSnapshot?> Get();

    /// <summary>Tier, birthday, points and coupons for pricing a basket, or null when no member has this id.</summary>
    [AlwaysInterleave]
    Task<MemberPricingView?> GetPricingView();

    Task<MemberSnapshot> UpdateContact(ContactChanges changes);

    /// <summary>
    /// Moves the member to another phone number: the new number's index is claimed first (another member's →
    /// <c>member.phone_taken</c>), then the profile changes, then the old number is freed. Whoever calls has checked
    /// that the member owns the new number (a code sent to it, or staff who saw the member).
    /// </summary>
    Task<MemberSnapshot> ChangePhone(string phone);

    /// <summary>
    /// Tells the member by SMS that their payment PIN was set or changed (or, <paramref name="removed"/>, cleared at the
    /// desk: from then on the member is known to have none).
    /// </summary>
    Task TellPaymentPinChanged(bool removed);

    /// <summary>
    /// Records that the member may have a payment PIN, before their PIN grain stores one: the member's pricing view then
    /// never says "no PIN" while a PIN exists. Refused for a member not registered.
    /// </summary>
    Task NotePaymentPinSet();

    /// <summary>
    /// The member's PIN grain woke holding no PIN: a member registered before the "may have a PIN" flag existed (flag
    /// unknown) is from then on known to have none, kept with the member's next save, so later quotes and pays skip the PIN
    /// grain as for members registered since. A known flag is never changed here. One-way: nobody waits for it.
    /// </summary>
    [OneWay]
    Task LearnNoPaymentPin();

    /// <summary>Whether the points exchange <paramref name="txnId"/> happened (a reward's stock settling a reservation).</summary>
    Task<bool> HasExchanged(string txnId);

    /// <summary>Links a card to the member; idempotent.</summary>
    Task AttachCard(string cardNo);

    /// <summary>
    /// Settles a purchase on the member and records the sale (its <c>checkout_transactions</c> row and ledger entries) in
    /// the same durable write, once per txnId: a repeat changes nothing and answers <see cref="MemberCheckoutOutcome.Replayed"/>.
    /// Refused (nothing changes) when a coupon is used, points are short, a campaign limit is reached, or the txnId is
    /// already recorded for another transaction.
    /// </summary>
    Task<MemberCheckoutOutcome> CommitCheckout(MemberCheckoutEffect effect, SaleDraft sale);

    /// <summary>Credits the referral gift for <paramref name="refereeMemberId"/>'s first purchase, once per referee.</summary>
    Task GrantReferralGift(string refereeMemberId, string storeId);

    /// <summary>Applies a return's effect, once per return txnId; points already spent leave the balance negative.</summary>
    Task<MemberCheckoutResult> ApplyReturn(MemberReturnEffect effect);

    /// <summary>
    /// Erases the member's personal data on their request (docs/privacy.md): profile, phone index, sign-in. Refused while
    /// any of their cards holds stored value (it must be refunded first). Points, coupons and the ledger stay as
    /// the chain's financial record under the member id, which names no one once the profile is gone. Afterwards the
    /// member no longer exists for any caller; a repeat answers the first erasure's time.
    /// </summary>
    Task<DateTimeOffset> Erase();

    /// <summary>
    /// A sale paid with stored value took the member's cards below the reminder threshold (<c>Notices:LowBalance</c>):
    /// the member is reminded once for <paramref name="txnId"/>. One-way: the sale's answer does not wait for it.
    /// </summary>
    [OneWay]
    Task RemindLowBalance(string txnId, long storedValueLeft);

    /// <summary>
    /// A reminder the member's chosen channel would not take (WeChat without a subscription) goes to their phone
    /// instead, as <c>{messageId}:sms</c> (once however often it is asked), after the quiet hours. Nothing for a member
    /// erased meanwhile.
    /// </summary>
    Task SendBySms(string messageId, string template, string values);

    /// <summary>Gives the member a coupon of <paramref name="template"/>, once per <paramref name="issueId"/> (a repeat returns the same coupon).</summary>
    Task<Domain.Coupon> IssueCoupon(Domain.CouponTemplate template, string issueId);

    /// <summary>
    /// Buys a coupon (or a gift coupon) with points: burns the template's <c>PointsPrice</c> from the oldest lots and
    /// issues the coupon in one write, once per <paramref name="txnId"/> (a repeat answers the first exchange). Not
    /// enough points → <c>409 points.insufficient</c>; the same txnId for another template → <c>409 txn.conflict</c>.
    /// </summary>
    Task<PointsExchange> ExchangePoints(string txnId, Domain.CouponTemplate template, string? storeId);
}
