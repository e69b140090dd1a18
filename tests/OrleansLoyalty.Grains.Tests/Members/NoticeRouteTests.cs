using System.Text.Json;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Tests.Members;

public sealed class NoticeRouteTests
{
    private static readonly MemberProfile Profile = new("13800138000", "渠道", null, BirthdayCalendar.Gregorian, null, "li@example.com", true);
    private static readonly DeliverableChannels Every = new(NotificationChannels.All);

    [Theory]
    [InlineData("sms", "li@example.com", "oWeChat0123456789", "sms", "13800138000")]
    [InlineData("email", "li@example.com", null, "email", "li@example.com")]
    [InlineData("wechat", null, "oWeChat0123456789", "wechat", "oWeChat0123456789")]
    [InlineData("email", null, null, "sms", "13800138000")]
    [InlineData("wechat", "li@example.com", null, "sms", "13800138000")]
    public void A_reminder_goes_by_the_chosen_channel_when_the_member_has_an_address_there_else_by_sms(
        string notifyBy, string? email, string? openId, string channel, string recipient) =>
        Assert.Equal(new NoticeRoute(channel, recipient), NoticeRoute.For(Profile with { NotifyBy = notifyBy, Email = email, WeChatOpenId = openId }, Every));

    [Fact]
    public void A_chosen_channel_no_sender_can_deliver_on_falls_back_to_sms_instead_of_waiting_in_the_outbox()
    {
        var smsAndEmailOnly = new DeliverableChannels([NotificationChannels.Sms, NotificationChannels.Email]);

        Assert.Equal(new NoticeRoute("sms", "13800138000"), NoticeRoute.For(Profile with { NotifyBy = "wechat", WeChatOpenId = "oWeChat0123456789" }, smsAndEmailOnly));
        Assert.Equal(new NoticeRoute("email", "li@example.com"), NoticeRoute.For(Profile with { NotifyBy = "email" }, smsAndEmailOnly));
    }

    [Fact]
    public void A_profile_stored_before_channels_existed_reads_as_sms()
    {
        const string stored = """{"Phone":"13800138000","Name":"老会员","Birthday":null,"BirthdayCalendar":0,"Gender":null,"Email":null,"ConsentMarketing":false}""";

        var profile = JsonSerializer.Deserialize<MemberProfile>(stored)!;

        Assert.Equal(("sms", null), (profile.NotifyBy, profile.WeChatOpenId));
    }
}
