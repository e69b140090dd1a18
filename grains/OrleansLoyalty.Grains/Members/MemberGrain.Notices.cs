using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// The reminders a member gets by SMS (docs/notices.md): points about to expire and a coming downgrade (service
/// notices, which the programme promises), the birthday coupon and "we miss you" (marketing, only with consent).
/// They go into the notification outbox with the state write that records them, at most <c>Notices:MaxPerWeek</c> a
/// week (the most urgent first), held back to the end of the chain's quiet hours, each once.
/// </summary>
public sealed partial class MemberGrain
{
    private const int RememberedNotices = 32;
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>In memory only: after a reactivation the day is checked again, and the keys keep that harmless.</summary>
    private DateOnly _noticesCheckedOn;

    /// <summary>Queues what is due today, once per activation and day; true when the state changed and must be saved.</summary>
    private bool QueueNotices(DateOnly today, DateTimeOffset now)
    {
        if (_noticesCheckedOn == today || _profile is not { } profile)
        {
            return false;
        }
        _noticesCheckedOn = today;
        return Queue(DueNotices(today), profile, now);
    }

    public async Task RemindLowBalance(string txnId, long storedValueLeft)
    {
        // The checkout decided that this sale crossed the threshold (it knows the balance before and after).
        if (_profile is not { } profile)
        {
            return;
        }
        var notice = new DueNotice($"{NotificationTemplates.LowBalance}:{txnId}", NotificationTemplates.LowBalance, new LowBalanceValues(storedValueLeft), Marketing: false);
        if (Queue([notice], profile, clock.GetUtcNow()))
        {
            await Save();
        }
    }

    public async Task SendBySms(string messageId, string template, string values)
    {
        if (_profile is not { } profile)
        {
            return;
        }
        var o = noticeOptions.Value;
        var now = clock.GetUtcNow();
        var notBefore = QuietHours.NextAllowed(now, chain.Value.Zone, o.QuietFrom, o.QuietUntil);
        // Consent and the weekly cap were judged when the reminder was first queued: this is the same reminder, moved.
        state.State.Companions.Messages.Add(new OutboxMessage($"{messageId}:sms", MemberId, NotificationChannels.Sms, template,
            protector.Encrypt(profile.Phone), protector.Encrypt(values), now, notBefore + o.Lifetime, notBefore));
        await Save();
    }

    /// <summary>Puts the notices that consent and the weekly cap allow into the outbox with the next write; true when the state changed.</summary>
    private bool Queue(IEnumerable<DueNotice> notices, Contracts.Members.MemberProfile profile, DateTimeOffset now)
    {
        var s = state.State;
        var o = noticeOptions.Value;
        var changed = s.NoticesSentAt.RemoveAll(at => now - at >= Week) > 0;
        foreach (var notice in notices)
        {
            if (s.NoticesSentAt.Count >= o.MaxPerWeek)
            {
                break;
            }
            if (s.NoticesGiven.Contains(notice.Key) || (notice.Marketing && !profile.ConsentMarketing))
            {
                continue;
            }
            var notBefore = QuietHours.NextAllowed(now, chain.Value.Zone, o.QuietFrom, o.QuietUntil);
            var values = NotificationValues.Write(notice.Values);
            var route = NoticeRoute.For(profile, deliverable);
            s.Companions.Messages.Add(new OutboxMessage($"{MemberId}:{notice.Key}", MemberId, route.Channel, notice.Template,
                protector.Encrypt(route.Recipient), protector.Encrypt(values), now, notBefore + o.Lifetime, notBefore));
            s.NoticesGiven.Add(notice.Key);
            if (s.NoticesGiven.Count > RememberedNotices)
            {
                s.NoticesGiven.RemoveAt(0);
            }
            s.NoticesSentAt.Add(now);
            changed = true;
        }
        return changed;
    }

    /// <summary>What is due today, most urgent first; each with the key that makes it once.</summary>
    private IEnumerable<DueNotice> DueNotices(DateOnly today)
    {
        var s = state.State;
        var rules = programme.Current;
        if (MemberWallet.Expiring(s, today, rules.Expiry.NoticeDays) is [var soonest, ..])
        {
            yield return new DueNotice($"{NotificationTemplates.PointsExpiring}:{soonest.On:yyyy-MM-dd}", NotificationTemplates.PointsExpiring,
                new PointsExpiringValues(soonest.Points, soonest.On), Marketing: false);
        }
        var review = TierEvaluator.NextReview(s.TierReviewedOn);
        if (s.TierReviewedOn != default && today >= TierEvaluator.DowngradeNoticeOn(review) && today < review)
        {
            // What the review will count if the member buys nothing more: the 12 months that end on its day.
            var (spend, visits) = TierWindow.Totals(s, review);
            if (new TierEvaluator(rules).DowngradeOnAnniversary(s.Tier, spend, visits) is { } lower
                && rules.Tiers.FirstOrDefault(t => t.Id == s.Tier) is { } current)
            {
                yield return new DueNotice($"{NotificationTemplates.TierDowngradeComing}:{review:yyyy-MM-dd}", NotificationTemplates.TierDowngradeComing,
                    new TierDowngradeValues(current.Name, lower.Name, review, Math.Max(0, current.SpendThreshold - spend)), Marketing: false);
            }
        }
        if (s.CouponIssues.TryGetValue($"birthday:{today.Year}", out var code)
            && s.Coupons.Find(c => c.Code == code) is { Status: CouponStatus.Active } coupon && coupon.ValidTo >= today)
        {
            var name = rules.Gifts.Birthday.Coupon?.Name ?? coupon.TemplateId;
            yield return new DueNotice($"{NotificationTemplates.BirthdayCoupon}:{today.Year}", NotificationTemplates.BirthdayCoupon,
                new BirthdayCouponValues(name, coupon.ValidTo), Marketing: true);
        }
        // A purchase queues after recording itself, so a member at the lane is never "missed".
        if (s.LastPurchaseOn is { } last && today.DayNumber - last.DayNumber >= noticeOptions.Value.InactiveAfterDays)
        {
            // One key for both wordings: a member is told once per quiet spell, with points or without.
            var key = $"{NotificationTemplates.Inactive}:{last:yyyy-MM-dd}";
            var points = MemberWallet.Balance(s);
            yield return points > 0
                ? new DueNotice(key, NotificationTemplates.Inactive, new InactiveValues(points), Marketing: true)
                : new DueNotice(key, NotificationTemplates.WelcomeBack, new WelcomeBackValues(), Marketing: true);
        }
    }

    private sealed record DueNotice(string Key, string Template, object Values, bool Marketing);
}
