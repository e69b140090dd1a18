using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// A member changing their phone number (docs/sign-in.md, "Changing the phone number"). The new number is claimed
/// before anything changes, and the old one is freed only after the profile holds the new one, recorded in state so
/// that a crash in between frees it on the next activation: the member is always found by one of the two numbers.
/// </summary>
public sealed partial class MemberGrain
{
    public async Task<MemberSnapshot> ChangePhone(string phone)
    {
        RequireRegistered();
        var old = _profile!.Phone;
        if (string.Equals(old, phone, StringComparison.Ordinal))
        {
            return Snapshot();
        }
        if (!await GrainFactory.GetGrain<IPhoneIndexGrain>(protector.PhoneIndexKey(phone)).TryClaim(MemberId))
        {
            throw new LoyaltyException(ErrorCodes.MemberPhoneTaken, "This phone number belongs to another member.");
        }
        state.State.PhoneKeyToRelease = protector.PhoneIndexKey(old);
        SetProfile(_profile with { Phone = phone });
        TellOldNumber(old, phone);
        await Save();
        await ReleaseOldPhone();
        return Snapshot();
    }

    /// <summary>Whoever held the old number hears of the change, in the same write: a hijacked account is noticed.</summary>
    private void TellOldNumber(string oldPhone, string newPhone) =>
        QueueSecurityNotice(oldPhone, NotificationTemplates.PhoneChanged, NotificationValues.Write(new PhoneChangedValues(newPhone[^4..])));

    private async Task ReleaseOldPhone()
    {
        await GrainFactory.GetGrain<IPhoneIndexGrain>(state.State.PhoneKeyToRelease!).Release(MemberId);
        state.State.PhoneKeyToRelease = null;
        await Save();
    }
}
