using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Reminders as WeChat mini-program subscription messages (<c>Notifications:WeChat</c>; the app's credentials are the
/// <c>WeChat</c> section). Each reminder needs a template the chain picked in the mini-program's console, and which of
/// its fields gets which of our variables.
/// </summary>
public sealed class WeChatMessageOptions
{
    public const string SectionName = "Notifications:WeChat";

    /// <summary>Our reminder template (e.g. <c>points.expiring</c>) → the WeChat template and its fields.</summary>
    public Dictionary<string, WeChatTemplate> Templates { get; set; } = [];

    /// <summary>The mini-program page a tap on the message opens.</summary>
    public string Page { get; set; } = "pages/index/index";

    /// <summary><c>formal</c>, <c>trial</c> or <c>developer</c>: which version of the mini-program the tap opens.</summary>
    [RegularExpression("^(formal|trial|developer)$")]
    public string MiniprogramState { get; set; } = "formal";
}

/// <summary>
/// One WeChat subscription template: its id, and each field's value, where <c>{name}</c> stands for our variable
/// (<see cref="TemplateVariables"/>), e.g. <c>"number1": "{points}"</c>, <c>"thing3": "请在到期前使用"</c>.
/// </summary>
public sealed class WeChatTemplate
{
    public string TemplateId { get; set; } = "";

    public Dictionary<string, string> Fields { get; set; } = [];
}

/// <summary>Refuses to start with a reminder that has no WeChat template, or a field naming a variable the reminder does not have.</summary>
public sealed class WeChatMessageOptionsValidator : IValidateOptions<WeChatMessageOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatMessageOptions options)
    {
        var failures = new List<string>();
        foreach (var reminder in NotificationTemplates.Reminders)
        {
            if (!options.Templates.TryGetValue(reminder, out var template) || string.IsNullOrWhiteSpace(template.TemplateId) || template.Fields.Count == 0)
            {
                failures.Add($"{WeChatMessageOptions.SectionName}:Templates:{reminder} needs a TemplateId and its Fields.");
                continue;
            }
            var known = TemplateVariables.NamesOf(reminder);
            foreach (var (field, format) in template.Fields)
            {
                foreach (var unknown in WeChatFields.Placeholders(format).Where(p => !known.Contains(p)))
                {
                    failures.Add($"{WeChatMessageOptions.SectionName}:Templates:{reminder}:Fields:{field} names {{{unknown}}}, which {reminder} does not have ({string.Join(", ", known)}).");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
