using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Grains.Programme;
using OrleansLoyalty.Grains.Reporting;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// A member's profile, tier, points and coupons. State is written before any caller hears "done", in one
/// transaction with the ledger entries that explain it and, for a purchase, the sale's own row
/// (<see cref="StateCompanions"/>): the member's points and the record of why can never disagree.
/// </summary>
public sealed partial class MemberGrain(
    [PersistentState("member", "loyalty")] IPersistentState<MemberState> state,
    PersonalDataProtector protector,
    IProgrammeSource programme,
    IOptions<ChainOptions> chain,
    IOptions<MemberOptions> memberOptions,
    IOptions<NoticeOptions> noticeOptions,
    DeliverableChannels deliverable,
    ILoyaltyEventPublisher events,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IMemberGrain
{
    /// <summary>
    /// Settled txnIds kept for deduplication. A sale's own row is the lasting record (written with the same write), so
    /// this only has to cover retries and recoveries, which come within minutes: a member does not shop 64 times in that.
    /// </summary>
    private const int RememberedCheckouts = 64;
    private MemberProfile? _profile;

    private string MemberId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Registered)
        {
            _profile = JsonSerializer.Deserialize<MemberProfile>(protector.Decrypt(state.State.ProtectedProfile));
        }
        await WriteLegacyOutbox();
        await Housekeep();
        if (state.State.ReferralGiftPending)
        {
            await SendReferralGift();
        }
        if (state.State.PhoneKeyToRelease is not null)
        {
            await ReleaseOldPhone();
        }
    }

    public async Task<RegistrationResult> Register(RegisterMember command)
    {
        if (state.State.Registered || state.State.ErasedAt is not null)
        {
            throw new LoyaltyException(ErrorCodes.MemberPhoneTaken, "This member is already registered.");
        }
        var rules = programme.Current;
        var now = clock.GetUtcNow();
        var today = chain.Value.LocalDate(now);
        var s = state.State;
        s.Registered = true;
        s.HomeStoreId = command.StoreId;
        s.Channel = command.Channel;
        s.Tier = rules.Tiers[0].Id;
        s.RegisteredAt = now;
        s.TierChangedAt = now;
        s.TierReviewedOn = today;
        s.PaymentPinSet = false;
        s.ReferralCode = await ClaimReferralCode();
        s.ReferrerMemberId = command.ReferralCode is null
            ? null
            : await GrainFactory.GetGrain<IReferralIndexGrain>(command.ReferralCode.ToUpperInvariant()).GetMemberId();
        SetProfile(command.Profile);

        var signUp = rules.Gifts.SignUp;
        var giftCoupons = new List<string>();
        if (signUp.Points > 0)
        {
            MemberWallet.Earn(s, signUp.Points, today, rules.Expiry);
            AddLedger("signup", LedgerKind.PointsSignupGift, signUp.Points, command.StoreId, now);
        }
        if (signUp.Coupon is { } template)
        {
            var coupon = template.Issue(CouponCodes.New(), today);
            s.Coupons.Add(coupon);
            giftCoupons.Add(coupon.Code);
        }
        IssueBirthdayCoupon(today);
        s.Companions.Facts = Facts();
        await Save();
        await KeepDailyReview();
        // After the durable write: a dashboard may miss it (it rebuilds from the members table), the caller may not miss its answer.
        await events.PublishAsync(new MemberRegistered { StoreId = command.StoreId, At = now, MemberId = MemberId, Tier = s.Tier });
        return new RegistrationResult(Snapshot(), signUp.Points, giftCoupons);
    }

    public Task<MemberSnapshot?> Get() => Task.FromResult(state.State.Registered ? Snapshot() : null);

    public Task<MemberPricingView?> GetPricingView()
    {
        var s = state.State;
        if (!s.Registered)
        {
            return Task.FromResult<MemberPricingView?>(null);
        }
        var p = _profile!;
        var birthday = PricingBirthday();
        var context = new MemberContext(MemberId, s.Tier, birthday, MemberWallet.Balance(s), [.. s.Coupons], s.CampaignUses.ToImmutableDictionary(StringComparer.Ordinal));
        return Task.FromResult<MemberPricingView?>(new MemberPricingView(context, PersonalDataMask.Name(p.Name), s.CardNos.ToList(), s.PaymentPinSet));
    }

    public async Task<MemberSnapshot> UpdateContact(ContactChanges changes)
    {
        RequireRegistered();
        var p = _profile!;
        SetProfile(p with
        {
            Name = changes.Name ?? p.Name,
            Email = changes.Email ?? p.Email,
            Gender = changes.Gender ?? p.Gender,
            Birthday = changes.Birthday ?? p.Birthday,
            BirthdayCalendar = changes.BirthdayCalendar ?? p.BirthdayCalendar,
            ConsentMarketing = changes.ConsentMarketing ?? p.ConsentMarketing,
            NotifyBy = changes.NotifyBy ?? (changes.UnbindWeChat && p.NotifyBy == NotificationChannels.WeChat ? NotificationChannels.Sms : p.NotifyBy),
            WeChatOpenId = changes.UnbindWeChat ? null : changes.WeChatOpenId ?? p.WeChatOpenId,
        });
        await Save();
        return Snapshot();
    }

    public async Task AttachCard(string cardNo)
    {
        RequireRegistered();
        if (!state.State.CardNos.Contains(cardNo))
        {
            state.State.CardNos.Add(cardNo);
            await Save();
        }
    }

    public async Task<MemberCheckoutOutcome> CommitCheckout(MemberCheckoutEffect effect, SaleDraft sale)
    {
        RequireRegistered();
        var s = state.State;
        if (s.RecentCheckouts.Find(r => r.TxnId == effect.TxnId) is { } previous)
        {
            return new MemberCheckoutOutcome(previous, Replayed: true);
        }
        await Housekeep();
        var rules = programme.Current;
        var tierBefore = s.Tier;
        // Check everything before changing anything: a refused checkout leaves the member as it was.
        var couponIndexes = effect.CouponsRedeemed.Select(code => s.Coupons.FindIndex(c => c.Code == code)).ToList();
        if (couponIndexes.Any(i => i < 0 || s.Coupons[i].Status != CouponStatus.Active))
        {
            throw new LoyaltyException(ErrorCodes.CouponAlreadyRedeemed, "A coupon of this purchase was already used or is no longer valid.");
        }
        if (effect.PointsRedeemed > MemberWallet.Balance(s))
        {
            throw new LoyaltyException(ErrorCodes.PointsInsufficient, $"The member has {MemberWallet.Balance(s)} points; {effect.PointsRedeemed} cannot be redeemed.");
        }
        foreach (var use in effect.CampaignsUsed ?? [])
        {
            // Two lanes may both have priced a limited campaign for this member; only as many as the limit commit.
            if (use.PerMemberLimit is { } limit && s.CampaignUses.GetValueOrDefault(use.CampaignId) >= limit)
            {
                throw new LoyaltyException(ErrorCodes.CampaignMemberLimitReached, $"The member has used campaign {use.CampaignId} as often as it allows.");
            }
        }
        foreach (var use in effect.CampaignsUsed ?? [])
        {
            s.CampaignUses[use.CampaignId] = s.CampaignUses.GetValueOrDefault(use.CampaignId) + 1;
        }
        foreach (var i in couponIndexes)
        {
            s.Coupons[i] = s.Coupons[i] with { Status = CouponStatus.Used };
        }
        if (effect.PointsRedeemed > 0)
        {
            MemberWallet.Burn(s, effect.PointsRedeemed);
            AddLedger(effect.TxnId, LedgerKind.PointsRedeemed, -effect.PointsRedeemed, effect.StoreId, effect.At);
        }
        if (effect.PointsEarned > 0)
        {
            MemberWallet.Earn(s, effect.PointsEarned, effect.LocalDate, rules.Expiry);
            AddLedger(effect.TxnId, LedgerKind.PointsEarned, effect.PointsEarned, effect.StoreId, effect.At);
        }
        TierWindow.Record(s, effect.LocalDate, effect.SpendForTier, effect.Visits);
        var (spend, visits) = TierWindow.Totals(s, effect.LocalDate);
        if (new TierEvaluator(rules).UpgradeOnCommit(s.Tier, spend, visits) is { } upgrade)
        {
            s.Tier = upgrade.Id;
            s.TierChangedAt = effect.At;
            s.TierReviewedOn = effect.LocalDate;
            s.Companions.Facts = Facts();
        }
        if (effect.Visits > 0)
        {
            s.LastPurchaseOn = effect.LocalDate;
            if (!s.HasPurchased)
            {
                s.HasPurchased = true;
                s.ReferralGiftPending = s.ReferrerMemberId is not null;
            }
        }
        var result = new MemberCheckoutResult(effect.TxnId, effect.PointsEarned, effect.PointsRedeemed, MemberWallet.Balance(s), tierBefore, s.Tier);
        RememberSettled(result);
        s.Companions.Checkout = CheckoutRecord.ForSale(SaleReceipts.Settled(sale.Receipt, result), sale);
        // Reminders due today ride on the sale's write: no write of their own on the way to the lane's answer.
        QueueNotices(chain.Value.LocalDate(clock.GetUtcNow()), clock.GetUtcNow());
        try
        {
            await Save();
        }
        catch (CheckoutAlreadyRecordedException)
        {
            throw new LoyaltyException(ErrorCodes.TxnConflict, $"txnId {effect.TxnId} is already recorded for a transaction.", 409);
        }
        if (s.ReferralGiftPending)
        {
            await SendReferralGift();
        }
        return new MemberCheckoutOutcome(result, Replayed: false);
    }

    public async Task GrantReferralGift(string refereeMemberId, string storeId)
    {
        RequireRegistered();
        var s = state.State;
        var txnId = $"referral:{refereeMemberId}";
        var points = programme.Current.Gifts.Referral.ReferrerPoints;
        if (points <= 0 || s.RecentCheckouts.Exists(r => r.TxnId == txnId))
        {
            return;
        }
        var now = clock.GetUtcNow();
        MemberWallet.Earn(s, points, chain.Value.LocalDate(now), programme.Current.Expiry);
        AddLedger(txnId, LedgerKind.PointsReferralGift, points, storeId, now);
        RememberSettled(new MemberCheckoutResult(txnId, points, 0, MemberWallet.Balance(s), s.Tier, s.Tier));
        await Save();
    }

    /// <summary>The referrer is owed a gift for this member's first purchase; the flag stays until they have it.</summary>
    private async Task SendReferralGift()
    {
        var s = state.State;
        await GrainFactory.GetGrain<IMemberGrain>(s.ReferrerMemberId!).GrantReferralGift(MemberId, s.HomeStoreId);
        s.ReferralGiftPending = false;
        await Save();
    }

    public async Task<MemberCheckoutResult> ApplyReturn(MemberReturnEffect effect)
    {
        RequireRegistered();
        var s = state.State;
        if (s.RecentCheckouts.Find(r => r.TxnId == effect.TxnId) is { } previous)
        {
            return previous;
        }
        var rules = programme.Current;
        if (effect.PointsClawback > 0)
        {
            var forgiven = MemberWallet.Clawback(s, effect.PointsClawback, rules.Returns.Shortfall);
            AddLedger(effect.TxnId, LedgerKind.PointsClawedBack, -(effect.PointsClawback - forgiven), effect.StoreId, effect.At);
        }
        if (effect.PointsGiveBack > 0)
        {
            MemberWallet.Earn(s, effect.PointsGiveBack, effect.LocalDate, rules.Expiry);
            AddLedger(effect.TxnId, LedgerKind.PointsReturned, effect.PointsGiveBack, effect.StoreId, effect.At);
        }
        // Spend and visits come off the month they were counted in; the tier itself only moves on its yearly review.
        TierWindow.Record(s, effect.PurchaseDate, -effect.SpendReduction, -effect.VisitsReduction);
        foreach (var code in effect.CouponsRestored)
        {
            var i = s.Coupons.FindIndex(c => c.Code == code);
            if (i >= 0 && s.Coupons[i].Status == CouponStatus.Used)
            {
                s.Coupons[i] = s.Coupons[i] with { Status = CouponStatus.Active };
            }
        }
        var result = new MemberCheckoutResult(effect.TxnId, 0, 0, MemberWallet.Balance(s), s.Tier, s.Tier);
        RememberSettled(result);
        await Save();
        return result;
    }

    public async Task<Coupon> IssueCoupon(CouponTemplate template, string issueId)
    {
        RequireRegistered();
        if (IssuedFor(issueId) is { } issued)
        {
            return issued;
        }
        var coupon = Issue(template, issueId, clock.GetUtcNow());
        await Save();
        return coupon;
    }

    /// <summary>The coupon an earlier call with <paramref name="issueId"/> gave, if any: what makes issuing idempotent.</summary>
    private Coupon? IssuedFor(string issueId) =>
        state.State.CouponIssues.TryGetValue(issueId, out var code) ? state.State.Coupons.Find(c => c.Code == code) : null;

    private Coupon Issue(CouponTemplate template, string issueId, DateTimeOffset now)
    {
        var coupon = template.Issue(CouponCodes.New(), chain.Value.LocalDate(now));
        state.State.Coupons.Add(coupon);
        state.State.CouponIssues[issueId] = coupon.Code;
        return coupon;
    }

    public Task<bool> HasExchanged(string txnId) => Task.FromResult(IssuedFor("exchange:" + txnId) is not null);

    public async Task<PointsExchange> ExchangePoints(string txnId, CouponTemplate template, string? storeId)
    {
        RequireRegistered();
        var s = state.State;
        var issueId = "exchange:" + txnId;
        var price = template.PointsPrice ?? throw new LoyaltyException(ErrorCodes.RequestInvalid, $"Coupon template {template.TemplateId} is not for sale for points.", 422);
        if (IssuedFor(issueId) is { } issued)
        {
            return issued.TemplateId == template.TemplateId
                ? new PointsExchange(txnId, issued, price, MemberWallet.Balance(s))
                : throw new LoyaltyException(ErrorCodes.TxnConflict, $"Transaction {txnId} already bought another coupon.", 409);
        }
        var balance = MemberWallet.Balance(s);
        if (price > balance)
        {
            throw new LoyaltyException(ErrorCodes.PointsInsufficient, $"The member has {balance} points; this costs {price}.", 409);
        }
        var now = clock.GetUtcNow();
        // One write: the points leave the oldest lots, the ledger says why, and the coupon arrives, or none of it.
        MemberWallet.Burn(s, price);
        AddLedger(txnId, LedgerKind.PointsExchanged, -price, storeId, now);
        var coupon = Issue(template, issueId, now);
        await Save();
        return new PointsExchange(txnId, coupon, price, MemberWallet.Balance(s));
    }

    /// <summary>The member's birthday as pricing and gifts read it: month and day in the member's chosen calendar.</summary>
    private MemberBirthday? PricingBirthday()
    {
        if (_profile?.Birthday is not { } b)
        {
            return null;
        }
        if (_profile.BirthdayCalendar != BirthdayCalendar.Lunar)
        {
            return new MemberBirthday(b.Month, b.Day, BirthdayCalendar.Gregorian);
        }
        var (_, month, day) = LunarBirthday.FromGregorian(b);
        return new MemberBirthday(month, day, BirthdayCalendar.Lunar);
    }

    private void SetProfile(MemberProfile profile)
    {
        _profile = profile;
        state.State.ProtectedProfile = protector.Encrypt(JsonSerializer.Serialize(profile));
    }

    private async Task<string> ClaimReferralCode()
    {
        for (var attempt = 0; ; attempt++)
        {
            var code = MemberIds.NewReferralCode();
            if (await GrainFactory.GetGrain<IReferralIndexGrain>(code).TryClaim(MemberId) || attempt > 8)
            {
                return code;
            }
        }
    }

    private void AddLedger(string txnId, string kind, long points, string? storeId, DateTimeOffset at) =>
        state.State.Companions.Ledger.Add(new LedgerEntry(MemberId, txnId, kind, points, 0, MemberWallet.Balance(state.State), at, storeId, null));

    private MemberFacts Facts()
    {
        var s = state.State;
        return new MemberFacts(MemberId, s.HomeStoreId, s.Channel, s.RegisteredAt, s.Tier);
    }

    private void RememberSettled(MemberCheckoutResult result)
    {
        var settled = state.State.RecentCheckouts;
        settled.Add(result);
        if (settled.Count > RememberedCheckouts)
        {
            settled.RemoveRange(0, settled.Count - RememberedCheckouts);
        }
    }

    private Task Save() => state.WriteOrDropActivation(this);

    /// <summary>State written before ledger rows went with it kept them in an outbox in the state: they go out now, once.</summary>
    private async Task WriteLegacyOutbox()
    {
        var s = state.State;
        if (s.PendingLedger.Count == 0 && !s.FactsPending)
        {
            return;
        }
        s.Companions.Ledger.AddRange(s.PendingLedger);
        if (s.FactsPending)
        {
            s.Companions.Facts = Facts();
        }
        s.PendingLedger = [];
        s.FactsPending = false;
        await Save();
    }

    private void RequireRegistered()
    {
        if (!state.State.Registered)
        {
            throw new LoyaltyException(ErrorCodes.MemberNotFound, $"No member {MemberId}.", 404);
        }
    }

    private MemberSnapshot Snapshot()
    {
        var s = state.State;
        var today = chain.Value.LocalDate(clock.GetUtcNow());
        var (spend, visits) = TierWindow.Totals(s, today);
        var activeCoupons = s.Coupons.Count(c => c.Status == CouponStatus.Active && c.ValidTo >= today);
        return new MemberSnapshot(MemberId, _profile!, s.HomeStoreId, s.Channel, s.ReferralCode, s.Tier, spend, visits,
            MemberWallet.Balance(s), MemberWallet.Expiring(s, today, programme.Current.Expiry.NoticeDays), s.CardNos.ToList(), s.RegisteredAt, activeCoupons);
    }
}
