namespace OrleansLoyalty.Contracts.SignIn;

/// <summary>
/// Proves that someone registering on the web or in the app holds the phone they give: a one-time code sent to a
/// phone no member has yet (keyed by the phone's index key, never by the number). Lanes and staff register shoppers
/// standing in front of them and need no code.
/// </summary>
public interface IPhoneVerificationGrain : IGrainWithStringKey
{
    /// <summary>Sends a fresh registration code to <paramref name="phone"/>, unless asked too recently or too often.</summary>
    Task<CodeRequestOutcome> SendCode(string phone);

    /// <summary>Whether <paramref name="code"/> is the live code; a right one is used up, a wrong one costs a try.</summary>
    Task<bool> TryUseCode(string code);
}
