using System.Security.Claims;
using OrleansLoyalty.Api.Auth;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;


namespace OrleansLoyalty.Api.Members;

/// <summary>Builds what a caller may see of a member: full to head office, the member and the home store's managers; masked to everyone else.</summary>
public static class MemberViews
{
    public static bool MaySeeInFull(ClaimsPrincipal user, MemberSnapshot member) => MaySeeInFull(user, member.MemberId, member.HomeStoreId);

    /// <summary>Head office, the member themself, or a manager of the member's home store.</summary>
    public static bool MaySeeInFull(ClaimsPrincipal user, string memberId, string homeStoreId) =>
        user.IsAdmin()
        || (user.IsInRole(Roles.Manager) && user.MayActFor(homeStoreId))
        || (user.IsInRole(Roles.Member) && user.Subject() == memberId);

    /// <summary>Staff who may act for the member at a desk: head office, or a manager of the member's home store (never the member).</summary>
    public static bool IsStaffOf(ClaimsPrincipal user, MemberSnapshot member) =>
        user.IsAdmin() || (user.IsInRole(Roles.Manager) && user.MayActFor(member.HomeStoreId));

    public static async Task<MemberView> Build(MemberSnapshot m, ClaimsPrincipal user, IGrainFactory grains, Programme programme)
    {
        var full = MaySeeInFull(user, m);
        var p = m.Profile;
        var cards = await Task.WhenAll(m.CardNos.Select(c => grains.GetGrain<ICardGrain>(c).Get()));
        var storedValue = cards.Where(c => c.Status is CardStatus.Active or CardStatus.Lost).Sum(c => c.Balance);
        return new MemberView(
            m.MemberId,
            full ? p.Name : PersonalDataMask.Name(p.Name),
            full ? p.Phone : PersonalDataMask.Phone(p.Phone),
            full && p.Birthday is { } b ? BirthdayRules.Format(b, p.BirthdayCalendar) : null,
            p.BirthdayCalendar == BirthdayCalendar.Lunar ? "lunar" : "gregorian",
            p.Gender,
            full ? p.Email : PersonalDataMask.Email(p.Email),
            p.ConsentMarketing,
            m.HomeStoreId,
            m.Channel,
            m.ReferralCode,
            m.RegisteredAt,
            m.Tier,
            Progress(m, programme),
            new PointsView(m.PointsBalance, m.Expiring.Select(e => new ExpiringView(e.Points, e.On.ToString("yyyy-MM-dd"))).ToList()),
            storedValue,
            m.ActiveCoupons,
            m.CardNos,
            p.NotifyBy,
            p.WeChatOpenId is not null);
    }

    public static TierProgress Progress(MemberSnapshot m, Programme programme)
    {
        var rank = programme.TierRank(m.Tier);
        var next = rank >= 0 && rank + 1 < programme.Tiers.Length ? programme.Tiers[rank + 1] : null;
        return new TierProgress(
            m.Spend12m,
            m.Visits12m,
            next?.Id,
            next is null ? 0 : Math.Max(0, next.SpendThreshold - m.Spend12m),
            next is null ? 0 : Math.Max(0, next.VisitsThreshold - m.Visits12m));
    }
}
