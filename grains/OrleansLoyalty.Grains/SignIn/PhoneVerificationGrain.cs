using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.SignIn;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.SignIn;

/// <inheritdoc cref="IPhoneVerificationGrain"/>
public sealed class PhoneVerificationGrain(
    [PersistentState("phoneVerification", "loyalty")] IPersistentState<PhoneVerificationState> state,
    PersonalDataProtector protector,
    IOptions<SignInOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IPhoneVerificationGrain
{
    private readonly OneTimeCodes _codes = new(protector, options.Value);

    private string Subject => "phone:" + this.GetPrimaryKeyString();

    public async Task<CodeRequestOutcome> SendCode(string phone)
    {
        var outcome = _codes.Issue(state.State, Subject, phone, memberId: null, NotificationTemplates.RegistrationCode, clock.GetUtcNow());
        if (outcome.Sent)
        {
            await state.WriteOrDropActivation(this);
        }
        return outcome;
    }

    public async Task<bool> TryUseCode(string code)
    {
        if (_codes.TryUse(state.State, Subject, code, clock.GetUtcNow()) is not { } right)
        {
            return false;
        }
        await state.WriteOrDropActivation(this);
        return right;
    }
}
