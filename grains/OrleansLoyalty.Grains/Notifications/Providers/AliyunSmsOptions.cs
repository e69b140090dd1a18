using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// SMS through Alibaba Cloud's Short Message Service (<c>Notifications:Sms:Aliyun</c>). Every template needs a
/// template of the chain's own, approved by the carrier, with the variables of <see cref="TemplateVariables"/>.
/// </summary>
public sealed class AliyunSmsOptions
{
    public const string SectionName = "Notifications:Sms:Aliyun";

    [Required]
    public string AccessKeyId { get; set; } = "";

    /// <summary>From the secret store, never the settings file.</summary>
    [Required]
    public string AccessKeySecret { get; set; } = "";

    /// <summary>The approved signature shown in 【】 before every message, e.g. 某某超市.</summary>
    [Required]
    public string SignName { get; set; } = "";

    [Required]
    public Uri Endpoint { get; set; } = new("https://dysmsapi.aliyuncs.com/");

    [Required]
    public string RegionId { get; set; } = "cn-hangzhou";

    /// <summary>Our template (e.g. <c>signin.code</c>) → the chain's approved template code (e.g. <c>SMS_71390007</c>).</summary>
    public Dictionary<string, string> Templates { get; set; } = [];

    /// <summary>How long one hand-over may take: the dispatcher holds its batch's rows meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Refuses to start with a template that would have no approved counterpart: its messages could never go.</summary>
public sealed class AliyunSmsOptionsValidator : IValidateOptions<AliyunSmsOptions>
{
    public ValidateOptionsResult Validate(string? name, AliyunSmsOptions options)
    {
        var missing = NotificationTemplates.All.Where(t => !options.Templates.TryGetValue(t, out var code) || string.IsNullOrWhiteSpace(code)).ToList();
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AliyunSmsOptions.SectionName}:Templates needs a template code for {string.Join(", ", missing)}.");
    }
}
