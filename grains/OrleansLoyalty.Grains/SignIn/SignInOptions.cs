using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.SignIn;

/// <summary>Limits of member sign-in (password and one-time code). Bound from the "SignIn" section.</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>How long a one-time code may be used after it was requested.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong guesses one code allows before it is void and a new one must be asked for.</summary>
    [Range(1, 10)]
    public int CodeTries { get; set; } = 5;

    /// <summary>The least time between two codes for one member.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan CodeResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes one member may be sent in any hour (each one is an SMS the chain pays for).</summary>
    [Range(1, 20)]
    public int CodesPerHour { get; set; } = 5;

    /// <summary>Password attempts in a row that may fail before the member is locked out.</summary>
    [Range(3, 20)]
    public int PasswordTries { get; set; } = 5;

    /// <summary>How long a lock-out lasts (a one-time code still signs the member in meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LockOut { get; set; } = TimeSpan.FromMinutes(15);
}
