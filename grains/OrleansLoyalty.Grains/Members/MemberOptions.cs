namespace OrleansLoyalty.Grains.Members;

/// <summary>Member housekeeping settings. Bound from the "Members" section.</summary>
public sealed class MemberOptions
{
    public const string SectionName = "Members";

    /// <summary>
    /// Register the daily reminder that expires points and reviews tiers of members who do not shop. Always on in a
    /// real silo; off only where no reminder service runs (the in-process grain tests, which drive the calendar through
    /// purchases and activation instead).
    /// </summary>
    public bool DailyReviewReminder { get; set; } = true;

    /// <summary>
    /// Anonymous registrations (the web, the app) must carry the code sent to the phone by <c>POST /members/otp</c>
    /// with <c>purpose: registration</c>, so nobody registers a number that is not theirs (docs/sign-in.md).
    /// Lanes and staff register the shopper in front of them without one.
    /// </summary>
    public bool VerifyPhoneOnSelfRegistration { get; set; } = true;
}
