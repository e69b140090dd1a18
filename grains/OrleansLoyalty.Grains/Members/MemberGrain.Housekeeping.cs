using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// The calendar's work on a member: points lots that passed their expiry date leave the wallet (and the ledger
/// says so), and on each anniversary of the last tier review a member who no longer qualifies drops one tier.
/// Runs when the member wakes up, before each purchase, and daily by reminder for members who do not shop.
/// Dates are the chain's local dates (<c>Chain:TimeZone</c>).
/// </summary>
public sealed partial class MemberGrain : IRemindable
{
    private const string DailyReview = "daily-review";

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DailyReview)
        {
            await Housekeep(notices: true);
        }
    }

    private async Task KeepDailyReview()
    {
        if (!memberOptions.Value.DailyReviewReminder)
        {
            return;
        }
        // Reminders are durable (PostgreSQL), so a member who never shops again is still reviewed.
        await this.RegisterOrUpdateReminder(DailyReview, TimeSpan.FromHours(1), TimeSpan.FromDays(1));
    }

    private async Task ForgetDailyReview()
    {
        if (memberOptions.Value.DailyReviewReminder && await this.GetReminder(DailyReview) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <param name="notices">
    /// Also queue the reminders due (the daily review). Waking up for a quote does not: that would put a write before
    /// the lane's answer; a purchase queues them with its own write (<see cref="CommitCheckout"/>).
    /// </param>
    private async Task Housekeep(bool notices = false)
    {
        var s = state.State;
        if (!s.Registered)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var today = chain.Value.LocalDate(now);
        var changed = false;

        var expired = MemberWallet.Expire(s, today);
        if (expired > 0)
        {
            AddLedger($"expiry:{today:yyyy-MM-dd}", LedgerKind.PointsExpired, -expired, null, now);
            changed = true;
        }

        if (s.TierReviewedOn == default)
        {
            s.TierReviewedOn = chain.Value.LocalDate(s.TierChangedAt);
            changed = true;
        }
        var tierBefore = s.Tier;
        var evaluator = new TierEvaluator(programme.Current);
        // Each anniversary passed is one review: never more than one tier down per year.
        for (var review = TierEvaluator.NextReview(s.TierReviewedOn); review <= today; review = TierEvaluator.NextReview(s.TierReviewedOn))
        {
            var (spend, visits) = TierWindow.Totals(s, review);
            if (evaluator.DowngradeOnAnniversary(s.Tier, spend, visits) is { } lower)
            {
                s.Tier = lower.Id;
                s.TierChangedAt = now;
                s.Companions.Facts = Facts();
            }
            s.TierReviewedOn = review;
            changed = true;
        }

        changed |= IssueBirthdayCoupon(today);
        if (notices)
        {
            changed |= QueueNotices(today, now);
        }

        if (changed)
        {
            await Save();
        }
        if (s.Tier != tierBefore && s.HomeStoreId is { } homeStore)
        {
            // A yearly review happens in no store: the member's home store shows it (a purchase's upgrade comes with the sale).
            await events.PublishAsync(new TierChanged { StoreId = homeStore, At = now, MemberId = MemberId, From = tierBefore, To = s.Tier });
        }
    }

    /// <summary>
    /// In the month of this year's birthday (gregorian or lunar, as the member chose), the programme's birthday
    /// coupon, valid for that month; once a year (the issue id names the year).
    /// </summary>
    private bool IssueBirthdayCoupon(DateOnly today)
    {
        var s = state.State;
        if (programme.Current.Gifts.Birthday.Coupon is not { } template || PricingBirthday() is not { } birthday)
        {
            return false;
        }
        var thisMonthsFirst = new DateOnly(today.Year, today.Month, 1);
        if (Birthdays.NextOccurrence(birthday, thisMonthsFirst) is not { } date || date.Month != today.Month || date.Year != today.Year)
        {
            return false;
        }
        var issueId = $"birthday:{date.Year}";
        if (s.CouponIssues.ContainsKey(issueId))
        {
            return false;
        }
        var (from, to) = BirthdayGift.CouponWindow(date);
        var coupon = new Coupon(CouponCodes.New(), template.TemplateId, CouponStatus.Active, from, to);
        s.Coupons.Add(coupon);
        s.CouponIssues[issueId] = coupon.Code;
        return true;
    }
}
