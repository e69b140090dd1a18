using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Members;

/// <inheritdoc cref="IMemberDirectoryGrain"/>
[StatelessWorker]
public sealed class MemberDirectoryGrain(PersonalDataProtector protector) : Grain, IMemberDirectoryGrain
{
    public async Task<RegistrationResult> Register(RegisterMember command)
    {
        var memberId = MemberIds.NewMemberId();
        var phoneIndex = GrainFactory.GetGrain<IPhoneIndexGrain>(protector.PhoneIndexKey(command.Profile.Phone));
        if (!await phoneIndex.TryClaim(memberId))
        {
            throw new LoyaltyException(ErrorCodes.MemberPhoneTaken, "This phone number is already registered.");
        }
        return await GrainFactory.GetGrain<IMemberGrain>(memberId).Register(command);
    }

    public Task<string?> FindByPhone(string phone) =>
        GrainFactory.GetGrain<IPhoneIndexGrain>(protector.PhoneIndexKey(phone)).GetMemberId();

    public async Task SendRegistrationCode(string phone)
    {
        var key = protector.PhoneIndexKey(phone);
        if (await GrainFactory.GetGrain<IPhoneIndexGrain>(key).GetMemberId() is null)
        {
            await GrainFactory.GetGrain<IPhoneVerificationGrain>(key).SendCode(phone);
        }
    }

    public Task<bool> VerifyRegistrationCode(string phone, string code) =>
        GrainFactory.GetGrain<IPhoneVerificationGrain>(protector.PhoneIndexKey(phone)).TryUseCode(code);

    public Task<string?> FindByReferralCode(string referralCode) =>
        GrainFactory.GetGrain<IReferralIndexGrain>(referralCode.ToUpperInvariant()).GetMemberId();
}
