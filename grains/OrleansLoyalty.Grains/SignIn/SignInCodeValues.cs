namespace OrleansLoyalty.Grains.SignIn;

/// <summary>The values of a <c>signin.code</c> message: the code and for how many minutes it works.</summary>
public sealed record SignInCodeValues(string Code, int ValidMinutes);
