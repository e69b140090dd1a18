using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Members;

/// <summary>The security notice of a payment PIN change (docs/payment-pin.md): whoever holds the phone hears of it.</summary>
public sealed partial class MemberGrain
{
    public async Task TellPaymentPinChanged(bool removed)
    {
        RequireRegistered();
        var now = clock.GetUtcNow();
        var values = NotificationValues.Write(new PaymentPinChangedValues(removed));
        state.State.Companions.Messages.Add(new OutboxMessage($"{MemberId}:payment_pin.changed:{now.ToUnixTimeMilliseconds()}", MemberId,
            NotificationChannels.Sms, NotificationTemplates.PaymentPinChanged, protector.Encrypt(_profile!.Phone), protector.Encrypt(values), now,
            now + noticeOptions.Value.Lifetime));
        await Save();
    }
}
