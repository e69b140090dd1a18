using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Members;

/// <summary>The security notice of a payment PIN change (docs/payment-pin.md): whoever holds the phone hears of it.</summary>
public sealed partial class MemberGrain
{
    public async Task TellPaymentPinChanged(bool removed)
    {
        RequireRegistered();
        if (removed)
        {
            // Called once the PIN grain has cleared it, so "none" is never said while a PIN exists.
            state.State.PaymentPinSet = false;
        }
        QueueSecurityNotice(_profile!.Phone, NotificationTemplates.PaymentPinChanged, NotificationValues.Write(new PaymentPinChangedValues(removed)));
        await Save();
    }

    public async Task NotePaymentPinSet()
    {
        RequireRegistered();
        if (state.State.PaymentPinSet == true)
        {
            return;
        }
        state.State.PaymentPinSet = true;
        await Save();
    }

    public Task LearnNoPaymentPin()
    {
        // Only from unknown: every PIN set since the flag exists calls NotePaymentPinSet before it is stored, so while the
        // flag is still unknown no PIN has been set since the PIN grain said it had none.
        if (_profile is not null && state.State.PaymentPinSet is null)
        {
            state.State.PaymentPinSet = false;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// An SMS about the account's security, written with the member's next save: sent at once, whatever the consent, quiet
    /// hours or weekly cap, because it tells the phone's holder of a change they may not have made.
    /// </summary>
    private void QueueSecurityNotice(string phone, string template, string values)
    {
        var now = clock.GetUtcNow();
        state.State.Companions.Messages.Add(new OutboxMessage($"{MemberId}:{template}:{now.ToUnixTimeMilliseconds()}", MemberId,
            NotificationChannels.Sms, template, protector.Encrypt(phone), protector.Encrypt(values), now, now + noticeOptions.Value.Lifetime));
    }
}
