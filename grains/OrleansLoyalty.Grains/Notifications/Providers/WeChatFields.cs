using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Fills a WeChat subscription template's fields from a message's variables, within WeChat's limits on a field's
/// kind (a <c>thing</c> takes 20 characters, a <c>phrase</c> 5, a <c>character_string</c> or <c>number</c> 32): a
/// longer value would make WeChat refuse the whole message.
/// </summary>
public static partial class WeChatFields
{
    public static Dictionary<string, object> Fill(WeChatTemplate template, IReadOnlyDictionary<string, string> variables) =>
        template.Fields.ToDictionary(
            f => f.Key,
            f => (object)new { value = Limit(f.Key, Placeholder().Replace(f.Value, m => variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)) });

    public static IEnumerable<string> Placeholders(string format) => Placeholder().Matches(format).Select(m => m.Groups[1].Value);

    private static string Limit(string field, string value)
    {
        var kind = field.TrimEnd("0123456789".ToCharArray());
        var max = kind switch
        {
            "thing" => 20,
            "phrase" => 5,
            "character_string" or "number" or "letter" or "symbol" or "car_number" => 32,
            _ => int.MaxValue,
        };
        var info = new StringInfo(value);
        return info.LengthInTextElements <= max ? value : info.SubstringByTextElements(0, max - 1) + "…";
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
