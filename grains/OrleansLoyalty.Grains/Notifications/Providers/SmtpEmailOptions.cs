using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>E-mail through the chain's mail relay (<c>Notifications:Email</c>), over SMTP.</summary>
public sealed class SmtpEmailOptions
{
    public const string SectionName = "Notifications:Email";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (port 587, the default), <c>SslOnConnect</c> (465) or <c>None</c> (a relay on the same host only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Unset: the relay takes mail without a login (it trusts the silo's address).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "会员中心";

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}
